import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { users } from '../db/schema/index';
import { loadActor, type Actor } from '../identity/actor';
import { canSee } from '../identity/access-policy';
import { notify, resolveNotifications } from '../notifications/notification-store';
import type { Workflow } from './workflow-definition';
import { workflowRefusal, type WorkflowSubject } from './workflow-policy';

export const awaitingApproval = (workflow: Workflow) => `${workflow.recordType}.awaiting_approval`;
export const returnedToDraft = (workflow: Workflow) => `${workflow.recordType}.returned`;

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
  const approvers: Actor[] = [];
  for (const candidate of candidates) {
    const approver = await loadActor(tx, candidate.id);
    if (approver && canSee(approver, record) && !workflowRefusal(workflow, approver, record, 'approve')) approvers.push(approver);
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

/** On return: everyone who wrote the record (but the one returning it) gets the reason. */
export async function notifyReturned(
  tx: Executor,
  workflow: Workflow,
  record: WorkflowSubject & { id: string },
  by: Actor,
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
      kind: returnedToDraft(workflow),
      recordType: workflow.recordType,
      recordId: record.id,
      params: { by: by.name, reason },
      dedupeKey: `${workflow.recordType}:${record.id}:returned:${at.getTime()}:${editor.id}`,
    })),
  );
}

/** Approved or returned by anyone: nobody is awaited any more. */
export function resolveApprovalRequests(tx: Executor, workflow: Workflow, recordId: string, resolution: 'approved' | 'returned'): Promise<number> {
  return resolveNotifications(tx, { recordType: workflow.recordType, recordId, kinds: [awaitingApproval(workflow)], resolution });
}
