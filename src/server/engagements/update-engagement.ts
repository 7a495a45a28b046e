import { and, eq } from 'drizzle-orm';
import { ZEngagementUpdate, type TEngagement } from '../../shared/engagements';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import { listChange, type ListChange } from '../audit/list-change';
import type { Executor } from '../db/client';
import { engagementContacts, engagementDirectives, engagementOfficers, engagementPoints, engagements, followUps } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission, higherMarking } from '../identity/access-policy';
import { assertEngagementAction, requireVisibleEngagement } from './engagement-policy';
import type { EngagementRow } from './engagement-presenter';
import { syncCommentMarking } from '../workflow/comments';
import { appendActivity } from '../workflow/record-activity';
import { findEngagementSubject, getEngagement } from './engagement-queries';
import { ENGAGEMENT_WORKFLOW } from './engagement-workflow-definition';
import { parseInput } from '../records/parse-input';
import { storeRelations, type RelationName } from './store-relations';
import { type EngagementFields, type EngagementRelations, validateEngagement } from './validate-engagement';
import { resolveHomePost } from '../records/post-write-scope';

/**
 * The draft as stored: in the shape of the input, so that a partial update is checked whole,
 * and in the shape of the resolved relations, so that a list sent again unchanged is no change.
 */
async function loadStored(db: Executor, row: EngagementRow): Promise<{ fields: EngagementFields; relations: EngagementRelations }> {
  const id = row.id;
  const [directiveRows, contactRows, officerRows, pointRows, followUpRows] = await Promise.all([
    db.select({ id: engagementDirectives.directiveId }).from(engagementDirectives).where(eq(engagementDirectives.engagementId, id)),
    db.select({ id: engagementContacts.contactId }).from(engagementContacts).where(eq(engagementContacts.engagementId, id)),
    db.select({ id: engagementOfficers.userId }).from(engagementOfficers).where(eq(engagementOfficers.engagementId, id)),
    db.select().from(engagementPoints).where(eq(engagementPoints.engagementId, id)),
    db
      .select({ action: followUps.action, ownerId: followUps.ownerId, dueDate: followUps.dueDate, doneAt: followUps.doneAt })
      .from(followUps)
      .where(eq(followUps.engagementId, id)),
  ]);
  const points = pointRows.map((p) => ({
    talkingPointId: p.talkingPointId,
    delivered: p.delivered,
    reception: p.reception as EngagementFields['points'][number]['reception'],
  }));
  const fields: EngagementFields = {
    post: row.postCode,
    occurredAt: row.occurredAt.toISOString(),
    kind: row.kind as EngagementFields['kind'],
    classification: row.classification,
    directives: directiveRows.map((r) => r.id),
    contacts: contactRows.map((r) => r.id),
    // The drafter is added back whatever the list says.
    officers: officerRows.map((r) => r.id).filter((officer) => officer !== row.draftedBy),
    points,
    commitments: row.commitments,
    ourReadout: row.ourReadout,
    counterpartAccount: row.counterpartAccount,
    counterpartSourceUrl: row.counterpartSourceUrl,
    counterpartDate: row.counterpartDate,
    // Stored follow-ups stay as they are unless the update replaces them.
    followUps: [],
    synthetic: row.synthetic,
  };
  const relations: EngagementRelations = {
    directiveIds: fields.directives,
    contactIds: fields.contacts,
    officerIds: officerRows.map((r) => r.id),
    points,
    followUps: followUpRows,
  };
  return { fields, relations };
}

