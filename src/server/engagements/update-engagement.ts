import { and, eq } from 'drizzle-orm';
import { ZEngagementUpdate, type TEngagement } from '../../shared/engagements';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { engagementContacts, engagementDirectives, engagementOfficers, engagementPoints, engagements } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission, higherMarking } from '../identity/access-policy';
import { assertEngagementAction, requireVisibleEngagement } from './engagement-policy';
import type { EngagementRow } from './engagement-presenter';
import { findEngagementRow, getEngagement } from './engagement-queries';
import { parseInput } from './parse-input';
import { storeRelations, type RelationName } from './store-relations';
import { validateEngagement, type EngagementFields } from './validate-engagement';
import { resolveHomePost } from './write-scope';

/** The draft as stored, in the shape of the input, so that a partial update is checked whole. */
async function storedFields(db: Executor, row: EngagementRow): Promise<EngagementFields> {
  const id = row.id;
  const [directiveRows, contactRows, officerRows, pointRows] = await Promise.all([
    db.select({ id: engagementDirectives.directiveId }).from(engagementDirectives).where(eq(engagementDirectives.engagementId, id)),
    db.select({ id: engagementContacts.contactId }).from(engagementContacts).where(eq(engagementContacts.engagementId, id)),
    db.select({ id: engagementOfficers.userId }).from(engagementOfficers).where(eq(engagementOfficers.engagementId, id)),
    db.select().from(engagementPoints).where(eq(engagementPoints.engagementId, id)),
  ]);
  return {
    post: row.postCode,
    occurredAt: row.occurredAt.toISOString(),
    kind: row.kind as EngagementFields['kind'],
    classification: row.classification,
    directives: directiveRows.map((r) => r.id),
    contacts: contactRows.map((r) => r.id),
    // The drafter is added back whatever the list says.
    officers: officerRows.map((r) => r.id).filter((officer) => officer !== row.draftedBy),
    points: pointRows.map((p) => ({
      talkingPointId: p.talkingPointId,
      delivered: p.delivered,
      reception: p.reception as EngagementFields['points'][number]['reception'],
    })),
    commitments: row.commitments,
    ourReadout: row.ourReadout,
    counterpartAccount: row.counterpartAccount,
    counterpartSourceUrl: row.counterpartSourceUrl,
    counterpartDate: row.counterpartDate,
    // Stored follow-ups stay as they are unless the update replaces them.
    followUps: [],
    synthetic: row.synthetic,
  };
}

const RELATION_OF: Partial<Record<keyof EngagementFields, RelationName>> = {
  directives: 'directiveIds',
  contacts: 'contactIds',
  officers: 'officerIds',
  points: 'points',
  followUps: 'followUps',
};
const SCALARS = [
  'occurredAt',
  'kind',
  'classification',
  'commitments',
  'ourReadout',
  'counterpartAccount',
  'counterpartSourceUrl',
  'counterpartDate',
  'synthetic',
] as const;
const LONG_TEXT = new Set<string>(['commitments', 'ourReadout', 'counterpartAccount']);

/**
 * Changes a draft: only the fields given (pass what the client sent), checked together with
 * what is stored, so that a new directive list cannot leave points it no longer covers.
 * Submitted and approved engagements are frozen (409).
 */
export async function updateEngagement(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TEngagement> {
  requirePermission(actor, 'records.draft');
  const current = requireVisibleEngagement(actor, await findEngagementRow(db, id));
  assertEngagementAction(actor, current, 'update');
  const update = parseInput(ZEngagementUpdate, raw);
  if (update.occurredAt !== undefined) update.occurredAt = new Date(update.occurredAt).toISOString();
  const post = await resolveHomePost(db, actor, update.post ?? current.postCode, 'engagements');
  const stored = await storedFields(db, current);
  const effective: EngagementFields = { ...stored, ...update };
  const relations = await validateEngagement(db, actor, post, effective, current.draftedBy);

  const set: Partial<typeof engagements.$inferInsert> = {};
  const change: Record<string, unknown> = {};
  for (const field of SCALARS) {
    if (update[field] === undefined || update[field] === stored[field]) continue;
    Object.assign(set, { [field]: field === 'occurredAt' ? new Date(effective.occurredAt) : effective[field] });
    change[field] = LONG_TEXT.has(field) ? 'changed' : { from: stored[field], to: effective[field] };
  }
  const replaced = (Object.keys(update) as (keyof EngagementFields)[]).flatMap((field) => (RELATION_OF[field] ? [RELATION_OF[field]] : []));
  for (const relation of replaced) change[relation] = relation === 'points' || relation === 'followUps' ? relations[relation].length : relations[relation];

  await db.transaction(async (tx) => {
    // Checked again under the write: a draft submitted meanwhile is no longer editable.
    const [updated] = await tx
      .update(engagements)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(engagements.id, id), eq(engagements.status, 'draft')))
      .returning({ id: engagements.id });
    if (!updated) throw new AppError('conflict', 'The engagement is no longer a draft; it cannot change.');
    await storeRelations(tx, id, relations, replaced);
    if (Object.keys(change).length > 0)
      await recordAudit(tx, context, {
        action: 'engagement.updated',
        recordType: 'engagement',
        recordId: id,
        change,
        classification: higherMarking(current.classification, effective.classification),
      });
  });
  return getEngagement(db, id, actor);
}
