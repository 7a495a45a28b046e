import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { TIncident } from '../../shared/incidents';
import type { TClearance } from '../../shared/identity';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { incidentLegalStatuses, incidentMerges, incidents, sources } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { higherMarking, requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { syncCommentMarking } from '../workflow/comments';
import { appendActivity } from '../workflow/record-activity';
import { assertIncidentAction } from './incident-policy';
import { findIncidentSubject, getIncident } from './incident-queries';
import { recordRevision } from './incident-revisions';
import { INCIDENT_WORKFLOW } from './incident-workflow-definition';
import { latestLegalStatus } from './set-legal-status';

export const ZMergeInput = z.object({ into: z.string({ error: 'is required: the id of the incident that survives' }).uuid('must be an incident id') });

const changedMeanwhile = () => new AppError('conflict', 'One of the incidents changed meanwhile (merged, rejected); reload and try again.');

/**
 * Merges the incident in the path into `into`, which survives: the merged one's sources and
 * legal-status steps move to the survivor, its revisions and activity stay readable through the
 * survivor, and it becomes a pointer to the survivor. The survivor takes the higher marking of
 * the two. The merge is audited and kept with what moved, so that undoing it is exact.
 */
export async function mergeIncident(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TIncident> {
  requirePermission(actor, 'incidents.triage');
  const { into } = parseInput(ZMergeInput, raw);
  if (into === id) throw AppError.validation([{ field: 'body.into', message: 'must be another incident: an incident is not merged into itself' }]);
  const merged = await findIncidentSubject(db, id, actor);
  assertIncidentAction(actor, merged, 'merge');
  const survivor = await findIncidentSubject(db, into, actor).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') throw AppError.validation([{ field: 'body.into', message: 'is not an incident you can see' }]);
    throw error;
  });
  assertIncidentAction(actor, survivor, 'merge');
  const marking = higherMarking(merged.classification, survivor.classification) as TClearance;

  await db.transaction(async (tx) => {
    const now = new Date();
    const locked = await tx
      .update(incidents)
      .set({ updatedAt: now })
      .where(and(inArray(incidents.id, [id, into]), isNull(incidents.mergedIntoId), inArray(incidents.status, ['draft', 'submitted', 'verified'])))
      .returning({ id: incidents.id });
    if (locked.length !== 2) throw changedMeanwhile();
    const movedSources = await tx
      .update(sources)
      .set({ recordId: into })
      .where(and(eq(sources.recordType, INCIDENT_WORKFLOW.recordType), eq(sources.recordId, id)))
      .returning({ id: sources.id });
    const movedSteps = await tx
      .update(incidentLegalStatuses)
      .set({ incidentId: into })
      .where(eq(incidentLegalStatuses.incidentId, id))
      .returning({ id: incidentLegalStatuses.id });
    const legal = await latestLegalStatus(tx, into);
    await tx
      .update(incidents)
      .set({ classification: marking, legalStatus: legal?.status ?? survivor.legalStatus })
      .where(eq(incidents.id, into));
    await tx.update(incidents).set({ mergedIntoId: into }).where(eq(incidents.id, id));
    await tx.insert(incidentMerges).values({
      mergedId: id,
      survivorId: into,
      movedSourceIds: movedSources.map((row) => row.id),
      movedLegalStatusIds: movedSteps.map((row) => row.id),
      survivorClassificationBefore: survivor.classification,
      survivorLegalStatusBefore: survivor.legalStatus,
      mergedBy: actor.id,
      mergedAt: now,
    });
    const change = { merged: { from: id, into, sources: movedSources.length, legalStatusSteps: movedSteps.length } };
    await recordRevision(tx, { incidentId: into, actorId: actor.id, statusAtChange: survivor.status, change, at: now });
    // The merger added content to the survivor: four eyes keeps them from verifying it.
    await appendActivity(tx, { recordType: INCIDENT_WORKFLOW.recordType, recordId: into, actorId: actor.id, kind: 'merged', note: id, at: now });
    await appendActivity(tx, { recordType: INCIDENT_WORKFLOW.recordType, recordId: id, actorId: actor.id, kind: 'merged', note: into, at: now });
    await recordAudit(tx, context, { action: 'incident.merged', recordType: INCIDENT_WORKFLOW.recordType, recordId: into, change, classification: marking });
    if (marking !== survivor.classification) await syncCommentMarking(tx, INCIDENT_WORKFLOW.recordType, into, marking);
  });
  return getIncident(db, into, actor);
}

