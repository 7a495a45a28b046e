import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { ZReturnInput } from '../../shared/workflow';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { recordActivity as activityTable } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import type { Resolution } from '../notifications/notification-store';
import { appendActivity } from './record-activity';
import { transitionRule, type Workflow, type WorkflowAction } from './workflow-definition';
import { notifyApprovers, notifyReturned, resolveApprovalRequests } from './workflow-notifications';
import { workflowRefusal, type WorkflowSubject } from './workflow-policy';

/** The table of a workflow record type: every such table has `id`, `status` and `updatedAt`. */
export type WorkflowTable = PgTable & { id: PgColumn; status: PgColumn; updatedAt: PgColumn };

export interface TransitionRequest {
  workflow: Workflow;
  table: WorkflowTable;
  action: WorkflowAction;
  /** Loaded and checked visible by the caller (404 otherwise), with its editors. */
  record: WorkflowSubject & { id: string };
  actor: Actor;
  context: AuditContext;
  /** The body of a return: `{ reason }`. */
  input?: unknown;
  /** Columns of the record type that the step sets (submittedAt, approvedBy, …), at the step's time. */
  set?: (now: Date) => Record<string, unknown>;
}

/**
 * One workflow step, the same for every record type: the rule (role, post, status, four
 * eyes), then in one transaction the status change (its conditions checked again in the
 * UPDATE, so two approvers at once, or an edit racing an approval, cannot both succeed), the
 * activity, the audit event and the notifications.
 */
export async function runTransition(db: Executor, request: TransitionRequest): Promise<void> {
  const { workflow, table, action, record, actor } = request;
  const rule = transitionRule(workflow, action);
  requirePermission(actor, rule.permission);
  const refusal = workflowRefusal(workflow, actor, record, action);
  if (refusal) throw AppError.from(refusal);
  const reason = rule.reasonRequired ? parseInput(ZReturnInput, request.input ?? {}).reason : undefined;
  const past = rule.past;

  await db.transaction(async (tx) => {
    const now = new Date();
    const notAnEditor = sql`not exists (select 1 from ${activityTable} where ${activityTable.recordType} = ${workflow.recordType}
      and ${activityTable.recordId} = ${table.id} and ${activityTable.actorId} = ${actor.id} and ${activityTable.kind} in ('created', 'edited'))`;
    const moved = await tx
      .update(table)
      .set({ status: rule.to, updatedAt: now, ...request.set?.(now) } as never)
      .where(and(eq(table.id, record.id), inArray(table.status, [...rule.from]), rule.fourEyes ? notAnEditor : undefined))
      .returning({ id: table.id });
    if (moved.length === 0) throw new AppError('conflict', `The ${workflow.label} changed meanwhile; reload it and try again.`);
    await appendActivity(tx, { recordType: workflow.recordType, recordId: record.id, actorId: actor.id, kind: past, note: reason ?? null, at: now });
    await recordAudit(tx, request.context, {
      action: `${workflow.recordType}.${past}`,
      recordType: workflow.recordType,
      recordId: record.id,
      change: { status: { from: record.status, to: rule.to }, ...(reason ? { reason } : {}) },
      classification: record.classification,
    });
    if (rule.effect === 'requests_approval') await notifyApprovers(tx, workflow, { ...record, status: rule.to }, actor, now);
    if (rule.effect === 'decides') await resolveApprovalRequests(tx, workflow, record.id, past as Resolution);
    if (rule.effect === 'sends_back') {
      await resolveApprovalRequests(tx, workflow, record.id, past as Resolution);
      await notifyReturned(tx, workflow, record, actor, past, reason ?? '', now);
    }
  });
}
