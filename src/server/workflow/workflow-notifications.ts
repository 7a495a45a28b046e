import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { users } from '../db/schema/index';
import { loadActor, type Actor } from '../identity/actor';
import { canSee } from '../identity/access-policy';
import { notify, resolveNotifications, type Resolution } from '../notifications/notification-store';
import { decidingAction, type Workflow } from './workflow-definition';
import { workflowRefusal, type WorkflowSubject } from './workflow-policy';

export const awaitingApproval = (workflow: Workflow) => `${workflow.recordType}.awaiting_approval`;
/** `engagement.returned`, `incident.rejected`: the writers learn why. */
export const sentBack = (workflow: Workflow, past: 'returned' | 'rejected') => `${workflow.recordType}.${past}`;

/**
 * On submit: the approvers of the record's post who could approve it now, each asked as
 * themselves (the access rule and the workflow rule, four eyes included), so nobody is told
 * of a record they may not see or may not approve.
 */
export async function notifyApprovers(tx: Executor, workflow: Workflow, record: WorkflowSubject & { id: string }, submitter: Actor, at: Date): Promise<void> {
  const candidates = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.postId, record.postId), eq(users.role, 'approver'), eq(users.disabled, false), ne(users.id, submitter.id)));
  const decides = decidingAction(workflow, record.status);
  const approvers: Actor[] = [];
  for (const candidate of candidates) {
    const approver = await loadActor(tx, candidate.id);
    if (approver && decides && canSee(approver, record) && !workflowRefusal(workflow, approver, record, decides)) approvers.push(approver);
  }
  await notify(
    tx,
    approvers.map((approver) => ({
      userId: approver.id,
      kind: awaitingApproval(workflow),
      recordType: workflow.recordType,
      recordId: record.id,
      dedupeKey: `${workflow.recordType}:${record.id}:awaiting_approval:${at.getTime()}:${approver.id}`,
    })),
  );
}

/** On return or rejection: everyone who wrote the record (but the one deciding) gets the reason. */
export async function notifyReturned(
  tx: Executor,
  workflow: Workflow,
  record: WorkflowSubject & { id: string },
  by: Actor,
  past: string,
  reason: string,
  at: Date,
): Promise<void> {
  const recipients: Actor[] = [];
  for (const id of new Set(record.editors)) {
    if (id === by.id) continue;
    const editor = await loadActor(tx, id);
    if (editor && !editor.disabled && canSee(editor, record)) recipients.push(editor);
  }
  await notify(
    tx,
    recipients.map((editor) => ({
      userId: editor.id,
      kind: sentBack(workflow, past === 'rejected' ? 'rejected' : 'returned'),
      recordType: workflow.recordType,
      recordId: record.id,
      params: { by: by.name, reason },
      dedupeKey: `${workflow.recordType}:${record.id}:${past}:${at.getTime()}:${editor.id}`,
    })),
  );
}

/** Decided or sent back by anyone: nobody is awaited any more. */
export function resolveApprovalRequests(tx: Executor, workflow: Workflow, recordId: string, resolution: Resolution): Promise<number> {
  return resolveNotifications(tx, { recordType: workflow.recordType, recordId, kinds: [awaitingApproval(workflow)], resolution });
}
