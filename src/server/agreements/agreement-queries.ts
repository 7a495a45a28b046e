import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  AGREEMENT_STAGES,
  type TAgreement,
  type TAgreementListQuery,
  type TAgreementPage,
  type TAgreementStage,
  type TStageChange,
} from '../../shared/agreements';
import type { TClearance } from '../../shared/identity';
import type { TSource } from '../../shared/sources';
import type { Executor } from '../db/client';
import { agreementEngagements, agreementStageChanges, agreements, countries, engagements, posts, users } from '../db/schema/index';
import { visibleEngagements } from '../engagements/engagement-policy';
import { AppError } from '../http/app-error';
import { loadRecordSources } from '../records/record-sources';
import { decodeCursor, type CursorPart, encodeCursor } from '../http/cursor';
import type { Actor } from '../identity/actor';
import { distanceKm, home, homeJoin, loadHomeCapital } from './agreement-distance';
import { visibleAgreement, visibleAgreements } from './agreement-policy';
import { presentAgreement, presentAgreementSummary, type AgreementRow } from './agreement-presenter';

export const AGREEMENT_RECORD_TYPE = 'agreement';

const creators = alias(users, 'creator');

function selectAgreements(db: Executor, homeCountry: string) {
  return db
    .select({
      id: agreements.id,
      countryAlpha2: agreements.countryAlpha2,
      countryName: countries.name,
      countryNumeric: countries.numeric,
      capital: countries.capital,
      type: agreements.type,
      stage: agreements.stage,
      stageOn: agreements.stageOn,
      stoppedAt: agreements.stoppedAt,
      distanceKm: distanceKm(countries),
      notes: agreements.notes,
      annualCapacity: agreements.annualCapacity,
      nationalities: agreements.nationalities,
      assistanceOffered: agreements.assistanceOffered,
      durationMonths: agreements.durationMonths,
      reviewOn: agreements.reviewOn,
      classification: agreements.classification,
      synthetic: agreements.synthetic,
      createdBy: agreements.createdBy,
      creatorName: creators.name,
      createdAt: agreements.createdAt,
      updatedAt: agreements.updatedAt,
    })
    .from(agreements)
    .innerJoin(countries, eq(countries.alpha2, agreements.countryAlpha2))
    .leftJoin(home, homeJoin(homeCountry))
    .leftJoin(creators, eq(creators.id, agreements.createdBy));
}

/** One agreement as the viewer sees it, or 404: for a viewer who may not see it, it does not exist. */
export async function findAgreementRow(db: Executor, id: string, viewer: Actor, homeCountry: string): Promise<AgreementRow> {
  const [row] = await selectAgreements(db, homeCountry).where(visibleAgreement(viewer, id)).limit(1);
  if (!row) throw AppError.notFound('Agreement');
  return row as AgreementRow;
}

export async function getAgreement(db: Executor, id: string, viewer: Actor, homeCountry: string): Promise<TAgreement> {
  const row = await findAgreementRow(db, id, viewer, homeCountry);
  const [history, linked, sourceList, nationalityNames] = await Promise.all([
    loadHistory(db, id),
    loadLinkedEngagements(db, id, viewer),
    loadSources(db, id),
    row.nationalities.length > 0
      ? db.select({ code: countries.alpha2, name: countries.name }).from(countries).where(inArray(countries.alpha2, row.nationalities))
      : Promise.resolve([]),
  ]);
  const names = new Map(nationalityNames.map((country) => [country.code, country.name]));
  return presentAgreement(row, viewer, {
    history,
    engagements: linked,
    sources: sourceList,
    nationalities: row.nationalities.map((code) => ({ code, name: names.get(code) ?? code })),
  });
}

/** The stage history of an agreement the viewer sees (the caller checked), oldest first. */
export async function loadHistory(db: Executor, id: string): Promise<TStageChange[]> {
  const rows = await db
    .select({
      id: agreementStageChanges.id,
      from: agreementStageChanges.fromStage,
      to: agreementStageChanges.toStage,
      on: agreementStageChanges.effectiveOn,
      note: agreementStageChanges.note,
      byId: agreementStageChanges.changedBy,
      byName: users.name,
      at: agreementStageChanges.changedAt,
    })
    .from(agreementStageChanges)
    .leftJoin(users, eq(users.id, agreementStageChanges.changedBy))
    .where(eq(agreementStageChanges.agreementId, id))
    .orderBy(asc(agreementStageChanges.changedAt), asc(agreementStageChanges.id));
  return rows.map((row) => ({
    id: row.id,
    from: row.from as TAgreementStage | null,
    to: row.to as TAgreementStage,
    on: row.on,
    note: row.note,
    by: row.byId && row.byName !== null ? { id: row.byId, name: row.byName } : null,
    at: row.at.toISOString(),
  }));
}

