import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { TIdentifierSpan } from '../../../shared/incidents';
import type { GuardTask } from './guard-worker';

/**
 * The identifier guard off the main thread, in a pool of worker threads (piscina).
 *
 * - Its language models (about 120 MB) are loaded in a worker, on the first check, and freed with
 *   it when no check has come for `IDLE_MS`: a server that is not saving incidents does not hold
 *   them, and loading them (1–3 s) never stops the server answering other requests.
 * - A bulk import checks its rows in chunks on the workers while the main thread prepares and
 *   writes. On 2 cores there is one worker, a third busy thread beside this one and the database
 *   (docs/incident-import.md, "Speed"); with more cores the chunks run on all but one of them.
 *
 * Built from TypeScript sources (tests, tsx) the worker loads through tsx; in the compiled server
 * it is dist/server/guard-worker.js, beside cli.js (scripts/build-server.mjs).
 */
const IDLE_MS = 5 * 60_000;
/** Rows checked per message to a worker in a bulk check: a message costs far more than a row. */
export const GUARD_CHUNK = 200;

let pool: Piscina<readonly GuardTask[], TIdentifierSpan[][]> | undefined;

function guardPool(): Piscina<readonly GuardTask[], TIdentifierSpan[][]> {
  if (pool) return pool;
  const fromSources = import.meta.url.endsWith('.ts');
  pool = new Piscina({
    filename: new URL(fromSources ? './guard-worker.ts' : './guard-worker.js', import.meta.url).href,
    execArgv: fromSources ? ['--import', 'tsx'] : [],
    minThreads: 0,
    // One core stays with the server and the database.
    maxThreads: Math.max(1, availableParallelism() - 1),
    idleTimeout: IDLE_MS,
    // A few chunks wait in each worker, so that it goes from one to the next without waiting for
    // this thread to take the last result and hand it another (this thread is busy checking rows).
    concurrentTasksPerWorker: 4,
  });
  return pool;
}

/** The spans of one incident's free text, checked in a worker. */
export async function checkIncidentTextInWorker(fields: Record<string, string>, allowedNames: readonly string[]): Promise<TIdentifierSpan[]> {
  const [spans] = await guardPool().run([{ fields, allowedNames }]);
  return spans ?? [];
}

/**
 * Many incidents' free text, in chunks spread over the pool; the result of each chunk is its own
 * promise, in order, so a caller can go on with the first rows while later ones are checked.
 */
export function checkIncidentTextsInWorkers(tasks: readonly GuardTask[]): Promise<TIdentifierSpan[][]>[] {
  const chunks: Promise<TIdentifierSpan[][]>[] = [];
  for (let start = 0; start < tasks.length; start += GUARD_CHUNK) chunks.push(guardPool().run(tasks.slice(start, start + GUARD_CHUNK)));
  return chunks;
}

/** Ends the workers (server stop, CLI exit): a pending check fails rather than hold the process open. */
export async function closeGuardPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close({ force: true });
}

/** How many guard threads are running now (tests, benchmarks). */
export function guardThreads(): number {
  return pool?.threads.length ?? 0;
}
