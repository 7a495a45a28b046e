import { and, eq } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import { higherMarking } from '../identity/access-policy';
import type { TDirective } from '../../shared/directives';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { directives } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { canSeeDirective, issueProblems, requireDirectiveAuthor } from './directive-policy';
import { getDirective, requireDirectiveRow } from './directive-queries';
import { freezeAddressees } from './addressee-choices';

/**
 * Issues a draft: from now on its text is frozen and posts act on it. A draft that
 * supersedes an issued directive replaces it in the same transaction, so there is never a
 * moment with both in force, or neither. `actor` null: Demarche itself (the demo seed).
 */
export async function issueDirective(db: Db, id: string, context: AuditContext, actor: Actor | null): Promise<TDirective> {
  await db.transaction(async (tx) => {
    // Locked until the end: an edit of its addressees waits, and cannot change what is frozen below.
    await tx.select({ id: directives.id }).from(directives).where(eq(directives.id, id)).for('update');
    const draft = await requireDirectiveRow(tx, id, actor);
    if (actor) requireDirectiveAuthor(actor);
    if (draft.status !== 'draft') {
      throw new AppError('conflict', `Only a draft can be issued; this directive is ${draft.status}.`);
    }
    const problems = issueProblems(draft);
    // The author must still be able to see what they replace (their clearance may have changed).
    if (draft.supersedesId && actor && problems.length === 0 && !(await canSeeDirective(tx, actor, draft.supersedesId))) {
      problems.push({ field: 'body.supersedes', message: 'no directive has this id' });
    }
    if (problems.length > 0)
      throw AppError.validation(problems, `This draft cannot be issued yet: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`);

    // The posts its choice stands for now (a post added to a chosen bureau since it was saved
    // too) become its posts for good. Each step is conditional on the status it expects, so
    // two authors racing cannot both win.
    const addressed = await freezeAddressees(tx, id);
    const [issued] = await tx
      .update(directives)
      .set({ status: 'issued', issuedAt: new Date(), issuedBy: actor?.id ?? null, updatedAt: new Date() })
      .where(and(eq(directives.id, id), eq(directives.status, 'draft')))
      .returning({ id: directives.id });
    if (!issued) throw new AppError('conflict', 'This directive was issued meanwhile.');
    await recordAudit(tx, context, {
      action: 'directive.issued',
      classification: draft.classification as TClearance,
      recordType: 'directive',
      recordId: id,
      change: {
        reference: draft.reference,
        status: { from: 'draft', to: 'issued' },
        supersedes: draft.supersedesId,
        actionPosts: addressed.filter((post) => post.role === 'action').map((post) => post.code),
        infoPosts: addressed.filter((post) => post.role === 'info').map((post) => post.code),
      },
    });

    if (draft.supersedesId) {
      const [superseded] = await tx
        .update(directives)
        .set({ status: 'superseded', updatedAt: new Date() })
        .where(and(eq(directives.id, draft.supersedesId), eq(directives.status, 'issued')))
        .returning({ id: directives.id, reference: directives.reference, classification: directives.classification });
      if (!superseded) {
        throw AppError.validation([{ field: 'body.supersedes', message: 'must be an issued directive; that one is no longer in force' }]);
      }
      await recordAudit(tx, context, {
        action: 'directive.superseded',
        classification: higherMarking(superseded.classification, draft.classification),
        recordType: 'directive',
        recordId: superseded.id,
        change: { reference: superseded.reference, status: { from: 'issued', to: 'superseded' }, supersededBy: id, supersededByReference: draft.reference },
      });
    }
  });
  return getDirective(db, id, actor);
}