/**
 * Undoes the latest merge of the incident in the path: what moved goes back, the survivor's
 * marking returns to what it was unless it was changed since, and the incident stands alone again.
 */
export async function unmergeIncident(db: Executor, id: string, context: AuditContext, actor: Actor): Promise<TIncident> {
  requirePermission(actor, 'incidents.triage');
  const merged = await findIncidentSubject(db, id, actor);
  assertIncidentAction(actor, merged, 'unmerge');
  const survivorId = merged.mergedIntoId!;
  const survivor = await findIncidentSubject(db, survivorId, actor);

  await db.transaction(async (tx) => {
    const now = new Date();
    const [merge] = await tx
      .select()
      .from(incidentMerges)
      .where(and(eq(incidentMerges.mergedId, id), eq(incidentMerges.survivorId, survivorId), isNull(incidentMerges.undoneAt)))
      .orderBy(desc(incidentMerges.mergedAt))
      .limit(1);
    if (!merge) throw new AppError('conflict', 'No merge of this incident is left to undo.');
    const [released] = await tx
      .update(incidents)
      .set({ mergedIntoId: null, updatedAt: now })
      .where(and(eq(incidents.id, id), eq(incidents.mergedIntoId, survivorId)))
      .returning({ id: incidents.id });
    if (!released) throw changedMeanwhile();
    if (merge.movedSourceIds.length > 0) await tx.update(sources).set({ recordId: id }).where(inArray(sources.id, merge.movedSourceIds));
    if (merge.movedLegalStatusIds.length > 0) {
      await tx.update(incidentLegalStatuses).set({ incidentId: id }).where(inArray(incidentLegalStatuses.id, merge.movedLegalStatusIds));
    }
    const [mergedLegal, survivorLegal] = [await latestLegalStatus(tx, id), await latestLegalStatus(tx, survivorId)];
    await tx
      .update(incidents)
      .set({ legalStatus: mergedLegal?.status ?? 'reported' })
      .where(eq(incidents.id, id));
    // The marking the merge raised goes back down; a marking someone set since stays.
    const raisedByMerge = higherMarking(merge.survivorClassificationBefore, merged.classification);
    const marking = survivor.classification === raisedByMerge ? merge.survivorClassificationBefore : survivor.classification;
    await tx
      .update(incidents)
      .set({ legalStatus: survivorLegal?.status ?? merge.survivorLegalStatusBefore, classification: marking, updatedAt: now })
      .where(eq(incidents.id, survivorId));
    await tx.update(incidentMerges).set({ undoneBy: actor.id, undoneAt: now }).where(eq(incidentMerges.id, merge.id));
    const change = { unmerged: { from: id, into: survivorId, sources: merge.movedSourceIds.length, legalStatusSteps: merge.movedLegalStatusIds.length } };
    await recordRevision(tx, { incidentId: survivorId, actorId: actor.id, statusAtChange: survivor.status, change, at: now });
    await appendActivity(tx, { recordType: INCIDENT_WORKFLOW.recordType, recordId: survivorId, actorId: actor.id, kind: 'unmerged', note: id, at: now });
    await appendActivity(tx, { recordType: INCIDENT_WORKFLOW.recordType, recordId: id, actorId: actor.id, kind: 'unmerged', note: survivorId, at: now });
    await recordAudit(tx, context, {
      action: 'incident.unmerged',
      recordType: INCIDENT_WORKFLOW.recordType,
      recordId: survivorId,
      change,
      classification: higherMarking(survivor.classification, merged.classification),
    });
    if (marking !== survivor.classification) await syncCommentMarking(tx, INCIDENT_WORKFLOW.recordType, survivorId, marking as TClearance);
  });
  return getIncident(db, id, actor);
}
