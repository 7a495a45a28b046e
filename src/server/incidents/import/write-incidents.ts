import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { TClearance } from '../../../shared/identity';
import type { AuditContext } from '../../audit/audit-context';
import { recordAudit } from '../../audit/record-audit';
import { isUniqueViolation } from '../../db/constraint-errors';
import { type Database, type Db, type Executor, queryRows } from '../../db/client';
import * as schema from '../../db/schema/index';
import type { Actor } from '../../identity/actor';
import { higherMarking } from '../../identity/access-policy';
import type { PreparedIncident } from '../create-incident';
import { INCIDENT_WORKFLOW } from '../incident-workflow-definition';
import { copyIntoTables } from './copy-into-tables';
import { copyStager, jsonStager, STAGING_TABLES, type StagedBatch, type Stager, stagedRows } from './staging';

/** Incidents per batch: staged, moved, then the next; progress is reported per batch. */
export const WRITE_BATCH = 2_000;

export interface WriteOptions {
  actor: Actor;
  context: AuditContext;
  /** Called after each batch is moved into the tables, inside the transaction: throwing rolls the whole import back. */
  onProgress?: (written: number, total: number) => void | Promise<void>;
  batchSize?: number;
  /** What the audit event says of the import besides the counts. */
  audit?: { rows?: number; skipped?: number; format?: string };
}

/**
 * Writes checked incidents in one transaction: all of them, or none when anything fails or
 * the process dies. On PostgreSQL each batch is copied straight into the tables (COPY); an
 * external id stored meanwhile (a concurrent import of the same file) makes that batch go
 * through the staging tables instead, moved by INSERT … SELECT … ON CONFLICT DO NOTHING, which
 * leaves the stored incident as it is, with its sources. PGlite, which has no COPY FROM STDIN,
 * always stages. Every incident gets its `created` activity, on which four eyes relies; the
 * import as a whole gets one audit event. Returns how many were written.
 */
export async function writeIncidents(database: Database, incidents: readonly PreparedIncident[], options: WriteOptions): Promise<number> {
  if (incidents.length === 0) return 0;
  const size = options.batchSize ?? WRITE_BATCH;
  async function* batches() {
    for (let start = 0; start < incidents.length; start += size) yield incidents.slice(start, start + size);
  }
  return writeIncidentBatches(database, batches(), { ...options, total: incidents.length });
}

/**
 * The same, for batches that arrive while the transaction is open (the import checks the next
 * batch while this one is written): an error thrown by the source of batches rolls everything back.
 */
export async function writeIncidentBatches(
  database: Database,
  batches: AsyncIterable<readonly PreparedIncident[]>,
  options: WriteOptions & { total: number },
): Promise<number> {
  return inTransaction(database, options.actor.id, async (tx, write) => {
    let created = 0;
    let staged = 0;
    const written: PreparedIncident[] = [];
    for await (const batch of batches) {
      created += await write(stagedRows(batch));
      staged += batch.length;
      written.push(...batch);
      await options.onProgress?.(staged, options.total);
    }
    if (created > 0) await recordAudit(tx, options.context, importEvent(written, created, options));
    return created;
  });
}

/** Writes one batch inside the transaction; returns how many incidents it created. */
type BatchWriter = (batch: StagedBatch) => Promise<number>;

async function inTransaction<T>(database: Database, actorId: string, work: (tx: Executor, write: BatchWriter) => Promise<T>): Promise<T> {
  if (database.raw.driver === 'pglite') return database.db.transaction((tx) => work(tx, throughStaging(tx, jsonStager(tx), actorId)));
  // COPY needs the connection the transaction runs on: one client, with Drizzle on it.
  const client = await database.raw.pool.connect();
  let failure: Error | undefined;
  try {
    const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db;
    return await db.transaction((tx) => work(tx, copyOrStage(client, throughStaging(tx, copyStager(client), actorId), actorId)));
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    // A connection that failed mid-COPY is closed rather than handed to the next request.
    client.release(failure);
  }
}

