import { and, eq } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import { type TActivityItem, ZCommentInput } from '../../shared/workflow';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { comments } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { parseInput } from '../records/parse-input';
import type { Workflow } from './workflow-definition';

/**
 * Adds a comment to a record the caller has checked the actor may see and comment on. The
 * comment takes the record's marking: it says as much as the record does.
 */
export async function addComment(
  db: Executor,
  request: { workflow: Workflow; record: { id: string; classification: TClearance }; actor: Actor; input: unknown; context: AuditContext },
): Promise<TActivityItem> {
  const { body } = parseInput(ZCommentInput, request.input);
  const { workflow, record, actor } = request;
  return db.transaction(async (tx) => {
    const [comment] = await tx
      .insert(comments)
      .values({ recordType: workflow.recordType, recordId: record.id, authorId: actor.id, body, classification: record.classification })
      .returning({ id: comments.id, createdAt: comments.createdAt });
    if (!comment) throw new Error('insert returned no row');
    await recordAudit(tx, request.context, {
      action: 'comment.created',
      recordType: 'comment',
      recordId: comment.id,
      // The text stays with the comment; the trail says where it was left.
      change: { on: { type: workflow.recordType, id: record.id }, length: body.length },
      classification: record.classification,
    });
    return { id: comment.id, kind: 'comment' as const, actor: { id: actor.id, name: actor.name }, at: comment.createdAt.toISOString(), fields: [], note: body };
  });
}

/** A record's marking changed: its comments follow. */
export async function syncCommentMarking(tx: Executor, recordType: string, recordId: string, classification: TClearance): Promise<void> {
  await tx
    .update(comments)
    .set({ classification })
    .where(and(eq(comments.recordType, recordType), eq(comments.recordId, recordId)));
}
