import { and, desc, eq, exists, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TIncident, TIncidentListQuery, TIncidentSummary } from '../../shared/incidents';
import type { TPage } from '../../shared/pagination';
import type { Executor } from '../db/client';
import { countries, incidentCategories, incidents, posts, sources, users } from '../db/schema/index';
import { decodeCursor, toPage } from '../http/cursor';
import type { Actor } from '../identity/actor';
import { loadIncidentDetails, loadIncidentEditors, loadLegalHistory } from './incident-details';
import { listedIncidents, requireVisibleIncident } from './incident-policy';
import { presentIncident, presentIncidentSummary, type IncidentRow } from './incident-presenter';
import { INCIDENT_WORKFLOW } from './incident-workflow-definition';

const drafters = alias(users, 'drafter');
const verifiers = alias(users, 'verifier');

const incidentColumns = {
  id: incidents.id,
  postId: incidents.postId,
  postCode: posts.code,
  postName: posts.name,
  postBureauCode: posts.bureauCode,
  countryAlpha2: incidents.countryAlpha2,
  countryName: countries.name,
  placeName: incidents.placeName,
  latitude: incidents.latitude,
  longitude: incidents.longitude,
  geoPrecision: incidents.geoPrecision,
  occurredOn: incidents.occurredOn,
  timePrecision: incidents.timePrecision,
  category: incidents.category,
  categoryName: incidentCategories.name,
  summary: incidents.summary,
  killed: incidents.killed,
  injured: incidents.injured,
  humanRightsRelevant: incidents.humanRightsRelevant,
  classification: incidents.classification,
  status: incidents.status,
  legalStatus: incidents.legalStatus,
  allowedNames: incidents.allowedNames,
  externalId: incidents.externalId,
  mergedIntoId: incidents.mergedIntoId,
  synthetic: incidents.synthetic,
  draftedBy: incidents.draftedBy,
  drafterName: drafters.name,
  verifiedBy: incidents.verifiedBy,
  verifierName: verifiers.name,
  submittedAt: incidents.submittedAt,
  verifiedAt: incidents.verifiedAt,
  createdAt: incidents.createdAt,
  updatedAt: incidents.updatedAt,
};

export function selectIncidents(db: Executor) {
  return db
    .select(incidentColumns)
    .from(incidents)
    .innerJoin(posts, eq(posts.id, incidents.postId))
    .innerJoin(countries, eq(countries.alpha2, incidents.countryAlpha2))
    .innerJoin(incidentCategories, eq(incidentCategories.code, incidents.category))
    .innerJoin(drafters, eq(drafters.id, incidents.draftedBy))
    .leftJoin(verifiers, eq(verifiers.id, incidents.verifiedBy));
}

/** The stored row, whoever asks: callers decide visibility with requireVisibleIncident. */
export async function findIncidentRow(db: Executor, id: string): Promise<IncidentRow | undefined> {
  const [row] = await selectIncidents(db).where(eq(incidents.id, id)).limit(1);
  return row as IncidentRow | undefined;
}

/** One incident as the viewer sees it, or 404. */
export async function getIncident(db: Executor, id: string, viewer: Actor): Promise<TIncident> {
  const row = requireVisibleIncident(viewer, await findIncidentRow(db, id));
  const [details, legalHistory] = await Promise.all([loadIncidentDetails(db, [row.id], viewer), loadLegalHistory(db, row.id)]);
  return presentIncident(row, details.get(row.id)!, legalHistory, viewer);
}

/** The row with its editors (its own and those of incidents merged into it), for commands whose rules read them. */
export async function findIncidentSubject(db: Executor, id: string, viewer: Actor): Promise<IncidentRow & { editors: string[] }> {
  const row = requireVisibleIncident(viewer, await findIncidentRow(db, id));
  const editors = await loadIncidentEditors(db, [id]);
  return { ...row, editors: editors.get(id) ?? [] };
}

const asList = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

/**
 * The filters of the list, the map and the exports, as one condition with the reader's access
 * rule, so that no view can count what another would hide. No filter on suspect status is
 * applied unless asked for, and then for any status alike.
 */
export function incidentConditions(query: Omit<TIncidentListQuery, 'limit' | 'cursor' | 'format'>, viewer: Actor): SQL {
  const categories = asList(query.category);
  const legal = asList(query.legalStatus);
  const suspect = asList(query.suspectStatus);
  const statuses = asList(query.status);
  const sourceWhere = (condition: SQL) =>
    exists(
      sql`(select 1 from ${sources} where ${sources.recordType} = ${INCIDENT_WORKFLOW.recordType} and ${sources.recordId} = ${incidents.id} and ${condition})`,
    );
  return and(
    listedIncidents(viewer),
    query.post ? inArray(incidents.postId, sql`(select ${posts.id} from ${posts} where ${posts.code} = ${query.post})`) : undefined,
    query.country ? eq(incidents.countryAlpha2, query.country.toUpperCase()) : undefined,
    categories?.length ? inArray(incidents.category, categories) : undefined,
    legal?.length ? inArray(incidents.legalStatus, legal) : undefined,
    statuses?.length ? inArray(incidents.status, statuses) : undefined,
    suspect?.length ? sourceWhere(inArray(sources.suspectStatus, suspect)) : undefined,
    // A (best) … F: "B" means a source rated A or B.
    query.reliability ? sourceWhere(lte(sources.reliability, query.reliability)) : undefined,
    query.from ? gte(incidents.occurredOn, query.from) : undefined,
    query.to ? lte(incidents.occurredOn, query.to) : undefined,
  ) as SQL;
}

/** Incidents the viewer may see, newest first, merged ones left out (their survivor stands for them). */
export async function listIncidents(db: Executor, query: TIncidentListQuery, viewer: Actor): Promise<TPage<TIncidentSummary>> {
  const after = decodeCursor(query.cursor, ['date', 'uuid']);
  const rows = (await selectIncidents(db)
    .where(
      and(
        incidentConditions(query, viewer),
        after ? sql`(${incidents.occurredOn}, ${incidents.id}) < (${String(after[0])}::date, ${String(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(incidents.occurredOn), desc(incidents.id))
    .limit(query.limit + 1)) as IncidentRow[];
  const page = toPage(rows, query.limit, (row) => [row.occurredOn, row.id]);
  const details = await loadIncidentDetails(
    db,
    page.items.map((row) => row.id),
    viewer,
  );
  return { items: page.items.map((row) => presentIncidentSummary(row, details.get(row.id)!, viewer)), nextCursor: page.nextCursor };
}