export async function getHistory(db: Executor, id: string, viewer: Actor, homeCountry: string): Promise<TStageChange[]> {
  await findAgreementRow(db, id, viewer, homeCountry);
  return loadHistory(db, id);
}

/** Linked engagements the viewer may see, by the engagements' own rule; the others are not mentioned. */
async function loadLinkedEngagements(db: Executor, id: string, viewer: Actor): Promise<TAgreement['engagements']> {
  const rows = await db
    .select({
      id: engagements.id,
      occurredAt: engagements.occurredAt,
      kind: engagements.kind,
      post: posts.code,
      postName: posts.name,
      status: engagements.status,
      classification: engagements.classification,
    })
    .from(agreementEngagements)
    .innerJoin(engagements, eq(engagements.id, agreementEngagements.engagementId))
    .innerJoin(posts, eq(posts.id, engagements.postId))
    .where(and(eq(agreementEngagements.agreementId, id), visibleEngagements(viewer)))
    .orderBy(desc(engagements.occurredAt), asc(engagements.id));
  return rows.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString(), classification: row.classification as TClearance }));
}

function loadSources(db: Executor, id: string): Promise<TSource[]> {
  return loadRecordSources(db, AGREEMENT_RECORD_TYPE, id);
}

const STAGE_RANK = sql.raw(`array[${AGREEMENT_STAGES.map((stage) => `'${stage}'`).join(',')}]::text[]`);
const NO_DISTANCE = { asc: 2_147_483_647, desc: -1 };

interface SortKey {
  /** The value the list sorts by, as SQL, with the id after it. */
  expression: SQL;
  part: CursorPart;
  cast: SQL;
  valueOf: (row: AgreementRow) => string | number;
}

function sortKey(query: TAgreementListQuery): SortKey {
  const order = query.order ?? (query.sort === 'updated' ? 'desc' : 'asc');
  switch (query.sort) {
    case 'distance':
      // Agreements without a distance come last either way.
      return {
        expression: sql`coalesce(${distanceKm(countries)}, ${NO_DISTANCE[order]})`,
        part: 'integer',
        cast: sql`integer`,
        valueOf: (row) => row.distanceKm ?? NO_DISTANCE[order],
      };
    case 'stage':
      return {
        expression: sql`array_position(${STAGE_RANK}, ${agreements.stage})`,
        part: 'integer',
        cast: sql`integer`,
        valueOf: (row) => AGREEMENT_STAGES.indexOf(row.stage as TAgreementStage) + 1,
      };
    case 'country':
      return { expression: sql`${countries.name}`, part: 'text', cast: sql`text`, valueOf: (row) => row.countryName };
    case 'updated':
      return { expression: sql`${agreements.updatedAt}`, part: 'timestamp', cast: sql`timestamptz`, valueOf: (row) => row.updatedAt.toISOString() };
  }
}

/** The agreements the viewer may see, filtered and sorted (distance from the home capital among the sorts), a page at a time. */
export async function listAgreements(db: Executor, query: TAgreementListQuery, viewer: Actor, homeCountry: string): Promise<TAgreementPage> {
  const order = query.order ?? (query.sort === 'updated' ? 'desc' : 'asc');
  const key = sortKey(query);
  const after = decodeCursor(query.cursor, [key.part, 'uuid']);
  const compare = order === 'asc' ? sql`>` : sql`<`;
  const rows = (await selectAgreements(db, homeCountry)
    .where(
      and(
        visibleAgreements(viewer),
        query.stage?.length ? inArray(agreements.stage, query.stage) : undefined,
        query.type?.length ? inArray(agreements.type, query.type) : undefined,
        query.country ? eq(agreements.countryAlpha2, query.country) : undefined,
        after ? sql`(${key.expression}, ${agreements.id}) ${compare} (${after[0]}::${key.cast}, ${String(after[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(order === 'asc' ? sql`${key.expression} asc` : sql`${key.expression} desc`, order === 'asc' ? asc(agreements.id) : desc(agreements.id))
    .limit(query.limit + 1)) as AgreementRow[];
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor([key.valueOf(last), last.id]) : null;
  return {
    items: items.map((row) => presentAgreementSummary(row, viewer)),
    nextCursor,
    home: await loadHomeCapital(db, homeCountry),
  };
}
