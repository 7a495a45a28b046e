import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TAssessment, TAssessmentListQuery, TAssessmentSummary } from '../../shared/assessments';
import type { TPage } from '../../shared/pagination';
import type { Executor } from '../db/client';
import { assessmentScores, assessments, countries, policyAreas, posts, users } from '../db/schema/index';
import { decodeCursor, toPage } from '../http/cursor';
import type { Actor } from '../identity/actor';
import { loadEditors, loadLatestReturns } from '../workflow/record-activity';
import { readableEvidence, storedEvidence } from './assessment-evidence';
import { requireVisibleAssessment, visibleAssessments } from './assessment-policy';
import { presentAssessment, presentAssessmentSummary, type AssessmentRow } from './assessment-presenter';
import { ASSESSMENT_WORKFLOW } from './assessment-workflow-definition';

const drafters = alias(users, 'drafter');
const approvers = alias(users, 'approver');
const copies = alias(assessments, 'copied_from');

/** The mean of the areas scored, as the map and the lists show it. */
export const overallScore = (assessmentId: SQL | typeof assessments.id) =>
  sql<number | null>`(select avg(${assessmentScores.score})::float8 from ${assessmentScores} where ${assessmentScores.assessmentId} = ${assessmentId})`;

const assessmentColumns = {
  id: assessments.id,
  postId: assessments.postId,
  postCode: posts.code,
  postName: posts.name,
  postBureauCode: posts.bureauCode,
  countryAlpha2: assessments.countryAlpha2,
  countryName: countries.name,
  period: assessments.period,
  periodStart: assessments.periodStart,
  periodEnd: assessments.periodEnd,
  narrative: assessments.narrative,
  flagged: assessments.flagged,
  flagRationale: assessments.flagRationale,
  classification: assessments.classification,
  status: assessments.status,
  // Null unless the reader may see the assessment it was copied from (see selectAssessments).
  copiedFromId: copies.id,
  copiedFromPeriod: copies.period,
  synthetic: assessments.synthetic,
  draftedBy: assessments.draftedBy,
  drafterName: drafters.name,
  approvedBy: assessments.approvedBy,
  approverName: approvers.name,
  submittedAt: assessments.submittedAt,
  approvedAt: assessments.approvedAt,
  createdAt: assessments.createdAt,
  updatedAt: assessments.updatedAt,
  overall: overallScore(assessments.id),
  scoredAreas: sql<number>`(select count(*)::int from ${assessmentScores} where ${assessmentScores.assessmentId} = ${assessments.id})`,
};

/**
 * Assessments with their names and figures, for this viewer: the assessment a draft was copied
 * from is joined only when the viewer may see it (an S assessment copied into a U one must not
 * show through, not even its id and period).
 */
function selectAssessments(db: Executor, viewer: Actor) {
  return db
    .select(assessmentColumns)
    .from(assessments)
    .innerJoin(posts, eq(posts.id, assessments.postId))
    .innerJoin(countries, eq(countries.alpha2, assessments.countryAlpha2))
    .innerJoin(drafters, eq(drafters.id, assessments.draftedBy))
    .leftJoin(approvers, eq(approvers.id, assessments.approvedBy))
    .leftJoin(copies, and(eq(copies.id, assessments.copiedFromId), visibleAssessments(viewer, copies)));
}

/** The row with its editors, checked visible to the viewer (404 otherwise), for commands whose rules read them. */
export async function findAssessmentSubject(db: Executor, id: string, viewer: Actor): Promise<AssessmentRow & { editors: string[] }> {
  const [found] = await selectAssessments(db, viewer).where(eq(assessments.id, id)).limit(1);
  const row = requireVisibleAssessment(viewer, found as AssessmentRow | undefined);
  const editors = await loadEditors(db, ASSESSMENT_WORKFLOW.recordType, [id]);
  return { ...row, editors: editors.get(id) ?? [] };
}

export async function loadScores(db: Executor, assessmentId: string) {
  return db
    .select({ area: assessmentScores.area, areaName: policyAreas.name, score: assessmentScores.score, justification: assessmentScores.justification })
    .from(assessmentScores)
    .innerJoin(policyAreas, eq(policyAreas.code, assessmentScores.area))
    .where(eq(assessmentScores.assessmentId, assessmentId))
    .orderBy(asc(policyAreas.sortOrder), asc(policyAreas.name));
}

/** One assessment as the viewer sees it (evidence they may not see left out), or 404. */
export async function getAssessment(db: Executor, id: string, viewer: Actor): Promise<TAssessment> {
  const row = await findAssessmentSubject(db, id, viewer);
  const [scores, refs, returns] = await Promise.all([loadScores(db, id), storedEvidence(db, id), loadLatestReturns(db, ASSESSMENT_WORKFLOW.recordType, [id])]);
  const evidence = await readableEvidence(db, refs, viewer);
  return presentAssessment(row, scores, evidence, returns.get(id) ?? null, viewer);
}

const asList = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

/** Assessments the viewer may see, the latest period first. */
export async function listAssessments(db: Executor, query: TAssessmentListQuery, viewer: Actor): Promise<TPage<TAssessmentSummary>> {
  const after = decodeCursor(query.cursor, ['date', 'uuid']);
  const statuses = asList(query.status);
  const rows = (await selectAssessments(db, viewer)
    .where(
      and(
        visibleAssessments(viewer),
        query.post ? inArray(assessments.postId, sql`(select ${posts.id} from ${posts} where ${posts.code} = ${query.post})`) : undefined,
        query.country ? eq(assessments.countryAlpha2, query.country.toUpperCase()) : undefined,
        statuses?.length ? inArray(assessments.status, statuses) : undefined,
        query.period ? eq(assessments.period, query.period) : undefined,
        query.flagged ? eq(assessments.flagged, query.flagged === 'true') : undefined,
        after ? sql`(${assessments.periodStart}, ${assessments.id}) < (${String(after[0])}::date, ${String(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(assessments.periodStart), desc(assessments.id))
    .limit(query.limit + 1)) as AssessmentRow[];
  const page = toPage(rows, query.limit, (row) => [row.periodStart, row.id]);
  const editors = await loadEditors(
    db,
    ASSESSMENT_WORKFLOW.recordType,
    page.items.map((row) => row.id),
  );
  return { items: page.items.map((row) => presentAssessmentSummary({ ...row, editors: editors.get(row.id) ?? [] }, viewer)), nextCursor: page.nextCursor };
}
