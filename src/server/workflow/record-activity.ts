import { and, asc, desc, eq, inArray, isNotNull, sql, type Column, type SQL } from 'drizzle-orm';
import type { TActivityItem, TActivityKind, TReturned } from '../../shared/workflow';
import type { Executor } from '../db/client';
import { comments, recordActivity, users } from '../db/schema/index';

/** Activity kinds that make their actor one of the record's editors (a merge adds content too). */
const EDITING: TActivityKind[] = ['created', 'edited', 'merged'];

export interface ActivityEntry {
  recordType: string;
  recordId: string;
  actorId: string | null;
  kind: Exclude<TActivityKind, 'comment'>;
  fields?: string[];
  note?: string | null;
  at?: Date;
}

/** Appends one step to a record's activity, inside the caller's transaction. */
export async function appendActivity(tx: Executor, entry: ActivityEntry): Promise<void> {
  await tx.insert(recordActivity).values({
    recordType: entry.recordType,
    recordId: entry.recordId,
    actorId: entry.actorId,
    kind: entry.kind,
    fields: entry.fields ?? [],
    note: entry.note ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  });
}

/** Whether this user has an editing step in the record's activity: `loadEditors`, as a condition on the record's id column. */
export function hasEditingStep(recordType: string, recordId: Column, userId: string): SQL {
  return sql`exists (select 1 from ${recordActivity} where ${recordActivity.recordType} = ${recordType} and ${recordActivity.recordId} = ${recordId}
    and ${recordActivity.actorId} = ${userId} and ${inArray(recordActivity.kind, EDITING)})`;
}

/**
 * Whether the record is back in draft after a return: its latest workflow step was a return
 * (`loadLatestReturns` has one for it), as a condition on the record's id column.
 */
export function latestStepWasReturn(recordType: string, recordId: Column): SQL {
  return sql`(select ${recordActivity.kind} from ${recordActivity} where ${recordActivity.recordType} = ${recordType} and ${recordActivity.recordId} = ${recordId}
    and ${recordActivity.kind} in ('submitted', 'returned') order by ${recordActivity.at} desc limit 1) = 'returned'`;
}

/** For each record, everyone who created or edited its content, in one query for a page. */
export async function loadEditors(db: Executor, recordType: string, ids: string[]): Promise<Map<string, string[]>> {
  const editors = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return editors;
  const rows = await db
    .selectDistinct({ recordId: recordActivity.recordId, actorId: recordActivity.actorId })
    .from(recordActivity)
    .where(
      and(
        eq(recordActivity.recordType, recordType),
        inArray(recordActivity.recordId, ids),
        inArray(recordActivity.kind, EDITING),
        isNotNull(recordActivity.actorId),
      ),
    );
  for (const row of rows) editors.get(row.recordId)?.push(row.actorId!);
  return editors;
}

/**
 * For each record whose latest workflow step was a return: the reason, who returned it and
 * when. A record submitted again since has none.
 */
export async function loadLatestReturns(db: Executor, recordType: string, ids: string[]): Promise<Map<string, TReturned>> {
  const returns = new Map<string, TReturned>();
  if (ids.length === 0) return returns;
  const rows = await db
    .selectDistinctOn([recordActivity.recordId], {
      recordId: recordActivity.recordId,
      kind: recordActivity.kind,
      note: recordActivity.note,
      at: recordActivity.at,
      actorId: recordActivity.actorId,
      actorName: users.name,
    })
    .from(recordActivity)
    .leftJoin(users, eq(users.id, recordActivity.actorId))
    .where(and(eq(recordActivity.recordType, recordType), inArray(recordActivity.recordId, ids), inArray(recordActivity.kind, ['submitted', 'returned'])))
    .orderBy(recordActivity.recordId, desc(recordActivity.at));
  for (const row of rows) {
    if (row.kind !== 'returned') continue;
    returns.set(row.recordId, {
      reason: row.note ?? '',
      by: row.actorId && row.actorName !== null ? { id: row.actorId, name: row.actorName } : null,
      at: row.at.toISOString(),
    });
  }
  return returns;
}

/**
 * A record's timeline, oldest first: its workflow steps and its comments. The caller has
 * checked that the reader may see the record; the rows have no access rule of their own.
 */
export async function loadActivity(db: Executor, recordType: string, recordId: string): Promise<TActivityItem[]> {
  const [steps, notes] = await Promise.all([
    db
      .select({
        id: recordActivity.id,
        kind: recordActivity.kind,
        fields: recordActivity.fields,
        note: recordActivity.note,
        at: recordActivity.at,
        actorId: recordActivity.actorId,
        actorName: users.name,
      })
      .from(recordActivity)
      .leftJoin(users, eq(users.id, recordActivity.actorId))
      .where(and(eq(recordActivity.recordType, recordType), eq(recordActivity.recordId, recordId)))
      .orderBy(asc(recordActivity.at), asc(recordActivity.id)),
    db
      .select({ id: comments.id, body: comments.body, at: comments.createdAt, actorId: comments.authorId, actorName: users.name })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(and(eq(comments.recordType, recordType), eq(comments.recordId, recordId)))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
  ]);
  const person = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);
  const items: TActivityItem[] = [
    ...steps.map((step) => ({
      id: step.id,
      kind: step.kind as TActivityKind,
      actor: person(step.actorId, step.actorName),
      at: step.at.toISOString(),
      fields: step.fields,
      note: step.note,
    })),
    ...notes.map((note) => ({
      id: note.id,
      kind: 'comment' as const,
      actor: person(note.actorId, note.actorName),
      at: note.at.toISOString(),
      fields: [],
      note: note.body,
    })),
  ];
  // ISO strings of one format sort as times; a step and a comment at the same instant keep steps first.
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
