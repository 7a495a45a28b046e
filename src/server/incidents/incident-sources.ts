import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { ZIncidentSourceInput, type TIncident } from '../../shared/incidents';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { incidentLegalStatuses, incidents, sources } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { appendActivity } from '../workflow/record-activity';
import { assertIncidentAction } from './incident-policy';
import { findIncidentSubject, getIncident } from './incident-queries';
import { recordRevision } from './incident-revisions';
import { INCIDENT_WORKFLOW } from './incident-workflow-definition';

/** Locks the incident row for the rest of the transaction, still editable and not merged, or 409. */
async function lockEditable(tx: Executor, id: string): Promise<void> {
  const [row] = await tx
    .update(incidents)
    .set({ updatedAt: new Date() })
    .where(and(eq(incidents.id, id), inArray(incidents.status, [...INCIDENT_WORKFLOW.editableIn]), isNull(incidents.mergedIntoId)))
    .returning({ id: incidents.id });
  if (!row) throw new AppError('conflict', 'The incident changed meanwhile (submitted, decided or merged); reload it and try again.');
}

/** Adds a source to a draft or verified incident (a later report, a court record); kept as a revision. */
export async function addIncidentSource(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TIncident> {
  requirePermission(actor, 'records.draft');
  const current = await findIncidentSubject(db, id, actor);
  assertIncidentAction(actor, current, 'add_source');
  const source = parseInput(ZIncidentSourceInput, raw);
  await db.transaction(async (tx) => {
    await lockEditable(tx, id);
    const [added] = await tx
      .insert(sources)
      .values({
        recordType: INCIDENT_WORKFLOW.recordType,
        recordId: id,
        url: source.url,
        outlet: source.outlet,
        publishedOn: source.publishedOn,
        language: source.language,
        sourceType: source.type,
        reliability: source.reliability,
        credibility: source.credibility,
        suspectStatus: source.suspectStatus,
        addedBy: actor.id,
      })
      .returning({ id: sources.id });
    const summary = {
      id: added!.id,
      outlet: source.outlet,
      url: source.url,
      reliability: source.reliability,
      credibility: source.credibility,
      suspectStatus: source.suspectStatus,
    };
    await recordRevision(tx, { incidentId: id, actorId: actor.id, statusAtChange: current.status, change: { sources: { added: summary } } });
    await appendActivity(tx, { recordType: INCIDENT_WORKFLOW.recordType, recordId: id, actorId: actor.id, kind: 'edited', fields: ['sources'] });
    await recordAudit(tx, context, {
      action: 'incident.source_added',
      recordType: INCIDENT_WORKFLOW.recordType,
      recordId: id,
      change: { source: summary },
      classification: current.classification,
    });
  });
  return getIncident(db, id, actor);
}

/**
 * Removes a source. The last one is kept (an unsourced claim cannot be verified), and so is a
 * source that states a step of the legal status: record the step from another source first.
 */
export async function removeIncidentSource(db: Executor, id: string, sourceId: string, context: AuditContext, actor: Actor): Promise<TIncident> {
  requirePermission(actor, 'records.draft');
  const current = await findIncidentSubject(db, id, actor);
  assertIncidentAction(actor, current, 'remove_source');
  await db.transaction(async (tx) => {
    await lockEditable(tx, id);
    const owned = and(eq(sources.recordType, INCIDENT_WORKFLOW.recordType), eq(sources.recordId, id));
    const [source] = await tx
      .select()
      .from(sources)
      .where(and(owned, eq(sources.id, sourceId)))
      .limit(1);
    if (!source) throw AppError.notFound('Source');
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(sources).where(owned);
    if (n <= 1) throw new AppError('conflict', 'An incident keeps at least one source: add another source before removing this one.');
    const [stating] = await tx
      .select({ status: incidentLegalStatuses.status })
      .from(incidentLegalStatuses)
      .where(eq(incidentLegalStatuses.sourceId, sourceId))
      .limit(1);
    if (stating) throw new AppError('conflict', `This source states the legal status “${stating.status}”; it stays while it does.`);
    await tx.delete(sources).where(eq(sources.id, sourceId));
    const summary = {
      id: source.id,
      outlet: source.outlet,
      url: source.url,
      reliability: source.reliability,
      credibility: source.credibility,
      suspectStatus: source.suspectStatus,
    };
    await recordRevision(tx, { incidentId: id, actorId: actor.id, statusAtChange: current.status, change: { sources: { removed: summary } } });
    await appendActivity(tx, { recordType: INCIDENT_WORKFLOW.recordType, recordId: id, actorId: actor.id, kind: 'edited', fields: ['sources'] });
    await recordAudit(tx, context, {
      action: 'incident.source_removed',
      recordType: INCIDENT_WORKFLOW.recordType,
      recordId: id,
      change: { source: summary },
      classification: current.classification,
    });
  });
  return getIncident(db, id, actor);
}
