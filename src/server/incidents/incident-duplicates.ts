import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import { ZIncidentCheckInput, type TDuplicateCandidate, type TIncidentCheck, type TIncidentCheckInput } from '../../shared/incidents';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { incidentCategories, incidentDuplicates, incidents, posts } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { higherMarking, requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { findDuplicateCandidates } from './duplicates/find-duplicates';
import { assertIncidentAction, listedIncidents } from './incident-policy';
import { findIncidentSubject } from './incident-queries';
import { identifierSpans } from './validate-incident';

/**
 * Candidates are found for their reader, each time they are read: only incidents the reader
 * may see are compared, so a duplicate at a post outside the reader's scope is never hinted at.
 * A pair marked "not the same event" stays listed, marked dismissed, below the others.
 */
async function presentCandidates(db: Executor, incidentId: string | null, found: { id: string; score: number }[]): Promise<TDuplicateCandidate[]> {
  if (found.length === 0) return [];
  const ids = found.map((candidate) => candidate.id);
  const [rows, dismissed] = await Promise.all([
    db
      .select({
        id: incidents.id,
        post: posts.code,
        postName: posts.name,
        country: incidents.countryAlpha2,
        occurredOn: incidents.occurredOn,
        category: incidentCategories.name,
        summary: incidents.summary,
        status: incidents.status,
        legalStatus: incidents.legalStatus,
      })
      .from(incidents)
      .innerJoin(posts, eq(posts.id, incidents.postId))
      .innerJoin(incidentCategories, eq(incidentCategories.code, incidents.category))
      .where(inArray(incidents.id, ids)),
    incidentId
      ? db
          .select({ a: incidentDuplicates.incidentId, b: incidentDuplicates.candidateId })
          .from(incidentDuplicates)
          .where(
            and(
              isNotNull(incidentDuplicates.dismissedAt),
              or(
                and(eq(incidentDuplicates.incidentId, incidentId), inArray(incidentDuplicates.candidateId, ids)),
                and(eq(incidentDuplicates.candidateId, incidentId), inArray(incidentDuplicates.incidentId, ids)),
              ),
            ),
          )
      : Promise.resolve([]),
  ]);
  const dismissedIds = new Set(dismissed.map((pair) => (pair.a === incidentId ? pair.b : pair.a)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return found
    .flatMap((candidate) => {
      const row = byId.get(candidate.id);
      return row
        ? [
            {
              ...row,
              status: row.status as TDuplicateCandidate['status'],
              legalStatus: row.legalStatus as TDuplicateCandidate['legalStatus'],
              score: candidate.score,
              dismissed: dismissedIds.has(candidate.id),
            },
          ]
        : [];
    })
    .sort((a, b) => Number(a.dismissed) - Number(b.dismissed) || b.score - a.score);
}

/** Incidents the reader may see that may describe the same event as this one. */
export async function listDuplicates(db: Executor, id: string, reader: Actor): Promise<{ items: TDuplicateCandidate[] }> {
  requirePermission(reader, 'records.read');
  const incident = await findIncidentSubject(db, id, reader);
  const mergedInto = await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.mergedIntoId, id));
  const found = await findDuplicateCandidates(
    db,
    { country: incident.countryAlpha2, occurredOn: incident.occurredOn, summary: incident.summary, exclude: [id, ...mergedInto.map((row) => row.id)] },
    { visible: listedIncidents(reader) },
  );
  return { items: await presentCandidates(db, id, found) };
}

/**
 * What the form shows before saving: the identifier guard's spans (without refusing anything
 * yet) and the incidents the writer may see that may describe the same event.
 */
export async function checkIncident(db: Executor, raw: unknown, reader: Actor): Promise<TIncidentCheck> {
  requirePermission(reader, 'records.read');
  const input = parseInput(ZIncidentCheckInput, raw);
  // The guard (a worker thread) and the candidates (the database) at the same time.
  const [identifiers, duplicates] = await Promise.all([identifierSpans(input), duplicatesOf(db, input, reader)]);
  return { identifiers, duplicates };
}

async function duplicatesOf(db: Executor, input: TIncidentCheckInput, reader: Actor): Promise<TIncidentCheck['duplicates']> {
  const country = input.country ?? (reader.postId ? await homeCountry(db, reader.postId) : undefined);
  const found =
    country && input.summary.trim() !== ''
      ? await findDuplicateCandidates(
          db,
          { country, occurredOn: input.occurredOn, summary: input.summary, exclude: input.exclude ? [input.exclude] : [] },
          { visible: listedIncidents(reader) },
        )
      : [];
  return presentCandidates(db, input.exclude ?? null, found);
}

async function homeCountry(db: Executor, postId: string): Promise<string | undefined> {
  const [post] = await db.select({ country: posts.countryAlpha2 }).from(posts).where(eq(posts.id, postId)).limit(1);
  return post?.country;
}

/** Marks two incidents the reader sees as not the same event: the pair is listed as dismissed from then on. */
export async function dismissDuplicate(db: Executor, id: string, candidateId: string, context: AuditContext, actor: Actor): Promise<void> {
  requirePermission(actor, 'incidents.triage');
  const incident = await findIncidentSubject(db, id, actor);
  assertIncidentAction(actor, incident, 'dismiss_duplicate');
  const candidate = await findIncidentSubject(db, candidateId, actor);
  const [newer, older] = incident.createdAt >= candidate.createdAt ? [id, candidateId] : [candidateId, id];
  await db.transaction(async (tx) => {
    const now = new Date();
    await tx
      .insert(incidentDuplicates)
      .values({ incidentId: newer, candidateId: older, score: 0, dismissedBy: actor.id, dismissedAt: now })
      .onConflictDoUpdate({ target: [incidentDuplicates.incidentId, incidentDuplicates.candidateId], set: { dismissedBy: actor.id, dismissedAt: now } });
    await recordAudit(tx, context, {
      action: 'incident.duplicate_dismissed',
      recordType: 'incident',
      recordId: id,
      change: { notDuplicateOf: candidateId },
      classification: higherMarking(incident.classification, candidate.classification),
    });
  });
}