/** Staged, then moved; the staging tables are made on first use (on PostgreSQL, most imports never need them). */
function throughStaging(tx: Executor, stage: Stager, actorId: string): BatchWriter {
  let made = false;
  return async (batch) => {
    if (!made) for (const statement of STAGING_TABLES) await tx.execute(statement);
    made = true;
    await stage(batch);
    return moveStaged(tx, actorId);
  };
}

/**
 * Each batch copied into the tables inside a savepoint. Only a unique external id can refuse a
 * row the checks let through (ids are made here): when one is refused, another import stored it
 * after this one looked, and the batch goes through the staging tables, which skip it.
 */
function copyOrStage(client: pg.PoolClient, staging: BatchWriter, actorId: string): BatchWriter {
  return async (batch) => {
    await client.query('savepoint import_batch');
    try {
      await copyIntoTables(client, batch, actorId);
    } catch (error) {
      if (!isUniqueViolation(error, 'incidents_external_id_idx')) throw error;
      await client.query('rollback to savepoint import_batch');
      return staging(batch);
    }
    await client.query('release savepoint import_batch');
    return batch.incidents.length;
  };
}

async function moveStaged(tx: Executor, actorId: string): Promise<number> {
  await tx.execute(sql`
    with created as (
      insert into incidents (id, post_id, country_alpha2, place_name, latitude, longitude, geo_precision, occurred_on, time_precision,
                             category, summary, killed, injured, human_rights_relevant, classification, legal_status, allowed_names,
                             external_id, synthetic, drafted_by)
      select id, post_id, country_alpha2, place_name, latitude, longitude, geo_precision, occurred_on, time_precision,
             category, summary, killed, injured, human_rights_relevant, classification, legal_status, allowed_names,
             external_id, synthetic, ${actorId}::uuid
      from import_incidents
      on conflict (external_id) do nothing
      returning id)
    insert into import_created select id from created`);
  // Sources of one incident are inserted in the order given (their insertion order is their order).
  await tx.execute(sql`
    insert into sources (id, record_type, record_id, url, outlet, published_on, language, source_type, reliability, credibility, suspect_status, added_by)
    select s.id, ${INCIDENT_WORKFLOW.recordType}, s.incident_id, s.url, s.outlet, s.published_on, s.language, s.source_type, s.reliability,
           s.credibility, s.suspect_status, ${actorId}::uuid
    from import_sources s join import_created c on c.id = s.incident_id
    order by s.incident_id, s.ord`);
  await tx.execute(sql`
    insert into incident_legal_statuses (incident_id, status, effective_on, source_id, recorded_by)
    select l.incident_id, l.status, l.effective_on, l.source_id, ${actorId}::uuid
    from import_legal_statuses l join import_created c on c.id = l.incident_id`);
  await tx.execute(sql`
    insert into record_activity (record_type, record_id, actor_id, kind)
    select ${INCIDENT_WORKFLOW.recordType}, id, ${actorId}::uuid, 'created' from import_created`);
  const [moved] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from import_created`);
  await tx.execute(sql`truncate import_incidents, import_sources, import_legal_statuses, import_created`);
  return moved?.n ?? 0;
}

/** One event for the import: counts, posts, markings and the external ids' range, never the text (the records keep it). */
function importEvent(incidents: readonly PreparedIncident[], created: number, options: WriteOptions) {
  const externalIds = incidents.flatMap(({ input }) => (input.externalId ? [input.externalId] : [])).sort();
  const classification = incidents.reduce<TClearance>((highest, { input }) => higherMarking(highest, input.classification), 'U');
  return {
    action: 'incident.imported',
    recordType: INCIDENT_WORKFLOW.recordType,
    recordId: null,
    classification,
    change: {
      created,
      ...(options.audit ?? {}),
      posts: [...new Set(incidents.map(({ post }) => post.code))].sort(),
      countries: [...new Set(incidents.map(({ country }) => country))].sort(),
      externalIds: externalIds.length > 0 ? { first: externalIds[0], last: externalIds[externalIds.length - 1], count: externalIds.length } : null,
      synthetic: incidents.filter(({ input }) => input.synthetic).length,
    },
  };
}
