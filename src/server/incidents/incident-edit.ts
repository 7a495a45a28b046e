import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { incidents } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { appendActivity } from '../workflow/record-activity';
import { recordRevision } from './incident-revisions';
import { INCIDENT_WORKFLOW } from './incident-workflow-definition';

/**
 * Sets `set` on the incident and holds its row for the rest of the transaction, as long as it
 * is still editable and not merged: an incident submitted, decided or merged since it was read
 * is a 409, never a silent change.
 */
export async function lockEditable(tx: Executor, id: string, at: Date, set: Record<string, unknown> = {}): Promise<void> {
  const [row] = await tx
    .update(incidents)
    .set({ ...set, updatedAt: at })
    .where(and(eq(incidents.id, id), inArray(incidents.status, [...INCIDENT_WORKFLOW.editableIn]), isNull(incidents.mergedIntoId)))
    .returning({ id: incidents.id });
  if (!row) throw new AppError('conflict', 'The incident changed meanwhile (submitted, decided or merged); reload it and try again.');
}

/**
 * What every edit of an incident leaves behind, in the caller's transaction: the revision (who,
 * when, from what to what), the `edited` step that makes the writer one of its editors (four
 * eyes), and the audit event.
 */
export async function recordIncidentEdit(
  tx: Executor,
  context: AuditContext,
  edit: {
    incident: { id: string; status: string };
    actor: Actor;
    at: Date;
    fields: string[];
    revision: Record<string, unknown>;
    action: string;
    /** What the audit trail keeps: the revision unless the text must stay with the record. */
    audit?: Record<string, unknown>;
    classification: TClearance;
  },
): Promise<void> {
  const { incident, actor, at } = edit;
  await recordRevision(tx, { incidentId: incident.id, actorId: actor.id, statusAtChange: incident.status, change: edit.revision, at });
  await appendActivity(tx, { recordType: INCIDENT_WORKFLOW.recordType, recordId: incident.id, actorId: actor.id, kind: 'edited', fields: edit.fields, at });
  await recordAudit(tx, context, {
    action: edit.action,
    recordType: INCIDENT_WORKFLOW.recordType,
    recordId: incident.id,
    change: edit.audit ?? edit.revision,
    classification: edit.classification,
  });
}
