import { and, eq, isNull, sql } from 'drizzle-orm';
import { ZContactMerge, type TContact } from '../../shared/engagements';
import type { AuditContext } from '../audit/audit-context';
import { markingNaming } from '../audit/named-marking';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { contacts, engagementContacts, engagements } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission, higherMarking } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { assertContactEditor, canSeeContact, requireVisibleContact } from './contact-policy';
import { findContactRow, getContact } from './contact-queries';

const noSuchDuplicate = () => AppError.validation([{ field: 'body.duplicate', message: 'no contact with this id' }]);

/**
 * Merges a duplicate into the contact kept: every engagement that cited the duplicate now
 * cites the kept contact (once, even when it cited both), and the duplicate disappears
 * from lists and lookups. Both must be visible to the writer and kept by the same post.
 */
export async function mergeContacts(db: Executor, keptId: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TContact> {
  requirePermission(actor, 'records.draft');
  const kept = requireVisibleContact(actor, await findContactRow(db, keptId, actor));
  assertContactEditor(actor, kept);
  const { duplicate: duplicateId } = parseInput(ZContactMerge, raw);
  if (duplicateId === keptId) throw AppError.validation([{ field: 'body.duplicate', message: 'must be another contact than the one kept' }]);
  // One answer whether the duplicate is missing or hidden, so the reply reveals nothing.
  const duplicate = await findContactRow(db, duplicateId, actor);
  if (!duplicate || !canSeeContact(actor, duplicate)) throw noSuchDuplicate();
  if (duplicate.postId !== kept.postId) {
    throw AppError.validation([{ field: 'body.duplicate', message: `belongs to ${duplicate.postCode}; only contacts of the same post can be merged` }]);
  }

  await db.transaction(async (tx) => {
    // Claim the duplicate first: of two concurrent merges of it, only one goes on.
    const [claimed] = await tx
      .update(contacts)
      .set({ mergedIntoId: keptId, updatedAt: new Date() })
      .where(and(eq(contacts.id, duplicateId), isNull(contacts.mergedIntoId)))
      .returning({ id: contacts.id });
    if (!claimed) throw noSuchDuplicate();
    const [stillKept] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.id, keptId), isNull(contacts.mergedIntoId)));
    if (!stillKept) throw AppError.notFound('Contact');

    await tx
      .insert(engagementContacts)
      .select(
        tx
          .select({ engagementId: engagementContacts.engagementId, contactId: sql<string>`${keptId}::uuid`.as('contact_id') })
          .from(engagementContacts)
          .where(eq(engagementContacts.contactId, duplicateId)),
      )
      .onConflictDoNothing();
    const moved = await tx
      .delete(engagementContacts)
      .where(eq(engagementContacts.contactId, duplicateId))
      .returning({ engagementId: engagementContacts.engagementId });
    // Contacts merged earlier into the duplicate now point at the one kept: no chains.
    await tx.update(contacts).set({ mergedIntoId: keptId }).where(eq(contacts.mergedIntoId, duplicateId));
    await recordAudit(tx, context, {
      action: 'contact.merged',
      // The event lists the engagements moved: it is as sensitive as the highest of them.
      classification: await markingNaming(tx, higherMarking(kept.classification, duplicate.classification), [
        { table: engagements, ids: moved.map((row) => row.engagementId) },
      ]),
      recordType: 'contact',
      recordId: keptId,
      change: { duplicate: duplicateId, duplicateName: duplicate.name, engagements: moved.map((row) => row.engagementId) },
    });
  });
  return getContact(db, keptId, actor);
}
