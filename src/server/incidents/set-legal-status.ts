import { and, desc, eq } from 'drizzle-orm';
import { LEGAL_NEXT, LEGAL_STATUS_LABELS, ZLegalStatusInput, type TIncident, type TLegalStatus } from '../../shared/incidents';
import type { AuditContext } from '../audit/audit-context';
import type { Executor } from '../db/client';
import { incidentLegalStatuses, incidents, sources } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { assertIncidentAction } from './incident-policy';
import { findIncidentSubject, getIncident } from './incident-queries';
import { lockEditable, recordIncidentEdit } from './incident-edit';
import { INCIDENT_WORKFLOW } from './incident-workflow-definition';

/** The latest step of the legal history: by the date it took effect, then by when it was recorded. */
export async function latestLegalStatus(tx: Executor, incidentId: string): Promise<{ status: TLegalStatus; effectiveOn: string } | undefined> {
  const [latest] = await tx
    .select({ status: incidentLegalStatuses.status, effectiveOn: incidentLegalStatuses.effectiveOn })
    .from(incidentLegalStatuses)
    .where(eq(incidentLegalStatuses.incidentId, incidentId))
    .orderBy(desc(incidentLegalStatuses.effectiveOn), desc(incidentLegalStatuses.recordedAt))
    .limit(1);
  return latest as { status: TLegalStatus; effectiveOn: string } | undefined;
}

/**
 * Records the next step of the legal status (a charge, a verdict), with the date it took effect
 * and the incident's source that states it. Only the steps that can follow the current one are
 * accepted, never before the incident or the current step.
 */
export async function setLegalStatus(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TIncident> {
  requirePermission(actor, 'records.draft');
  const current = await findIncidentSubject(db, id, actor);
  assertIncidentAction(actor, current, 'set_legal_status');
  const input = parseInput(ZLegalStatusInput, raw);
  await db.transaction(async (tx) => {
    const now = new Date();
    await lockEditable(tx, id, now);
    const latest = await latestLegalStatus(tx, id);
    const from = latest?.status ?? 'reported';
    if (!LEGAL_NEXT[from].includes(input.status)) {
      const allowed = LEGAL_NEXT[from].map((status) => status.replace('_', ' ')).join(', ');
      throw AppError.validation([{ field: 'body.status', message: `cannot follow “${LEGAL_STATUS_LABELS[from]}”; the next step is one of: ${allowed}` }]);
    }
    const floor = latest && latest.effectiveOn > current.occurredOn ? latest.effectiveOn : current.occurredOn;
    if (input.effectiveOn < floor) {
      throw AppError.validation([{ field: 'body.effectiveOn', message: `must not be before ${floor} (the incident’s date or the current status’s date)` }]);
    }
    if (input.source) {
      const [source] = await tx
        .select({ id: sources.id })
        .from(sources)
        .where(and(eq(sources.id, input.source), eq(sources.recordType, INCIDENT_WORKFLOW.recordType), eq(sources.recordId, id)))
        .limit(1);
      if (!source) throw AppError.validation([{ field: 'body.source', message: 'must be one of this incident’s sources' }]);
    }
    await tx
      .insert(incidentLegalStatuses)
      .values({ incidentId: id, status: input.status, effectiveOn: input.effectiveOn, sourceId: input.source, recordedBy: actor.id });
    await tx.update(incidents).set({ legalStatus: input.status }).where(eq(incidents.id, id));
    await recordIncidentEdit(tx, context, {
      incident: current,
      actor,
      at: now,
      fields: ['legalStatus'],
      revision: { legalStatus: { from, to: input.status, effectiveOn: input.effectiveOn, source: input.source } },
      action: 'incident.legal_status_set',
      classification: current.classification,
    });
  });
  return getIncident(db, id, actor);
}
