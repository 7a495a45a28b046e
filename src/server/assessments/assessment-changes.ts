import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { parsePeriod } from '../../shared/assessment-periods';
import type { TAreaChange, TAssessmentChanges } from '../../shared/assessments';
import type { Executor } from '../db/client';
import { assessmentScores, assessments, countries, policyAreas, policyMeasureStatuses, policyMeasures } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { visiblePolicyMeasures } from '../policy-measures/policy-measure-policy';
import { visibleAssessments } from './assessment-policy';
import { overallScore } from './assessment-queries';

/** Of a country's assessments for one period that the reader may see: the approved one first, then submitted, then a draft. */
const STATUS_RANK = sql`case ${assessments.status} when 'approved' then 0 when 'submitted' then 1 else 2 end`;

async function assessmentFor(db: Executor, country: string, reader: Actor, period: { name?: string; before?: string }) {
  const [row] = await db
    .select({
      id: assessments.id,
      period: assessments.period,
      periodStart: assessments.periodStart,
      periodEnd: assessments.periodEnd,
      status: assessments.status,
      flagged: assessments.flagged,
      overall: overallScore(assessments.id),
    })
    .from(assessments)
    .where(
      and(
        eq(assessments.countryAlpha2, country),
        visibleAssessments(reader),
        period.name ? eq(assessments.period, period.name) : undefined,
        period.before ? lt(assessments.periodStart, period.before) : undefined,
      ),
    )
    .orderBy(desc(assessments.periodStart), STATUS_RANK, desc(assessments.updatedAt))
    .limit(1);
  return row;
}

const side = (row: Awaited<ReturnType<typeof assessmentFor>>) =>
  row
    ? {
        assessmentId: row.id,
        period: row.period,
        status: row.status as 'draft' | 'submitted' | 'approved',
        overall: row.overall === null ? null : Math.round(Number(row.overall) * 100) / 100,
        flagged: row.flagged,
      }
    : null;

/**
 * What moved between two periods of a country, area by area, as the reader may see it: each
 * area's score in both, the change, both justifications, and the country's measures in that
 * area whose status changed within the later period (the measures that explain the move).
 * By default the later period is the latest assessed and the earlier one the assessed period
 * before it.
 */
export async function assessmentChanges(db: Executor, query: { country: string; from?: string; to?: string }, reader: Actor): Promise<TAssessmentChanges> {
  const country = query.country.toUpperCase();
  const [place] = await db.select({ name: countries.name }).from(countries).where(eq(countries.alpha2, country)).limit(1);
  if (!place) throw AppError.validation([{ field: 'query.country', message: `no country has the code "${country}"` }]);
  if (query.from && query.to && parsePeriod(query.from)!.start >= parsePeriod(query.to)!.start) {
    throw AppError.validation([
      { field: 'query.from', message: `must be a period before to (${query.to})` },
      { field: 'query.to', message: `must be a period after from (${query.from})` },
    ]);
  }
  const later = await assessmentFor(db, country, reader, query.to ? { name: query.to } : {});
  const laterPeriod = query.to ? parsePeriod(query.to)! : later ? parsePeriod(later.period)! : null;
  if (query.from && laterPeriod && parsePeriod(query.from)!.start >= laterPeriod.start) {
    throw AppError.validation([{ field: 'query.from', message: `must be a period before the later one (${laterPeriod.name})` }]);
  }
  const earlier = query.from
    ? await assessmentFor(db, country, reader, { name: query.from })
    : laterPeriod
      ? await assessmentFor(db, country, reader, { before: laterPeriod.start })
      : undefined;

  const ids = [earlier?.id, later?.id].filter((id): id is string => !!id);
  const scores = ids.length
    ? await db
        .select({
          assessmentId: assessmentScores.assessmentId,
          area: assessmentScores.area,
          score: assessmentScores.score,
          justification: assessmentScores.justification,
        })
        .from(assessmentScores)
        .where(inArray(assessmentScores.assessmentId, ids))
    : [];
  const measures = laterPeriod
    ? await db
        .select({
          id: policyMeasures.id,
          area: policyMeasures.area,
          title: policyMeasures.title,
          status: policyMeasureStatuses.status,
          effectiveOn: policyMeasureStatuses.effectiveOn,
          direction: policyMeasures.direction,
        })
        .from(policyMeasureStatuses)
        .innerJoin(policyMeasures, eq(policyMeasures.id, policyMeasureStatuses.measureId))
        .where(
          and(
            eq(policyMeasures.countryAlpha2, country),
            gte(policyMeasureStatuses.effectiveOn, laterPeriod.start),
            lte(policyMeasureStatuses.effectiveOn, laterPeriod.end),
            visiblePolicyMeasures(reader),
          ),
        )
        .orderBy(asc(policyMeasureStatuses.effectiveOn), asc(policyMeasures.title))
    : [];
  const areaCodes = new Set([...scores.map((score) => score.area), ...measures.map((measure) => measure.area)]);
  const areas = areaCodes.size
    ? await db
        .select({ code: policyAreas.code, name: policyAreas.name })
        .from(policyAreas)
        .where(inArray(policyAreas.code, [...areaCodes]))
        .orderBy(asc(policyAreas.sortOrder), asc(policyAreas.name))
    : [];
  const scoreOf = (assessmentId: string | undefined, area: string) => scores.find((score) => score.assessmentId === assessmentId && score.area === area);
  const items: TAreaChange[] = areas.map((area) => {
    const before = scoreOf(earlier?.id, area.code);
    const after = scoreOf(later?.id, area.code);
    return {
      area: area.code,
      areaName: area.name,
      earlier: before?.score ?? null,
      later: after?.score ?? null,
      change: before && after ? after.score - before.score : null,
      earlierJustification: before?.justification ?? null,
      laterJustification: after?.justification ?? null,
      measures: measures
        .filter((measure) => measure.area === area.code)
        .map(({ area: _area, ...measure }) => ({
          ...measure,
          status: measure.status as TAreaChange['measures'][number]['status'],
          direction: measure.direction as TAreaChange['measures'][number]['direction'],
        })),
    };
  });
  return {
    country,
    countryName: place.name,
    from: earlier?.period ?? query.from ?? null,
    to: laterPeriod?.name ?? null,
    earlier: side(earlier),
    later: side(later),
    areas: items,
  };
}
