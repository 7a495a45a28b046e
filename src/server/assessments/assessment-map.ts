import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TAssessmentMap, TAssessmentTimeline } from '../../shared/assessments';
import type { Executor } from '../db/client';
import { assessmentScores, assessments, countries, posts } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { visibleAssessments } from './assessment-policy';
import { overallScore } from './assessment-queries';

const round = (value: number | null) => (value === null ? null : Math.round(Number(value) * 100) / 100);

/**
 * Per country, the latest approved assessment the reader may see (the latest period; of two
 * posts' assessments of one period, the one approved last), with its overall score or the
 * chosen area's, and its flag.
 */
export async function assessmentMap(db: Executor, query: { area?: string }, reader: Actor): Promise<TAssessmentMap> {
  const score = query.area
    ? sql<
        number | null
      >`(select ${assessmentScores.score}::float8 from ${assessmentScores} where ${assessmentScores.assessmentId} = ${assessments.id} and ${assessmentScores.area} = ${query.area})`
    : overallScore(assessments.id);
  const rows = await db
    .selectDistinctOn([assessments.countryAlpha2], {
      country: assessments.countryAlpha2,
      countryName: countries.name,
      numeric: countries.numeric,
      assessmentId: assessments.id,
      period: assessments.period,
      score,
      flagged: assessments.flagged,
    })
    .from(assessments)
    .innerJoin(countries, eq(countries.alpha2, assessments.countryAlpha2))
    .where(and(eq(assessments.status, 'approved'), visibleAssessments(reader)))
    .orderBy(assessments.countryAlpha2, desc(assessments.periodStart), desc(assessments.approvedAt));
  return { area: query.area ?? null, items: rows.map((row) => ({ ...row, score: round(row.score) })) };
}

/** A country's approved assessments the reader may see, oldest period first, with every area's score. */
export async function assessmentTimeline(db: Executor, query: { country: string }, reader: Actor): Promise<TAssessmentTimeline> {
  const country = query.country.toUpperCase();
  const [place] = await db.select({ name: countries.name }).from(countries).where(eq(countries.alpha2, country)).limit(1);
  if (!place) throw AppError.validation([{ field: 'query.country', message: `no country has the code "${country}"` }]);
  const rows = await db
    .select({
      assessmentId: assessments.id,
      post: posts.code,
      period: assessments.period,
      periodStart: assessments.periodStart,
      overall: overallScore(assessments.id),
      flagged: assessments.flagged,
    })
    .from(assessments)
    .innerJoin(posts, eq(posts.id, assessments.postId))
    .where(and(eq(assessments.countryAlpha2, country), eq(assessments.status, 'approved'), visibleAssessments(reader)))
    .orderBy(asc(assessments.periodStart), asc(posts.code));
  const scores = rows.length
    ? await db
        .select({ assessmentId: assessmentScores.assessmentId, area: assessmentScores.area, score: assessmentScores.score })
        .from(assessmentScores)
        .where(
          inArray(
            assessmentScores.assessmentId,
            rows.map((row) => row.assessmentId),
          ),
        )
    : [];
  return {
    country,
    countryName: place.name,
    items: rows.map((row) => ({
      ...row,
      overall: round(row.overall),
      scores: Object.fromEntries(scores.filter((score) => score.assessmentId === row.assessmentId).map((score) => [score.area, score.score])),
    })),
  };
}
