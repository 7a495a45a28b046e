import { and, desc, eq, exists, gte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { TEngagement, TEngagementSummary, ZEngagementListQuery } from '../../shared/engagements';
import type { TPage } from '../../shared/pagination';
import type { Executor } from '../db/client';
import { contacts, directives, engagementContacts, engagementDirectives, engagements, posts, users } from '../db/schema/index';
import { decodeCursor, toPage } from '../http/cursor';
import type { Actor } from '../identity/actor';
import { visibleContacts } from '../contacts/contact-policy';
import { visibleDirectives } from '../directives/directive-policy';
import { loadEditors } from '../workflow/record-activity';
import { loadEngagementDetails, loadEngagementSummaryDetails } from './engagement-details';
import { ENGAGEMENT_WORKFLOW } from './engagement-workflow-definition';
import { requireVisibleEngagement, visibleEngagements } from './engagement-policy';
import { type EngagementRow, type EngagementSummaryRow, presentEngagement, presentEngagementSummary } from './engagement-presenter';

const drafters = alias(users, 'drafter');
const approvers = alias(users, 'approver');

const summaryColumns = {
  id: engagements.id,
  postId: engagements.postId,
  postCode: posts.code,
  postName: posts.name,
  postBureauCode: posts.bureauCode,
  countryAlpha2: posts.countryAlpha2,
  occurredAt: engagements.occurredAt,
  kind: engagements.kind,
  classification: engagements.classification,
  status: engagements.status,
  synthetic: engagements.synthetic,
  draftedBy: engagements.draftedBy,
  drafterName: drafters.name,
  approvedBy: engagements.approvedBy,
  approverName: approvers.name,
  submittedAt: engagements.submittedAt,
  approvedAt: engagements.approvedAt,
};

const recordOnly = {
  ourReadout: engagements.ourReadout,
  commitments: engagements.commitments,
  counterpartAccount: engagements.counterpartAccount,
  counterpartSourceUrl: engagements.counterpartSourceUrl,
  counterpartDate: engagements.counterpartDate,
};
const engagementColumns = { ...summaryColumns, ...recordOnly };
// A list reads whether there is a counterpart account, not the account itself.
const listColumns = { ...summaryColumns, hasCounterpartAccount: sql<boolean>`${engagements.counterpartAccount} is not null` };

function selectEngagements(db: Executor) {
  return db
    .select(engagementColumns)
    .from(engagements)
    .innerJoin(posts, eq(posts.id, engagements.postId))
    .innerJoin(drafters, eq(drafters.id, engagements.draftedBy))
    .leftJoin(approvers, eq(approvers.id, engagements.approvedBy));
}

/** The stored row, whoever asks: callers decide visibility with requireVisibleEngagement. */
export async function findEngagementRow(db: Executor, id: string): Promise<EngagementRow | undefined> {
  const [row] = await selectEngagements(db).where(eq(engagements.id, id)).limit(1);
  return row as EngagementRow | undefined;
}

/** The stored row with its editors, for the commands whose rules read them (four eyes). */
export async function findEngagementSubject(db: Executor, id: string): Promise<(EngagementRow & { editors: string[] }) | undefined> {
  const row = await findEngagementRow(db, id);
  if (!row) return undefined;
  const editors = await loadEditors(db, ENGAGEMENT_WORKFLOW.recordType, [id]);
  return { ...row, editors: editors.get(id) ?? [] };
}

/** One engagement as the viewer sees it, or 404. */
export async function getEngagement(db: Executor, id: string, viewer: Actor): Promise<TEngagement> {
  const row = requireVisibleEngagement(viewer, await findEngagementRow(db, id));
  const details = await loadEngagementDetails(db, [row.id], viewer);
  return presentEngagement(row, details.get(row.id)!, viewer);
}

/** The day after an ISO date, so that `to` includes the whole of its day (UTC). */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);

/** Engagements the viewer may see, newest first, as a list shows them. */
export async function listEngagements(db: Executor, query: z.output<typeof ZEngagementListQuery>, viewer: Actor): Promise<TPage<TEngagementSummary>> {
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
  const conditions: (SQL | undefined)[] = [
    visibleEngagements(viewer),
    query.post ? eq(posts.code, query.post) : undefined,
    query.country ? eq(posts.countryAlpha2, query.country.toUpperCase()) : undefined,
    query.status ? eq(engagements.status, query.status) : undefined,
    // A filter by a record the reader may not see matches nothing: filtering must not reveal it.
    query.directive
      ? exists(
          db
            .select({ one: sql`1` })
            .from(engagementDirectives)
            .innerJoin(directives, eq(directives.id, engagementDirectives.directiveId))
            .where(
              and(eq(engagementDirectives.engagementId, engagements.id), eq(engagementDirectives.directiveId, query.directive), visibleDirectives(viewer)),
            ),
        )
      : undefined,
    query.contact
      ? exists(
          db
            .select({ one: sql`1` })
            .from(engagementContacts)
            .innerJoin(contacts, eq(contacts.id, engagementContacts.contactId))
            .where(and(eq(engagementContacts.engagementId, engagements.id), eq(engagementContacts.contactId, query.contact), visibleContacts(viewer))),
        )
      : undefined,
    query.from ? gte(engagements.occurredAt, new Date(`${query.from}T00:00:00Z`)) : undefined,
    query.to ? lt(engagements.occurredAt, dayAfter(query.to)) : undefined,
    after ? sql`(${engagements.occurredAt}, ${engagements.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : undefined,
  ];
  const rows = (await db
    .select(listColumns)
    .from(engagements)
    .innerJoin(posts, eq(posts.id, engagements.postId))
    .innerJoin(drafters, eq(drafters.id, engagements.draftedBy))
    .leftJoin(approvers, eq(approvers.id, engagements.approvedBy))
    .where(and(...conditions))
    .orderBy(desc(engagements.occurredAt), desc(engagements.id))
    .limit(query.limit + 1)) as EngagementSummaryRow[];
  const page = toPage(rows, query.limit, (row) => [row.occurredAt.toISOString(), row.id]);
  const details = await loadEngagementSummaryDetails(
    db,
    page.items.map((row) => row.id),
    viewer,
  );
  return { items: page.items.map((row) => presentEngagementSummary(row, details.get(row.id)!, viewer)), nextCursor: page.nextCursor };
}
