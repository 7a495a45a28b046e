import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type TIdentifierKind, type TIdentifierSpan, ZIncidentInput } from '../../../shared/incidents';
import type { AuditContext } from '../../audit/audit-context';
import type { Database, Executor } from '../../db/client';
import { textArray } from '../../db/sql-arrays';
import { incidents } from '../../db/schema/index';
import { ZDate } from '../../../shared/dates';
import { AppError } from '../../http/app-error';
import type { Actor } from '../../identity/actor';
import { requirePermission } from '../../identity/access-policy';
import { resolveHomePost, type WritePost } from '../../records/post-write-scope';
import { type PreparedIncident, prepareIncident } from '../create-incident';
import { type DuplicateProbe, findDuplicatesForBatch } from '../duplicates/find-duplicates';
import { listedIncidents } from '../incident-policy';
import { checkIncidentTextsInWorkers, GUARD_CHUNK } from '../identifier-guard/guard-pool';
import { guardFields, loadIncidentReferenceData } from '../validate-incident';
import type { TImportFormat, TImportRowError, TIncidentImportReport } from '../../../shared/incident-imports';
import type { ImportRow } from './parse-incident-file';
import { WRITE_BATCH, writeIncidentBatches, writeIncidents } from './write-incidents';

export interface ImportProgress {
  /** `checking` every row, then `writing` batches inside the transaction. */
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

export interface ImportOptions {
  actor: Actor;
  context: AuditContext;
  /** Check and report only; nothing is written. */
  dryRun?: boolean;
  /** For the audit event. */
  format?: TImportFormat;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
  batchSize?: number;
}

/**
 * The fields the guard reads, parsed by the incident schema's own field schemas (trimmed, as
 * stored): the whole schema is parsed once per row, by prepareIncident, not twice.
 */
const ZGuardedText = z.object({
  summary: ZIncidentInput.shape.summary,
  placeName: ZIncidentInput.shape.placeName,
  allowedNames: ZIncidentInput.shape.allowedNames,
});

/**
 * Every row's free text sent to the guard's worker threads at once, in chunks, before the rows
 * are checked one by one: the main thread checks and writes the first rows while the workers read
 * the later ones. A row whose text does not parse gets no spans; prepareIncident reports its
 * fields (and a row that fails elsewhere never asks for its spans).
 */
function guardRows(rows: readonly ImportRow[]): (index: number) => () => Promise<readonly TIdentifierSpan[]> {
  const texts = rows.map((row) => {
    const parsed = ZGuardedText.safeParse(row.input);
    return parsed.success ? { fields: guardFields(parsed.data), allowedNames: parsed.data.allowedNames } : { fields: {}, allowedNames: [] };
  });
  const chunks = checkIncidentTextsInWorkers(texts);
  // A chunk that fails fails the rows that wait on it; the others need not wait to hear it.
  for (const chunk of chunks) chunk.catch(() => undefined);
  return (index) => () => chunks[Math.floor(index / GUARD_CHUNK)]!.then((spans) => spans[index % GUARD_CHUNK]!);
}

/** Rows checked between two turns of the event loop, so that a server keeps answering others meanwhile. */
const CHECKS_PER_TURN = 50;
/** The fewest rows handed to a writer that waits: a batch costs a few statements whatever its size. */
const FIRST_WRITE = 250;

/**
 * Imports incidents filed at the importer's home post, all or nothing. Every row is checked
 * first, exactly as the API checks one incident (prepareIncident, with the reference data read
 * once); any problem in any row, or two rows with one external id, and nothing is written: the
 * report lists each problem by row and field. A row whose external id is already stored is
 * skipped unchecked (a second import of a file changes nothing; an import never updates). The
 * rest is written in one transaction (writeIncidents). Possible duplicates among the incidents
 * the importer may see are reported, not refused.
 */
export async function importIncidents(database: Database, rows: readonly ImportRow[], options: ImportOptions): Promise<TIncidentImportReport> {
  const { actor } = options;
  requirePermission(actor, 'records.draft');
  const db = database.db;
  const errors: TImportRowError[] = [];
  const externalIds = rows.map((row) => externalIdOf(row.input));
  errors.push(...repeatedExternalIds(rows, externalIds));
  const stored = await storedExternalIds(
    db,
    externalIds.flatMap((id) => (id === undefined ? [] : [id])),
  );
  const skipped = rows.flatMap((row, index) => {
    const externalId = externalIds[index];
    return externalId !== undefined && stored.has(externalId) ? [{ row: row.row, externalId }] : [];
  });
  const toCheck = rows.filter((_, index) => !stored.has(externalIds[index] ?? ''));
  // The workers read the text while this thread looks up the reference data and the duplicates.
  const guarded = guardRows(toCheck);

  const reference = await loadIncidentReferenceData(db);
  const posts = new Map<string, Promise<WritePost>>();
  const homePost = (code: string | undefined) => {
    const key = code ?? '';
    if (!posts.has(key)) posts.set(key, resolveHomePost(db, actor, code, 'incidents'));
    return posts.get(key)!;
  };
  // Possible duplicates among what the importer may see, looked up before anything is written:
  // once the import's own rows are in the table (uncommitted, invisible to the search's
  // connection), every lookup would step over them.
  const homeCountry = actor.postCode ? (await homePost(actor.postCode).catch(() => undefined))?.countryAlpha2 : undefined;
  const probes = toCheck.map((row) => probeOf(row.input, homeCountry));
  const probed = probes.flatMap((probe, index) => (probe ? [index] : []));
  const found = await findDuplicatesForBatch(
    db,
    probed.map((index) => probes[index]!),
    { visible: listedIncidents(actor) },
  );
  const candidatesOf = new Map(probed.map((index, at) => [toCheck[index]!.row, found[at]!]));

  const prepared: { row: ImportRow; incident: PreparedIncident }[] = [];
  const batchSize = options.batchSize ?? WRITE_BATCH;
  // On PostgreSQL each batch is written, in the import's one transaction, while the next is
  // checked (the server writes as Node checks); a problem in any later row rolls it all back,
  // so nothing is written, exactly as if every row had been checked first. PGlite runs on the
  // same thread as the checks: there it checks everything, then writes.
  const pipelined = !options.dryRun && database.driver === 'postgres';
  const channel = new BatchChannel<PreparedIncident>();
  const writeOptions = {
    actor,
    context: options.context,
    total: toCheck.length,
    onProgress: (done: number, total: number) => options.onProgress?.({ phase: 'writing', done, total }),
    audit: { rows: rows.length, skipped: skipped.length, ...(options.format ? { format: options.format } : {}) },
  };
  const writing = pipelined ? writeIncidentBatches(database, channel, writeOptions) : undefined;
  // Settled here so that a failure is not unhandled while the checks go on; it is rethrown below.
  const written = writing?.then(
    (created) => ({ created }),
    (error: unknown) => ({ error }),
  );
  let handed = 0;
  for (const [index, row] of toCheck.entries()) {
    try {
      prepared.push({ row, incident: await prepareIncident(db, actor, row.input, { reference, homePost, guarded: guarded(index) }) });
    } catch (error) {
      errors.push(...rowErrors(row, error));
    }
    // A full batch goes to the writer; so does what is ready when the writer waits with nothing
    // to do (from the first rows on): the writer never idles while checked rows wait.
    const ready = prepared.length - handed;
    if (pipelined && errors.length === 0 && (ready >= batchSize || (ready >= Math.min(FIRST_WRITE, batchSize) && channel.waiting))) {
      const size = Math.min(ready, batchSize);
      channel.push(prepared.slice(handed, handed + size).map(({ incident }) => incident));
      handed += size;
    }
    if (index % CHECKS_PER_TURN === CHECKS_PER_TURN - 1 || index === toCheck.length - 1) {
      await options.onProgress?.({ phase: 'checking', done: index + 1, total: toCheck.length });
      await nextTurn();
    }
  }
  const report = { dryRun: options.dryRun ?? false, rows: rows.length, created: 0, valid: prepared.length, skipped, duplicates: [] };
  if (errors.length > 0) {
    channel.fail(new ImportRefused());
    const outcome = await written;
    if (outcome && 'error' in outcome && !(outcome.error instanceof ImportRefused)) throw outcome.error;
    return { ...report, errors: errors.sort((a, b) => a.row - b.row) };
  }
  if (pipelined) {
    if (handed < prepared.length) channel.push(prepared.slice(handed).map(({ incident }) => incident));
    channel.close();
  }

  const duplicates = prepared.flatMap(({ row }) => {
    const candidates = candidatesOf.get(row.row) ?? [];
    return candidates.length > 0 ? [{ row: row.row, candidates }] : [];
  });
  if (options.dryRun) return { ...report, errors, duplicates };

  let created: number;
  if (written) {
    const outcome = await written;
    if ('error' in outcome) throw outcome.error;
    created = outcome.created;
  } else {
    created = await writeIncidents(
      database,
      prepared.map(({ incident }) => incident),
      { ...writeOptions, batchSize },
    );
  }
  return { ...report, created, errors, duplicates };
}

/** Thrown into the writer when a row is refused: the transaction rolls back. */
class ImportRefused extends Error {
  constructor() {
    super('a row of the import was refused');
  }
}

/** Batches handed from the checks to the writer as they are ready; the writer waits for the next. */
class BatchChannel<T> implements AsyncIterable<readonly T[]> {
  private readonly ready: (readonly T[])[] = [];
  private wake: (() => void) | undefined;
  private closed = false;
  private failure: Error | undefined;

