import type { TClearance } from '../../shared/identity';
import type { TSuspectStatus } from '../../shared/incidents';
import type { Executor } from '../db/client';
import { incidentLegalStatuses, incidents, recordActivity, sources } from '../db/schema/index';
import { postOf } from '../engagements/test-builders';

/**
 * An incident inserted directly (with one source per suspect status given, its first legal
 * status and its `created` activity), so that access and list tests do not depend on the
 * commands. Everything it makes is marked synthetic.
 */
export async function buildIncident(
  db: Executor,
  options: {
    post: string;
    draftedBy: string;
    classification?: TClearance;
    status?: 'draft' | 'submitted' | 'verified' | 'rejected';
    country?: string;
    occurredOn?: string;
    category?: string;
    summary?: string;
    placeName?: string;
    latitude?: number | null;
    longitude?: number | null;
    legalStatus?: string;
    suspectStatuses?: TSuspectStatus[];
    reliability?: string;
  },
): Promise<{ id: string; sourceIds: string[] }> {
  const post = await postOf(db, options.post);
  const [incident] = await db
    .insert(incidents)
    .values({
      postId: post.id,
      countryAlpha2: options.country ?? post.countryAlpha2,
      placeName: options.placeName ?? 'Synthetic town',
      latitude: options.latitude ?? null,
      longitude: options.longitude ?? null,
      geoPrecision: 'town',
      occurredOn: options.occurredOn ?? '2026-03-02',
      timePrecision: 'day',
      category: options.category ?? 'violent_crime',
      summary: options.summary ?? 'A synthetic incident for tests: an assault at a bus stop, reported by the police.',
      classification: options.classification ?? 'U',
      status: options.status ?? 'draft',
      legalStatus: options.legalStatus ?? 'reported',
      synthetic: true,
      draftedBy: options.draftedBy,
      submittedAt: options.status && options.status !== 'draft' ? new Date() : null,
    })
    .returning({ id: incidents.id });
  const id = incident!.id;
  const sourceRows = await db
    .insert(sources)
    .values(
      (options.suspectStatuses ?? ['not_stated']).map((suspectStatus, index) => ({
        recordType: 'incident',
        recordId: id,
        url: `https://example.org/synthetic/${id}/${index}`,
        outlet: `Synthetic outlet ${index + 1}`,
        language: 'en',
        sourceType: 'media',
        reliability: options.reliability ?? 'B',
        credibility: 2,
        suspectStatus,
      })),
    )
    .returning({ id: sources.id });
  await db.insert(incidentLegalStatuses).values({ incidentId: id, status: options.legalStatus ?? 'reported', effectiveOn: options.occurredOn ?? '2026-03-02' });
  await db.insert(recordActivity).values({ recordType: 'incident', recordId: id, actorId: options.draftedBy, kind: 'created' });
  return { id, sourceIds: sourceRows.map((row) => row.id) };
}