/** Order-free comparison of two relation lists (a follow-up compares done or not, not when). */
function sameRelation(a: unknown[], b: unknown[]): boolean {
  const key = (item: unknown) =>
    typeof item === 'object' && item !== null
      ? JSON.stringify(
          Object.entries(item)
            .map(([name, value]) => [name, name === 'doneAt' ? value !== null : (value ?? null)])
            .sort(),
        )
      : String(item);
  const sorted = (list: unknown[]) => list.map(key).sort().join('\n');
  return sorted(a) === sorted(b);
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
/** The input field each stored relation comes from, for the activity timeline. */
const FIELD_OF: Record<string, string> = {
  directiveIds: 'directives',
  contactIds: 'contacts',
  officerIds: 'officers',
  points: 'points',
  followUps: 'followUps',
};

/** What replacing a list changed, for the trail: ids added and removed, or how many points and follow-ups. */
function relationChange(relation: RelationName, before: EngagementRelations, after: EngagementRelations): ListChange | undefined {
  if (relation === 'points') return listChange(before.points, after.points, (point) => point.talkingPointId);
  if (relation === 'followUps') {
    // Done or not, not when: a list sent again keeps its follow-ups' done dates.
    const items = (list: EngagementRelations['followUps']) => list.map(({ doneAt, ...item }) => ({ ...item, done: doneAt !== null }));
    return listChange(items(before.followUps), items(after.followUps), (item) => `${item.action}\n${item.ownerId}\n${item.dueDate}`);
  }
  return listChange(before[relation], after[relation]);
}

/**
 * Changes a draft: only the fields given (pass what the client sent), checked together with
 * what is stored, so that a new directive list cannot leave points it no longer covers.
 * Submitted and approved engagements are frozen (409).
 */
export async function updateEngagement(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TEngagement> {
  requirePermission(actor, 'records.draft');
  const current = requireVisibleEngagement(actor, await findEngagementSubject(db, id));
  assertEngagementAction(actor, current, 'update');
  const update = parseInput(ZEngagementUpdate, raw);
  if (update.occurredAt !== undefined) update.occurredAt = new Date(update.occurredAt).toISOString();
  const post = await resolveHomePost(db, actor, update.post ?? current.postCode, 'engagements');
  const before = await loadStored(db, current);
  const storedFields = before.fields;
  const effective: EngagementFields = { ...storedFields, ...update };
  const relations = await validateEngagement(db, actor, post, effective, current.draftedBy);

  const set: Partial<typeof engagements.$inferInsert> = {};
  const change: Record<string, unknown> = {};
  for (const field of SCALARS) {
    if (update[field] === undefined || update[field] === storedFields[field]) continue;
    Object.assign(set, { [field]: field === 'occurredAt' ? new Date(effective.occurredAt) : effective[field] });
    change[field] = LONG_TEXT.has(field) ? 'changed' : { from: storedFields[field], to: effective[field] };
  }
  // A list sent again unchanged (an edit form sends every field) is no change: it is neither
  // stored again (follow-ups keep their ids and done dates) nor recorded as an edit.
  const replaced = (Object.keys(update) as (keyof EngagementFields)[])
    .flatMap((field) => (RELATION_OF[field] ? [RELATION_OF[field]] : []))
    .filter((relation) => !sameRelation(relations[relation], before.relations[relation]));
  for (const relation of replaced) {
    const listed = relationChange(relation, before.relations, relations);
    if (listed) change[relation] = listed;
  }

  await db.transaction(async (tx) => {
    // Checked again under the write: a draft submitted meanwhile is no longer editable.
    const [updated] = await tx
      .update(engagements)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(engagements.id, id), eq(engagements.status, 'draft')))
      .returning({ id: engagements.id });
    if (!updated) throw new AppError('conflict', 'The engagement is no longer a draft; it cannot change.');
    await storeRelations(tx, id, relations, replaced);
    if (Object.keys(change).length > 0) {
      // Changing the content makes the actor one of its editors: four eyes keeps them from approving it.
      const fields = Object.keys(change).map((key) => FIELD_OF[key] ?? key);
      await appendActivity(tx, { recordType: ENGAGEMENT_WORKFLOW.recordType, recordId: id, actorId: actor.id, kind: 'edited', fields });
      await recordAudit(tx, context, {
        action: 'engagement.updated',
        recordType: 'engagement',
        recordId: id,
        change,
        classification: higherMarking(current.classification, effective.classification),
      });
    }
    // Comments carry the marking of their record.
    if (change.classification) await syncCommentMarking(tx, ENGAGEMENT_WORKFLOW.recordType, id, effective.classification);
  });
  return getEngagement(db, id, actor);
}