  /** The writer has written all it was given and waits for the next batch. */
  get waiting(): boolean {
    return this.wake !== undefined;
  }

  push(batch: readonly T[]): void {
    this.ready.push(batch);
    this.signal();
  }

  close(): void {
    this.closed = true;
    this.signal();
  }

  fail(error: Error): void {
    this.failure = error;
    this.signal();
  }

  private signal(): void {
    this.wake?.();
    this.wake = undefined;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<readonly T[]> {
    for (;;) {
      if (this.failure) throw this.failure;
      const next = this.ready.shift();
      if (next) yield next;
      else if (this.closed) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

const PROBE_DATE = ZDate('2026-03-02');

/** What the duplicate search needs of a row, read before the row is checked (a row found invalid later is not reported). */
function probeOf(input: unknown, homeCountry: string | undefined): DuplicateProbe | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const { country, occurredOn, summary } = input as { country?: unknown; occurredOn?: unknown; summary?: unknown };
  const where = typeof country === 'string' ? country : homeCountry;
  // A date the database could not read (2026-13-45) is the row's problem, found by its check: no probe.
  if (typeof where !== 'string' || !/^[A-Z]{2}$/.test(where) || !PROBE_DATE.safeParse(occurredOn).success || typeof summary !== 'string') return undefined;
  return { country: where, occurredOn: occurredOn as string, summary };
}

function externalIdOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const value = (input as { externalId?: unknown }).externalId;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Two rows with one external id: which of them should be stored is the file's question to answer. */
function repeatedExternalIds(rows: readonly ImportRow[], externalIds: readonly (string | undefined)[]): TImportRowError[] {
  const first = new Map<string, number>();
  return rows.flatMap((row, index) => {
    const externalId = externalIds[index];
    if (externalId === undefined) return [];
    const earlier = first.get(externalId);
    if (earlier === undefined) {
      first.set(externalId, row.row);
      return [];
    }
    return [
      { row: row.row, field: row.fieldOf(['externalId']), message: `"${externalId}" is also the external id of row ${earlier}: each incident needs its own` },
    ];
  });
}

/** The external ids already stored, in one query: the ids as one array parameter, not one parameter each. */
async function storedExternalIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await db
    .select({ externalId: incidents.externalId })
    .from(incidents)
    .where(sql`${incidents.externalId} = any(${textArray(ids)})`);
  return new Set(found.flatMap(({ externalId }) => (externalId === null ? [] : [externalId])));
}

const WHAT: Record<TIdentifierKind, string> = {
  person_name: 'a personal name',
  email: 'an e-mail address',
  phone: 'a phone number',
  id_document: 'an identity-document or account number',
};

/** The problems prepareIncident found in one row, named as the file names them. */
function rowErrors(row: ImportRow, error: unknown): TImportRowError[] {
  if (!(error instanceof AppError)) throw error;
  const pathOf = (field: string) => field.split('.').slice(field.startsWith('body') ? 1 : 0);
  // Another post than the importer's home post: refused for this row, as the API refuses it (403).
  if (error.code === 'forbidden') return [{ row: row.row, field: row.fieldOf(['post']), message: error.message }];
  if (error.code !== 'validation') throw error;
  const spans = (error.extensions.spans ?? []) as TIdentifierSpan[];
  if (spans.length > 0) {
    const allowed = row.fieldOf(['allowedNames']);
    return spans.map(({ field, start, end, text, kind }) => ({
      row: row.row,
      field: row.fieldOf(pathOf(field)),
      message:
        `contains ${WHAT[kind]} (“${text}”, characters ${start}–${end}); ` +
        (kind === 'person_name'
          ? `remove it, or if it is a public official named in their official role, add the name to ${allowed}`
          : 'remove it: incidents record no personal contact or document details'),
      span: { start, end, text, kind },
    }));
  }
  return error.fieldErrors.map(({ field, message }) => {
    const name = row.fieldOf(pathOf(field));
    return { row: row.row, field: name, message: row.messageFor(name, message) };
  });
}
