import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { containing } from '../db/like';
import { alias } from 'drizzle-orm/pg-core';
import type { TDirective, TDirectiveListQuery, TDirectiveSummary } from '../../shared/directives';
import type { TPage } from '../../shared/pagination';
import type { Executor } from '../db/client';
import { directiveAddressees, directives, directiveTags, posts, talkingPoints } from '../db/schema/index';
import { AppError } from '../http/app-error';
import { decodeCursor, toPage } from '../http/cursor';
import type { Actor } from '../identity/actor';
import { canSeeDirective, statusAsSeenBy, viewerPostId, visibleDirectives } from './directive-policy';
import { presentDirective, presentDirectiveSummary, type DirectivePostRow } from './directive-presenter';
import { loadTalkingPoints } from './talking-point-queries';
import { addresseeChoicesOf } from './addressee-choices';

const supersededDirective = alias(directives, 'superseded_directive');

const directiveColumns = {
  id: directives.id,
  reference: directives.reference,
  date: directives.date,
  subject: directives.subject,
  fromLine: directives.fromLine,
  objective: directives.objective,
  background: directives.background,
  classification: directives.classification,
  status: directives.status,
  engagementCadenceDays: directives.engagementCadenceDays,
  incidentCadenceDays: directives.incidentCadenceDays,
  assessmentCadenceDays: directives.assessmentCadenceDays,
  supersedesId: directives.supersedesId,
  synthetic: directives.synthetic,
  sourceNote: directives.sourceNote,
  issuedAt: directives.issuedAt,
  /** A draft's counts the posts its choice stands for today. */
  actionPostCount: sql<number>`(select count(*) from ${directiveAddressees}
    where ${directiveAddressees.directiveId} = ${directives.id} and ${directiveAddressees.role} = 'action')::int`,
  pointCount: sql<number>`(select count(*) from ${talkingPoints} where ${talkingPoints.directiveId} = ${directives.id})::int`,
  /** Only for what the viewer may do (issue needs it still in force); never shown. */
  supersedesStatus: supersededDirective.status,
};

/** The columns with the status as the viewer may know it (see `statusAsSeenBy`). */
function selectDirectives(db: Executor, viewer: Actor | null) {
  return db
    .select({ ...directiveColumns, status: viewer ? statusAsSeenBy(viewer) : directives.status })
    .from(directives)
    .leftJoin(supersededDirective, eq(supersededDirective.id, directives.supersedesId));
}
export type DirectiveRow = Awaited<ReturnType<typeof selectDirectives>>[number];

/** One directive as the viewer may see it (null viewer: Demarche itself, which sees all). */
export async function findDirectiveRow(db: Executor, id: string, viewer: Actor | null): Promise<DirectiveRow | undefined> {
  const [row] = await selectDirectives(db, viewer)
    .where(and(eq(directives.id, id), viewer ? visibleDirectives(viewer) : undefined))
    .limit(1);
  return row;
}

/** The same as findDirectiveRow, answering 404 for a directive the viewer may not see. */
export async function requireDirectiveRow(db: Executor, id: string, viewer: Actor | null): Promise<DirectiveRow> {
  const row = await findDirectiveRow(db, id, viewer);
  if (!row) throw AppError.notFound('Directive');
  return row;
}

async function tagsOf(db: Executor, ids: string[]): Promise<Map<string, string[]>> {
  const byDirective = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byDirective;
  const rows = await db.select().from(directiveTags).where(inArray(directiveTags.directiveId, ids)).orderBy(asc(directiveTags.tagCode));
  for (const row of rows) byDirective.get(row.directiveId)?.push(row.tagCode);
  return byDirective;
}

/** The posts addressed: a draft's as its choice stands today, an issued directive's as frozen. */
async function addresseesOf(db: Executor, id: string): Promise<DirectivePostRow[]> {
  return db
    .select({ role: directiveAddressees.role, code: posts.code, name: posts.name, country: posts.countryAlpha2, bureau: posts.bureauCode })
    .from(directiveAddressees)
    .innerJoin(posts, eq(posts.id, directiveAddressees.postId))
    .where(eq(directiveAddressees.directiveId, id))
    .orderBy(asc(posts.code));
}

/** The issued directive that replaced this one, if the viewer may see it. */
async function supersededByOf(db: Executor, id: string, viewer: Actor | null): Promise<string | null> {
  const [row] = await db
    .select({ id: directives.id })
    .from(directives)
    .where(and(eq(directives.supersedesId, id), ne(directives.status, 'draft'), viewer ? visibleDirectives(viewer) : undefined))
    .limit(1);
  return row?.id ?? null;
}

/** A directive in full, with the talking points the viewer's post must deliver. */
export async function presentDirectiveRow(db: Executor, row: DirectiveRow, viewer: Actor | null): Promise<TDirective> {
  const [tags, addressees, choices, points, supersededBy, supersedesVisible] = await Promise.all([
    tagsOf(db, [row.id]),
    addresseesOf(db, row.id),
    addresseeChoicesOf(db, row.id),
    loadTalkingPoints(db, row.id, viewerPostId(viewer)),
    supersededByOf(db, row.id, viewer),
    row.supersedesId && viewer ? canSeeDirective(db, viewer, row.supersedesId) : Promise.resolve(true),
  ]);
  return presentDirective(row, {
    tags: tags.get(row.id) ?? [],
    addressees,
    choices,
    talkingPoints: points,
    supersedes: supersedesVisible ? row.supersedesId : null,
    supersededBy,
    viewer,
  });
}

export async function getDirective(db: Executor, id: string, viewer: Actor | null): Promise<TDirective> {
  return presentDirectiveRow(db, await requireDirectiveRow(db, id, viewer), viewer);
}

/** Directives the viewer may see, newest date first (ties by id, so the cursor is exact). */
export async function listDirectives(db: Executor, query: TDirectiveListQuery, viewer: Actor): Promise<TPage<TDirectiveSummary>> {
  const after = decodeCursor(query.cursor, ['date', 'uuid']);
  const conditions: (SQL | undefined)[] = [
    visibleDirectives(viewer),
    query.status ? eq(statusAsSeenBy(viewer), query.status) : undefined,
    query.tag
      ? sql`exists (select 1 from ${directiveTags} where ${directiveTags.directiveId} = ${directives.id} and ${directiveTags.tagCode} = ${query.tag})`
      : undefined,
    query.post
      ? sql`exists (select 1 from ${directiveAddressees} inner join ${posts} on ${posts.id} = ${directiveAddressees.postId}
          where ${directiveAddressees.directiveId} = ${directives.id} and ${posts.code} = ${query.post})`
      : undefined,
    query.q ? or(ilike(directives.reference, containing(query.q)), ilike(directives.subject, containing(query.q))) : undefined,
    after ? sql`(${directives.date}, ${directives.id}) < (${String(after[0])}::date, ${String(after[1])}::uuid)` : undefined,
  ];
  const rows = await selectDirectives(db, viewer)
    .where(and(...conditions))
    .orderBy(desc(directives.date), desc(directives.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => [row.date, row.id]);
  const tags = await tagsOf(
    db,
    page.items.map((row) => row.id),
  );
  return {
    items: page.items.map((row) => presentDirectiveSummary(row, tags.get(row.id) ?? [], viewer)),
    nextCursor: page.nextCursor,
  };
}
