import { and, count, eq } from 'drizzle-orm';
import { ZIncidentSourceInput, type TIncident } from '../../shared/incidents';
import type { AuditContext } from '../audit/audit-context';
import type { Executor } from '../db/client';
import { incidentLegalStatuses, sources } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { assertIncidentAction } from './incident-policy';
import { findIncidentSubject, getIncident } from './incident-queries';
import { lockEditable, recordIncidentEdit } from './incident-edit';
import { INCIDENT_WORKFLOW } from './incident-workflow-definition';

/** What the revision and the audit trail say of a source added or removed. */
function sourceSummary(source: { id: string; outlet: string; url: string; reliability: string; credibility: number; suspectStatus: string | null }) {
  const { id, outlet, url, reliability, credibility, suspectStatus } = source;
  return { id, outlet, url, reliability, credibility, suspectStatus };
}

/** Adds a source to a draft or verified incident (a later report, a court record); kept as a revision. */
export async function addIncidentSource(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TIncident> {
  requirePermission(actor, 'records.draft');
  const current = await findIncidentSubject(db, id, actor);
  assertIncidentAction(actor, current, 'add_source');
  const source = parseInput(ZIncidentSourceInput, raw);
  await db.transaction(async (tx) => {
    const now = new Date();
    await lockEditable(tx, id, now);
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
    const summary = sourceSummary({ ...source, id: added!.id });
    await recordIncidentEdit(tx, context, {
      incident: current,
      actor,
      at: now,
      fields: ['sources'],
      revision: { sources: { added: summary } },
      action: 'incident.source_added',
      audit: { source: summary },
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
    const now = new Date();
    await lockEditable(tx, id, now);
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
    const summary = sourceSummary(source);
    await recordIncidentEdit(tx, context, {
      incident: current,
      actor,
      at: now,
      fields: ['sources'],
      revision: { sources: { removed: summary } },
      action: 'incident.source_removed',
      audit: { source: summary },
      classification: current.classification,
    });
  });
  return getIncident(db, id, actor);
}
