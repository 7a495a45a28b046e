import { and, desc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import { lastEndedPeriod, periodContaining, periodCoveredBy, periodDueOn, periodKindForCadence } from '../../shared/assessment-periods';
import type { TAssessmentDeadline } from '../../shared/assessments';
import type { Executor } from '../db/client';
import { assessments, countries, directivePosts, directives, posts } from '../db/schema/index';
import { visibleDirectives } from '../directives/directive-policy';
import type { Actor } from '../identity/actor';
import { postInScope } from '../identity/access-policy';
import { visibleAssessments } from './assessment-policy';

const ORDER: Record<TAssessmentDeadline['status'], number> = { overdue: 0, due: 1, submitted: 2, approved: 3 };

/**
 * For each issued directive with an assessment cadence that the reader may see, and each of its
 * action posts in the reader's scope: the last period that has ended (of the kind the cadence
 * gives), its due date (the end of the following month) and where the post's assessment for it
 * stands, counting only assessments the reader may see. It is overdue when, after the due date,
 * the period is not covered by submitted or approved assessments (its own, or the post's shorter
 * periods that make it up). A period that ended before the directive was issued is not owed:
 * the current one is shown, not yet due.
 */
export async function assessmentDeadlines(db: Executor, reader: Actor, now = new Date()): Promise<{ items: TAssessmentDeadline[] }> {
  const rows = await db
    .select({
      directiveId: directives.id,
      reference: directives.reference,
      cadenceDays: directives.assessmentCadenceDays,
      issuedAt: directives.issuedAt,
      issuedOn: directives.date,
      postId: posts.id,
      postCode: posts.code,
      postName: posts.name,
      country: posts.countryAlpha2,
      countryName: countries.name,
    })
    .from(directives)
    .innerJoin(directivePosts, and(eq(directivePosts.directiveId, directives.id), eq(directivePosts.role, 'action')))
    .innerJoin(posts, eq(posts.id, directivePosts.postId))
    .innerJoin(countries, eq(countries.alpha2, posts.countryAlpha2))
    .where(and(eq(directives.status, 'issued'), isNotNull(directives.assessmentCadenceDays), visibleDirectives(reader), postInScope(reader, posts.id)));
  if (rows.length === 0) return { items: [] };

  const today = now.toISOString().slice(0, 10);
  const owed = rows.map((row) => {
    const kind = periodKindForCadence(row.cadenceDays);
    const issued = row.issuedAt ? row.issuedAt.toISOString().slice(0, 10) : row.issuedOn;
    const ended = lastEndedPeriod(now, kind);
    const period = ended.end >= issued ? ended : periodContaining(now, kind);
    return { row, kind, period, dueOn: periodDueOn(period) };
  });
  // A post's period length follows the shortest cadence naming it, so a directive's own period
  // may be made of several of the post's assessments (three months for a quarter): they count
  // together. A post's assessments never overlap, so those that touch the period lie inside it
  // or hold it whole.
  const firstDay = owed.reduce((first, item) => (item.period.start < first ? item.period.start : first), owed[0]!.period.start);
  const lastDay = owed.reduce((last, item) => (item.period.end > last ? item.period.end : last), owed[0]!.period.end);
  const found = await db
    .select({ id: assessments.id, postId: assessments.postId, start: assessments.periodStart, end: assessments.periodEnd, status: assessments.status })
    .from(assessments)
    .where(
      and(
        inArray(assessments.postId, [...new Set(owed.map((item) => item.row.postId))]),
        lte(assessments.periodStart, lastDay),
        gte(assessments.periodEnd, firstDay),
        visibleAssessments(reader),
      ),
    )
    .orderBy(desc(assessments.periodStart));
  const items = owed.map(({ row, kind, period, dueOn }): TAssessmentDeadline => {
    const touching = found.filter((assessment) => assessment.postId === row.postId && assessment.start <= period.end && assessment.end >= period.start);
    const approved = touching.filter((assessment) => assessment.status === 'approved');
    const sent = touching.filter((assessment) => assessment.status === 'approved' || assessment.status === 'submitted');
    const status = periodCoveredBy(period, approved) ? 'approved' : periodCoveredBy(period, sent) ? 'submitted' : today > dueOn ? 'overdue' : 'due';
    return {
      post: row.postCode,
      postName: row.postName,
      country: row.country,
      countryName: row.countryName,
      directive: { id: row.directiveId, reference: row.reference },
      periodKind: kind,
      period: period.name,
      dueOn,
      status,
      // The assessment for the period, or the latest of the shorter ones it is made of.
      assessmentId: touching[0]?.id ?? null,
    };
  });
  items.sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.postName.localeCompare(b.postName) ||
      a.directive.reference.localeCompare(b.directive.reference),
  );
  return { items };
}
