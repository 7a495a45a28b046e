import { eq } from 'drizzle-orm';
import { parsePeriod } from '../../shared/assessment-periods';
import type { TClearance } from '../../shared/identity';
import type { Executor } from '../db/client';
import { assessmentEvidence, assessmentScores, assessments, recordActivity, statisticSeries, statisticValues } from '../db/schema/index';
import { randomBytes } from 'node:crypto';
import { postOf } from '../engagements/test-builders';

/** An assessment inserted directly (scores, evidence, `created` activity), for access and aggregate tests. Synthetic. */
export async function buildAssessment(
  db: Executor,
  options: {
    post: string;
    draftedBy: string;
    period?: string;
    status?: 'draft' | 'submitted' | 'approved';
    classification?: TClearance;
    scores?: Record<string, number>;
    flagged?: boolean;
    evidence?: { type: string; id: string }[];
    approvedBy?: string;
    approvedAt?: Date;
  },
): Promise<string> {
  const post = await postOf(db, options.post);
  const period = parsePeriod(options.period ?? '2026-Q1')!;
  const status = options.status ?? 'draft';
  const [row] = await db
    .insert(assessments)
    .values({
      postId: post.id,
      countryAlpha2: post.countryAlpha2,
      period: period.name,
      periodStart: period.start,
      periodEnd: period.end,
      narrative: 'A synthetic assessment for tests.',
      flagged: options.flagged ?? false,
      flagRationale: options.flagged ? 'Synthetic rationale.' : null,
      classification: options.classification ?? 'U',
      status: 'draft',
      synthetic: true,
      draftedBy: options.draftedBy,
    })
    .returning({ id: assessments.id });
  const id = row!.id;
  const scores = Object.entries(options.scores ?? { asylum_procedure: 0 });
  if (scores.length)
    await db
      .insert(assessmentScores)
      .values(scores.map(([area, score]) => ({ assessmentId: id, area, score, justification: `Synthetic justification for ${area}.` })));
  if (options.evidence?.length)
    await db
      .insert(assessmentEvidence)
      .values(options.evidence.map((ref, position) => ({ assessmentId: id, recordType: ref.type, recordId: ref.id, position })));
  await db.insert(recordActivity).values({ recordType: 'assessment', recordId: id, actorId: options.draftedBy, kind: 'created' });
  // Set last: an approved assessment is frozen, its scores and evidence included.
  if (status !== 'draft') {
    await db
      .update(assessments)
      .set({
        status,
        submittedAt: new Date(),
        ...(status === 'approved' ? { approvedBy: options.approvedBy ?? null, approvedAt: options.approvedAt ?? new Date() } : {}),
      })
      .where(eq(assessments.id, id));
  }
  return id;
}

/** A statistic series with one figure for a country, inserted directly (evidence tests). Synthetic. */
export async function buildStatisticSeries(
  db: Executor,
  options: { country: string; indicatorName: string; publisher?: string; offenceName?: string; classification?: TClearance },
): Promise<string> {
  const key = `synthetic/${randomBytes(4).toString('hex')}`;
  const [row] = await db
    .insert(statisticSeries)
    .values({
      key,
      sourceId: 'synthetic',
      publisher: options.publisher ?? 'Synthetic statistics office',
      tableId: 'SYN-1',
      tableTitle: 'Synthetic table',
      url: 'https://example.org/synthetic-statistics',
      licence: 'CC BY 4.0',
      retrievedOn: '2026-01-15',
      indicatorCode: key,
      indicatorName: options.indicatorName,
      offenceName: options.offenceName ?? null,
      groupCode: 'foreign_nationals',
      groupDefinition: 'citizenship',
      justiceStage: 'suspects',
      immigrationLawOffences: 'excluded',
      standardisation: 'none',
      unit: 'persons',
      classification: options.classification ?? 'U',
    })
    .returning({ id: statisticSeries.id });
  await db.insert(statisticValues).values({ seriesId: row!.id, countryAlpha2: options.country, year: 2024, value: 100 });
  return row!.id;
}
