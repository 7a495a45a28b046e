import { eq } from 'drizzle-orm';
import { ZContactUpdate, type TContact } from '../../shared/engagements';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { contacts } from '../db/schema/index';
import { AppError, type FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission, higherMarking } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { markingProblem, resolveHomePost } from '../records/post-write-scope';
import { assertContactEditor, requireVisibleContact } from './contact-policy';
import { findContactRow, getContact } from './contact-queries';
import { countryProblem } from './create-contact';

const FIELDS = ['name', 'title', 'organization', 'organizationType', 'classification', 'synthetic'] as const;

/** Changes the fields given (pass only what the client sent: see sent-fields.ts). */
export async function updateContact(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TContact> {
  requirePermission(actor, 'records.draft');
  const current = requireVisibleContact(actor, await findContactRow(db, id, actor));
  assertContactEditor(actor, current);
  const update = parseInput(ZContactUpdate, raw);
  // The owning post can only be the writer's home post, which is already the contact's.
  if (update.post !== undefined) await resolveHomePost(db, actor, update.post, 'contacts');
  const errors: (FieldError | undefined)[] = [];
  if (update.country !== undefined) errors.push(await countryProblem(db, update.country));
  if (update.classification !== undefined) errors.push(markingProblem(actor, update.classification));
  const problems = errors.filter((e): e is FieldError => e !== undefined);
  if (problems.length > 0) throw AppError.validation(problems);

  const set: Partial<typeof contacts.$inferInsert> = {};
  const change: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of FIELDS) {
    const to = update[field];
    if (to !== undefined && to !== current[field]) {
      Object.assign(set, { [field]: to });
      change[field] = { from: current[field], to };
    }
  }
  if (update.country !== undefined && update.country !== current.countryAlpha2) {
    set.countryAlpha2 = update.country;
    change.country = { from: current.countryAlpha2, to: update.country };
  }
  if (Object.keys(change).length > 0) {
    await db.transaction(async (tx) => {
      await tx
        .update(contacts)
        .set({ ...set, updatedAt: new Date() })
        .where(eq(contacts.id, id));
      await recordAudit(tx, context, {
        action: 'contact.updated',
        recordType: 'contact',
        recordId: id,
        change,
        classification: higherMarking(current.classification, update.classification ?? current.classification),
      });
    });
  }
  return getContact(db, id, actor);
}
