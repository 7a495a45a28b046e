import { and, eq } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import type { TDirective } from '../../shared/directives';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { directives } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requireDirectiveAuthor } from './directive-policy';
import { getDirective, requireDirectiveRow } from './directive-queries';

/**
 * Withdraws an issued directive without replacing it. Its text stays as it was (posts'
 * engagements cite it); only its status changes. A superseded directive is already out of
 * force, and a draft was never in force, so neither can be rescinded (409).
 */
export async function rescindDirective(db: Db, id: string, context: AuditContext, actor: Actor | null): Promise<TDirective> {
  await db.transaction(async (tx) => {
    const current = await requireDirectiveRow(tx, id, actor);
    if (actor) requireDirectiveAuthor(actor);
    const [rescinded] = await tx
      .update(directives)
      .set({ status: 'rescinded', updatedAt: new Date() })
      .where(and(eq(directives.id, id), eq(directives.status, 'issued')))
      .returning({ id: directives.id });
    if (!rescinded) {
      throw new AppError('conflict', `Only an issued directive can be rescinded; this directive is ${current.status}.`);
    }
    await recordAudit(tx, context, {
      action: 'directive.rescinded',
      classification: current.classification as TClearance,
      recordType: 'directive',
      recordId: id,
      change: { reference: current.reference, status: { from: 'issued', to: 'rescinded' } },
    });
  });
  return getDirective(db, id, actor);
}
