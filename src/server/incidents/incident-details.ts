import { and, asc, eq, inArray } from 'drizzle-orm';
import { SUSPECT_STATUSES, type TIncident, type TSuspectStatus } from '../../shared/incidents';
import type { TReliability } from '../../shared/sources';
import type { TReturned } from '../../shared/workflow';
import type { Executor } from '../db/client';
import { incidentLegalStatuses, incidents, sources, users } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { loadEditors, loadLatestReturns } from '../workflow/record-activity';
import { visibleIncidents } from './incident-policy';
import { INCIDENT_WORKFLOW } from './incident-workflow-definition';

export interface IncidentDetails {
  sources: TIncident['sources'];
  suspectStatuses: TIncident['suspectStatuses'];
  suspectStatusDisputed: boolean;
  bestReliability: TReliability | null;
  mergedFrom: string[];
  editors: string[];
  returned: TReturned | null;
}

/**
 * Everyone who wrote each incident's content, its own editors and those of every incident merged
 * into it (their content is part of it now), whoever reads: four eyes is a rule about the
 * record, not about what the reader may see of the incidents merged into it.
 */
export async function loadIncidentEditors(db: Executor, ids: string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const merged = await db.select({ id: incidents.id, into: incidents.mergedIntoId }).from(incidents).where(inArray(incidents.mergedIntoId, ids));
  const byRecord = await loadEditors(db, INCIDENT_WORKFLOW.recordType, [...ids, ...merged.map((row) => row.id)]);
  return new Map(ids.map((id) => [id, [...(byRecord.get(id) ?? []), ...merged.filter((row) => row.into === id).flatMap((row) => byRecord.get(row.id) ?? [])]]));
}

/** Statuses that say something about the suspect: "unknown" and "not stated" disagree with nothing. */
const STATED = new Set<TSuspectStatus>(['national', 'foreign_national', 'asylum_seeker', 'no_residence_status']);

/**
 * What a page of incidents shows besides its rows, in one query per kind for the whole page:
 * sources (with what each says of the suspect), incidents merged into them that the reader
 * may see, the editors (four eyes, for allowedActions) and the latest return.
 */
export async function loadIncidentDetails(
  db: Executor,
  ids: string[],
  viewer: Actor,
  options: { workflow?: boolean } = {},
): Promise<Map<string, IncidentDetails>> {
  const details = new Map<string, IncidentDetails>();
  if (ids.length === 0) return details;
  // An export shows no actions and no return: it needs neither the editors nor the returns.
  const workflow = options.workflow ?? true;
  const [sourceRows, mergedRows, returns, editors] = await Promise.all([
    db
      .select({
        id: sources.id,
        recordId: sources.recordId,
        url: sources.url,
        outlet: sources.outlet,
        publishedOn: sources.publishedOn,
        language: sources.language,
        type: sources.sourceType,
        reliability: sources.reliability,
        credibility: sources.credibility,
        suspectStatus: sources.suspectStatus,
        addedById: sources.addedBy,
        addedByName: users.name,
        addedAt: sources.addedAt,
      })
      .from(sources)
      .leftJoin(users, eq(users.id, sources.addedBy))
      .where(and(eq(sources.recordType, INCIDENT_WORKFLOW.recordType), inArray(sources.recordId, ids)))
      .orderBy(asc(sources.seq)),
    db
      .select({ id: incidents.id, into: incidents.mergedIntoId })
      .from(incidents)
      .where(and(inArray(incidents.mergedIntoId, ids), visibleIncidents(viewer))),
    workflow ? loadLatestReturns(db, INCIDENT_WORKFLOW.recordType, ids) : new Map<string, TReturned>(),
    workflow ? loadIncidentEditors(db, ids) : new Map<string, string[]>(),
  ]);
  const mergedInto = new Map<string, string[]>();
  for (const row of mergedRows) {
    if (!row.into) continue;
    const list = mergedInto.get(row.into);
    if (list) list.push(row.id);
    else mergedInto.set(row.into, [row.id]);
  }
  const sourcesOf = new Map<string, typeof sourceRows>();
  for (const row of sourceRows) {
    const list = sourcesOf.get(row.recordId);
    if (list) list.push(row);
    else sourcesOf.set(row.recordId, [row]);
  }
  for (const id of ids) {
    const own = sourcesOf.get(id) ?? [];
    const mergedFrom = mergedInto.get(id) ?? [];
    const incidentSources = own.map((row) => ({
      id: row.id,
      url: row.url,
      outlet: row.outlet,
      publishedOn: row.publishedOn,
      language: row.language,
      type: row.type as TIncident['sources'][number]['type'],
      reliability: row.reliability as TReliability,
      credibility: row.credibility,
      suspectStatus: (row.suspectStatus ?? 'not_stated') as TSuspectStatus,
      addedBy: row.addedById && row.addedByName !== null ? { id: row.addedById, name: row.addedByName } : null,
      addedAt: row.addedAt.toISOString(),
    }));
    const suspectStatuses = SUSPECT_STATUSES.map((status) => ({
      status,
      sources: incidentSources.filter((source) => source.suspectStatus === status).map((source) => ({ id: source.id, outlet: source.outlet })),
    })).filter((claim) => claim.sources.length > 0);
    details.set(id, {
      sources: incidentSources,
      suspectStatuses,
      suspectStatusDisputed: suspectStatuses.filter((claim) => STATED.has(claim.status)).length > 1,
      bestReliability: incidentSources.map((source) => source.reliability).sort()[0] ?? null,
      mergedFrom,
      editors: editors.get(id) ?? [],
      returned: returns.get(id) ?? null,
    });
  }
  return details;
}

/** An incident's legal status over time, oldest first, each with the source that states it. */
export async function loadLegalHistory(db: Executor, id: string): Promise<TIncident['legalHistory']> {
  const rows = await db
    .select({
      id: incidentLegalStatuses.id,
      status: incidentLegalStatuses.status,
      effectiveOn: incidentLegalStatuses.effectiveOn,
      sourceId: sources.id,
      sourceOutlet: sources.outlet,
      sourceUrl: sources.url,
      recordedById: incidentLegalStatuses.recordedBy,
      recordedByName: users.name,
      recordedAt: incidentLegalStatuses.recordedAt,
    })
    .from(incidentLegalStatuses)
    .leftJoin(sources, eq(sources.id, incidentLegalStatuses.sourceId))
    .leftJoin(users, eq(users.id, incidentLegalStatuses.recordedBy))
    .where(eq(incidentLegalStatuses.incidentId, id))
    .orderBy(asc(incidentLegalStatuses.effectiveOn), asc(incidentLegalStatuses.recordedAt));
  return rows.map((row) => ({
    id: row.id,
    status: row.status as TIncident['legalStatus'],
    effectiveOn: row.effectiveOn,
    source: row.sourceId && row.sourceOutlet !== null && row.sourceUrl !== null ? { id: row.sourceId, outlet: row.sourceOutlet, url: row.sourceUrl } : null,
    recordedBy: row.recordedById && row.recordedByName !== null ? { id: row.recordedById, name: row.recordedByName } : null,
    recordedAt: row.recordedAt.toISOString(),
  }));
}
