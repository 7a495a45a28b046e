import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from '../../db/client';
import type { PreparedIncident } from '../create-incident';

/**
 * The temporary tables an import is loaded into before it is moved into incidents, sources,
 * incident_legal_statuses and record_activity by INSERT … SELECT. They live in the import's
 * transaction only (ON COMMIT DROP): a killed import leaves nothing behind. Ids are made
 * here, so that sources and legal statuses can name their incident before it is stored.
 */
export const STAGING_TABLES = [
  sql`create temp table import_incidents (
    id uuid not null, post_id uuid not null, country_alpha2 text not null, place_name text not null,
    latitude double precision, longitude double precision, geo_precision text not null, occurred_on date not null,
    time_precision text not null, category text not null, summary text not null, killed integer, injured integer,
    human_rights_relevant boolean not null, classification text not null, legal_status text not null,
    allowed_names text[] not null, external_id text, synthetic boolean not null
  ) on commit drop`,
  sql`create temp table import_sources (
    id uuid not null, incident_id uuid not null, ord integer not null, url text not null, outlet text not null,
    published_on date, language text not null, source_type text not null, reliability text not null,
    credibility smallint not null, suspect_status text
  ) on commit drop`,
  sql`create temp table import_legal_statuses (incident_id uuid not null, status text not null, effective_on date not null, source_id uuid) on commit drop`,
  sql`create temp table import_created (id uuid primary key) on commit drop`,
];

export type Cell = string | number | boolean | null | readonly string[];

/** One batch of incidents as the rows of the three staging tables, in their column order. */
export interface StagedBatch {
  incidents: Cell[][];
  sources: Cell[][];
  legalStatuses: Cell[][];
}

export function stagedRows(batch: readonly PreparedIncident[]): StagedBatch {
  const staged: StagedBatch = { incidents: [], sources: [], legalStatuses: [] };
  for (const { input, post, country } of batch) {
    const id = randomUUID();
    const legal = input.legalStatus ?? { status: 'reported' as const, effectiveOn: input.occurredOn, source: null };
    staged.incidents.push([
      id,
      post.id,
      country,
      input.placeName,
      input.latitude,
      input.longitude,
      input.geoPrecision,
      input.occurredOn,
      input.timePrecision,
      input.category,
      input.summary,
      input.killed,
      input.injured,
      input.humanRightsRelevant,
      input.classification,
      legal.status,
      input.allowedNames,
      input.externalId ?? null,
      input.synthetic,
    ]);
    const sourceIds = input.sources.map(() => randomUUID());
    input.sources.forEach((source, ord) => {
      staged.sources.push([
        sourceIds[ord]!,
        id,
        ord,
        source.url,
        source.outlet,
        source.publishedOn,
        source.language,
        source.type,
        source.reliability,
        source.credibility,
        source.suspectStatus,
      ]);
    });
    staged.legalStatuses.push([id, legal.status, legal.effectiveOn, legal.source === null ? null : (sourceIds[legal.source] ?? null)]);
  }
  return staged;
}

const COLUMNS = {
  import_incidents: [
    ['id', 'uuid'],
    ['post_id', 'uuid'],
    ['country_alpha2', 'text'],
    ['place_name', 'text'],
    ['latitude', 'double precision'],
    ['longitude', 'double precision'],
    ['geo_precision', 'text'],
    ['occurred_on', 'date'],
    ['time_precision', 'text'],
    ['category', 'text'],
    ['summary', 'text'],
    ['killed', 'integer'],
    ['injured', 'integer'],
    ['human_rights_relevant', 'boolean'],
    ['classification', 'text'],
    ['legal_status', 'text'],
    ['allowed_names', 'text[]'],
    ['external_id', 'text'],
    ['synthetic', 'boolean'],
  ],
  import_sources: [
    ['id', 'uuid'],
    ['incident_id', 'uuid'],
    ['ord', 'integer'],
    ['url', 'text'],
    ['outlet', 'text'],
    ['published_on', 'date'],
    ['language', 'text'],
    ['source_type', 'text'],
    ['reliability', 'text'],
    ['credibility', 'smallint'],
    ['suspect_status', 'text'],
  ],
  import_legal_statuses: [
    ['incident_id', 'uuid'],
    ['status', 'text'],
    ['effective_on', 'date'],
    ['source_id', 'uuid'],
  ],
} as const;
type StagingTable = keyof typeof COLUMNS;

const tablesOf = (batch: StagedBatch): [StagingTable, Cell[][]][] => [
  ['import_incidents', batch.incidents],
  ['import_sources', batch.sources],
  ['import_legal_statuses', batch.legalStatuses],
];

/** Loads a batch into the staging tables. */
export type Stager = (batch: StagedBatch) => Promise<void>;

/** PostgreSQL: COPY … FROM STDIN on the transaction's own connection. */
export function copyStager(client: pg.PoolClient): Stager {
  return async (batch) => {
    for (const [table, rows] of tablesOf(batch)) {
      if (rows.length > 0) await copyRows(client, table, COLUMNS[table].map(([name]) => name).join(', '), rows);
    }
  };
}

/** Rows into a table by COPY … FROM STDIN, streamed a few hundred rows at a time. */
export async function copyRows(client: pg.PoolClient, table: string, columns: string, rows: Cell[][]): Promise<void> {
  await pipeline(Readable.from(copyLines(rows)), client.query(copyFrom(`copy ${table} (${columns}) from stdin`)));
}

/** PGlite (no COPY FROM STDIN): one statement per table and batch, the rows in one jsonb parameter, so no bind-parameter limit applies. */
export function jsonStager(tx: Executor): Stager {
  return async (batch) => {
    for (const [table, rows] of tablesOf(batch)) {
      if (rows.length === 0) continue;
      const columns = COLUMNS[table];
      const objects = rows.map((row) => Object.fromEntries(columns.map(([name], index) => [name, row[index]])));
      const record = columns.map(([name, type]) => `${name} ${type}`).join(', ');
      await tx.execute(sql`insert into ${sql.identifier(table)} select * from jsonb_to_recordset(${JSON.stringify(objects)}::jsonb) as r(${sql.raw(record)})`);
    }
  };
}

/** Rows in COPY's text format, whole (the benchmark's raw COPY uses it too). */
export function copyText(rows: Cell[][]): string {
  return [...copyLines(rows)].join('');
}

/** COPY's text format, a few hundred rows per chunk. */
function* copyLines(rows: Cell[][]): Generator<string> {
  let chunk = '';
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    let line = copyValue(row[0]!);
    for (let column = 1; column < row.length; column += 1) line += `\t${copyValue(row[column]!)}`;
    chunk += `${line}\n`;
    if (index % 256 === 255) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const TO_ESCAPE = /[\\\n\r\t]/;
// Most text has nothing to escape: the test is a third of the cost of a replace that finds nothing.
const escapeCopy = (text: string) => (TO_ESCAPE.test(text) ? text.replace(/[\\\n\r\t]/g, (char) => ESCAPES[char]!) : text);

function copyValue(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeCopy(value);
  // An array literal, then escaped for COPY like any text.
  return escapeCopy(`{${value.map((item) => `"${item.replace(/["\\]/g, (char) => `\\${char}`)}"`).join(',')}}`);
}
