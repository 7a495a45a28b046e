import { and, asc, desc, eq, exists, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { POLICY_MEASURE_STATUS_LABELS, type TPolicyMeasureStatus } from '../../shared/policy-measures';
import type { TEvidenceType } from '../../shared/assessments';
import { STATISTIC_GROUP_LABELS, type TStatisticGroup } from '../../shared/statistics';
import type { Executor } from '../db/client';
import { containing } from '../db/like';
import { engagements, incidentCategories, incidents, policyMeasures, posts, statisticSeries, statisticValues } from '../db/schema/index';
import { visibleEngagements } from '../engagements/engagement-policy';
import type { Actor } from '../identity/actor';
import { hasPermission, markingReadable } from '../identity/access-policy';
import { visibleIncidents } from '../incidents/incident-policy';
import { visiblePolicyMeasures } from '../policy-measures/policy-measure-policy';

/**
 * The records an assessment may rest on, one query per type under that type's own access rule,
 * for two uses that must agree: the links an author may save and a reader is shown (by id), and
 * the choices the form offers (by country and search). The form therefore offers exactly what
 * the server accepts.
 */
export interface EvidenceFilter {
  ids?: readonly string[];
  /** Records of this country (ISO alpha-2): measures and incidents in it, engagements of its posts, series with figures for it. */
  country?: string;
  /** Part of the words a person remembers: title, place, category, indicator, publisher… */
  q?: string;
  limit?: number;
}

export interface EvidenceRecord {
  id: string;
  /** What the link reads as, wherever it is shown. */
  label: string;
  /** What tells two similar records apart in a list of choices. */
  detail: string;
  link: string | null;
}

const limitOf = (filter: EvidenceFilter) => (filter.ids ? filter.ids.length : (filter.limit ?? 20));
const matching = (q: string | undefined, columns: SQL[]) => (q?.trim() ? or(...columns.map((column) => ilike(column, containing(q.trim())))) : undefined);

type Finder = (db: Executor, viewer: Actor, filter: EvidenceFilter) => Promise<EvidenceRecord[]>;

const FINDERS: Record<TEvidenceType, Finder> = {
  async policy_measure(db, viewer, filter) {
    const rows = await db
      .select({ id: policyMeasures.id, title: policyMeasures.title, status: policyMeasures.status, statusOn: policyMeasures.statusOn })
      .from(policyMeasures)
      .where(
        and(
          visiblePolicyMeasures(viewer),
          filter.ids ? inArray(policyMeasures.id, [...filter.ids]) : undefined,
          filter.country ? eq(policyMeasures.countryAlpha2, filter.country) : undefined,
          matching(filter.q, [sql`${policyMeasures.title}`, sql`${policyMeasures.summary}`]),
        ),
      )
      .orderBy(desc(policyMeasures.statusOn), asc(policyMeasures.id))
      .limit(limitOf(filter));
    return rows.map((row) => ({
      id: row.id,
      label: row.title,
      detail: `${POLICY_MEASURE_STATUS_LABELS[row.status as TPolicyMeasureStatus] ?? row.status} since ${row.statusOn}`,
      link: `/policy/measures/${row.id}`,
    }));
  },

  async incident(db, viewer, filter) {
    const rows = await db
      .select({ id: incidents.id, category: incidentCategories.name, place: incidents.placeName, on: incidents.occurredOn })
      .from(incidents)
      .innerJoin(incidentCategories, eq(incidentCategories.code, incidents.category))
      .where(
        and(
          visibleIncidents(viewer),
          // A stored link may point at an incident merged since; the choices offer the one kept.
          filter.ids ? inArray(incidents.id, [...filter.ids]) : isNull(incidents.mergedIntoId),
          filter.country ? eq(incidents.countryAlpha2, filter.country) : undefined,
          matching(filter.q, [sql`${incidents.placeName}`, sql`${incidentCategories.name}`, sql`${incidents.summary}`, sql`${incidents.occurredOn}::text`]),
        ),
      )
      .orderBy(desc(incidents.occurredOn), asc(incidents.id))
      .limit(limitOf(filter));
    return rows.map((row) => ({ id: row.id, label: `${row.category} in ${row.place} on ${row.on}`, detail: row.on, link: `/incidents/${row.id}` }));
  },

  async engagement(db, viewer, filter) {
    const rows = await db
      .select({ id: engagements.id, kind: engagements.kind, post: posts.name, at: engagements.occurredAt })
      .from(engagements)
      .innerJoin(posts, eq(posts.id, engagements.postId))
      .where(
        and(
          visibleEngagements(viewer),
          filter.ids ? inArray(engagements.id, [...filter.ids]) : undefined,
          filter.country ? eq(posts.countryAlpha2, filter.country) : undefined,
          matching(filter.q, [
            sql`${engagements.kind}`,
            sql`${posts.name}`,
            sql`${engagements.ourReadout}`,
            sql`to_char(${engagements.occurredAt} at time zone 'UTC', 'YYYY-MM-DD')`,
          ]),
        ),
      )
      .orderBy(desc(engagements.occurredAt), asc(engagements.id))
      .limit(limitOf(filter));
    return rows.map((row) => {
      const on = row.at.toISOString().slice(0, 10);
      return { id: row.id, label: `${row.kind.replace('_', ' ')} at ${row.post} on ${on}`, detail: on, link: `/engagements/${row.id}` };
    });
  },

  async statistic(db, viewer, filter) {
    if (!hasPermission(viewer, 'records.read')) return [];
    const rows = await db
      .select({
        id: statisticSeries.id,
        indicator: statisticSeries.indicatorName,
        offence: statisticSeries.offenceName,
        group: statisticSeries.groupCode,
        publisher: statisticSeries.publisher,
        table: statisticSeries.tableId,
      })
      .from(statisticSeries)
      .where(
        and(
          markingReadable(viewer, statisticSeries.classification),
          filter.ids ? inArray(statisticSeries.id, [...filter.ids]) : undefined,
          filter.country
            ? exists(
                db
                  .select({ one: sql`1` })
                  .from(statisticValues)
                  .where(and(eq(statisticValues.seriesId, statisticSeries.id), eq(statisticValues.countryAlpha2, filter.country))),
              )
            : undefined,
          matching(filter.q, [
            sql`${statisticSeries.indicatorName}`,
            sql`coalesce(${statisticSeries.offenceName}, '')`,
            sql`${statisticSeries.publisher}`,
            sql`${statisticSeries.tableTitle}`,
          ]),
        ),
      )
      .orderBy(asc(statisticSeries.indicatorName), asc(statisticSeries.key))
      .limit(limitOf(filter));
    return rows.map((row) => ({
      id: row.id,
      label: `${row.indicator} (${row.publisher})`,
      detail: [row.offence, STATISTIC_GROUP_LABELS[row.group as TStatisticGroup] ?? row.group, row.table].filter(Boolean).join(', '),
      link: null,
    }));
  },
};

/** The records of one type that the viewer may see and that the filter names. */
export function findEvidence(db: Executor, type: TEvidenceType, viewer: Actor, filter: EvidenceFilter): Promise<EvidenceRecord[]> {
  if (filter.ids?.length === 0) return Promise.resolve([]);
  return FINDERS[type](db, viewer, filter);
}
