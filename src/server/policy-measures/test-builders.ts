import type { TClearance } from '../../shared/identity';
import type { Executor } from '../db/client';
import { policyMeasureStatuses, policyMeasures, sources } from '../db/schema/index';
import { postOf } from '../engagements/test-builders';

/** A policy measure inserted directly (one source, its status history), for access and aggregate tests. Synthetic. */
export async function buildMeasure(
  db: Executor,
  options: {
    post: string;
    createdBy: string;
    classification?: TClearance;
    area?: string;
    title?: string;
    direction?: 'more_restrictive' | 'more_open' | 'neutral';
    /** Oldest first: [['proposed', '2025-11-01'], ['in_force', '2026-02-01']]. */
    statuses?: [string, string][];
    sourceCount?: number;
  },
): Promise<{ id: string; sourceIds: string[] }> {
  const post = await postOf(db, options.post);
  const statuses = options.statuses ?? [['adopted', '2026-02-01']];
  const [latestStatus, latestOn] = statuses[statuses.length - 1]!;
  const [measure] = await db
    .insert(policyMeasures)
    .values({
      postId: post.id,
      countryAlpha2: post.countryAlpha2,
      area: options.area ?? 'asylum_procedure',
      title: options.title ?? 'Synthetic asylum procedure act',
      status: latestStatus,
      statusOn: latestOn,
      direction: options.direction ?? 'more_restrictive',
      summary: 'A synthetic measure for tests.',
      classification: options.classification ?? 'U',
      synthetic: true,
      createdBy: options.createdBy,
    })
    .returning({ id: policyMeasures.id });
  const id = measure!.id;
  for (const [status, effectiveOn] of statuses) await db.insert(policyMeasureStatuses).values({ measureId: id, status, effectiveOn });
  const rows = await db
    .insert(sources)
    .values(
      Array.from({ length: options.sourceCount ?? 1 }, (_, index) => ({
        recordType: 'policy_measure',
        recordId: id,
        url: `https://example.org/gazette/${id}/${index}`,
        outlet: `Synthetic gazette ${index + 1}`,
        language: 'en',
        sourceType: 'official',
        reliability: 'A',
        credibility: 1,
      })),
    )
    .returning({ id: sources.id });
  return { id, sourceIds: rows.map((row) => row.id) };
}
