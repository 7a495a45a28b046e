import { and, asc, desc, eq, exists, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { TPolicyMeasure, TPolicyMeasureListQuery, TPolicyMeasureSummary } from '../../shared/policy-measures';
import type { TPage } from '../../shared/pagination';
import type { TSource } from '../../shared/sources';
import type { Executor } from '../db/client';
import { containing } from '../db/like';
import { countries, policyAreas, policyMeasureStatuses, policyMeasures, posts, users } from '../db/schema/index';
import { loadRecordSources } from '../records/record-sources';
import { decodeCursor, toPage } from '../http/cursor';
import type { Actor } from '../identity/actor';
import { requireVisibleMeasure, visiblePolicyMeasures } from './policy-measure-policy';
import { presentMeasure, presentMeasureSummary, type MeasureRow } from './policy-measure-presenter';

export const MEASURE_RECORD_TYPE = 'policy_measure';

const measureColumns = {
  id: policyMeasures.id,
  postId: policyMeasures.postId,
  postCode: posts.code,
  postName: posts.name,
  postBureauCode: posts.bureauCode,
  countryAlpha2: policyMeasures.countryAlpha2,
  countryName: countries.name,
  area: policyMeasures.area,
  areaName: policyAreas.name,
  title: policyMeasures.title,
  status: policyMeasures.status,
  statusOn: policyMeasures.statusOn,
  direction: policyMeasures.direction,
  summary: policyMeasures.summary,
  classification: policyMeasures.classification,
  synthetic: policyMeasures.synthetic,
  createdBy: policyMeasures.createdBy,
  creatorName: users.name,
  createdAt: policyMeasures.createdAt,
  updatedAt: policyMeasures.updatedAt,
};

function selectMeasures(db: Executor) {
  return db
    .select(measureColumns)
    .from(policyMeasures)
    .innerJoin(posts, eq(posts.id, policyMeasures.postId))
    .innerJoin(countries, eq(countries.alpha2, policyMeasures.countryAlpha2))
    .innerJoin(policyAreas, eq(policyAreas.code, policyMeasures.area))
    .innerJoin(users, eq(users.id, policyMeasures.createdBy));
}

/** The measure whoever asks, checked visible to the viewer (404 otherwise). */
export async function findMeasure(db: Executor, id: string, viewer: Actor): Promise<MeasureRow> {
  const [row] = await selectMeasures(db).where(eq(policyMeasures.id, id)).limit(1);
  return requireVisibleMeasure(viewer, row as MeasureRow | undefined);
}

export function loadMeasureSources(db: Executor, id: string): Promise<TSource[]> {
  return loadRecordSources(db, MEASURE_RECORD_TYPE, id);
}

/** One measure with its status history and sources, as the viewer sees it, or 404. */
export async function getMeasure(db: Executor, id: string, viewer: Actor): Promise<TPolicyMeasure> {
  const row = await findMeasure(db, id, viewer);
  const [history, sourceList] = await Promise.all([
    db
      .select({
        status: policyMeasureStatuses.status,
        effectiveOn: policyMeasureStatuses.effectiveOn,
        recordedById: policyMeasureStatuses.recordedBy,
        recordedByName: users.name,
        recordedAt: policyMeasureStatuses.recordedAt,
      })
      .from(policyMeasureStatuses)
      .leftJoin(users, eq(users.id, policyMeasureStatuses.recordedBy))
      .where(eq(policyMeasureStatuses.measureId, id))
      .orderBy(asc(policyMeasureStatuses.effectiveOn), asc(policyMeasureStatuses.recordedAt)),
    loadMeasureSources(db, id),
  ]);
  return presentMeasure(row, history, sourceList, viewer);
}

const asList = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

/** The list's filters with the reader's access rule, as one condition. */
export function measureConditions(query: Omit<TPolicyMeasureListQuery, 'limit' | 'cursor'>, viewer: Actor): SQL {
  const areas = asList(query.area);
  const statuses = asList(query.status);
  const directions = asList(query.direction);
  const changed =
    query.from || query.to
      ? exists(
          sql`(select 1 from ${policyMeasureStatuses} where ${policyMeasureStatuses.measureId} = ${policyMeasures.id} and ${and(
            query.from ? gte(policyMeasureStatuses.effectiveOn, query.from) : undefined,
            query.to ? lte(policyMeasureStatuses.effectiveOn, query.to) : undefined,
          )})`,
        )
      : undefined;
  return and(
    visiblePolicyMeasures(viewer),
    query.post ? inArray(policyMeasures.postId, sql`(select ${posts.id} from ${posts} where ${posts.code} = ${query.post})`) : undefined,
    query.country ? eq(policyMeasures.countryAlpha2, query.country) : undefined,
    areas?.length ? inArray(policyMeasures.area, areas) : undefined,
    statuses?.length ? inArray(policyMeasures.status, statuses) : undefined,
    directions?.length ? inArray(policyMeasures.direction, directions) : undefined,
    query.q ? ilike(policyMeasures.title, containing(query.q)) : undefined,
    changed,
  ) as SQL;
}

/** Measures the viewer may see, the latest status change first. */
export async function listMeasures(db: Executor, query: TPolicyMeasureListQuery, viewer: Actor): Promise<TPage<TPolicyMeasureSummary>> {
  const after = decodeCursor(query.cursor, ['date', 'uuid']);
  const rows = (await selectMeasures(db)
    .where(
      and(
        measureConditions(query, viewer),
        after ? sql`(${policyMeasures.statusOn}, ${policyMeasures.id}) < (${String(after[0])}::date, ${String(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(policyMeasures.statusOn), desc(policyMeasures.id))
    .limit(query.limit + 1)) as MeasureRow[];
  const page = toPage(rows, query.limit, (row) => [row.statusOn, row.id]);
  return { items: page.items.map((row) => presentMeasureSummary(row, viewer)), nextCursor: page.nextCursor };
}
