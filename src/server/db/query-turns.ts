import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Turns at the embedded database. PGlite is one connection in the server's own thread: it runs
 * one statement (or transaction) at a time, first come first served. Under a burst of heavy
 * requests a light one (a page's session lookup) then waits behind every statement queued
 * before it, seconds where it needs milliseconds (docs/benchmarks.md, "PGlite: does a burst of
 * heavy requests stall the light ones?").
 *
 * So statements take turns by flow (one flow per HTTP request, one for everything else): the
 * next turn goes to the flow that has had the least time at the database so far, the newest
 * flow first among equals, a flow's own statements in the order it asked. A light request
 * therefore waits for the statement running when it arrives, not for the queue; heavy requests
 * share what is left. No statement waits more than MAX_WAIT_MS behind younger flows: past it,
 * the longest-waiting goes first, so a steady stream of light requests cannot starve a heavy one.
 *
 * PostgreSQL needs none of this: its pool runs statements side by side.
 */
export const MAX_WAIT_MS = 2_000;

/** One request's (or the background's) statements and the time they have had at the database. */
export class QueryFlow {
  serviceMs = 0;
}

const flows = new AsyncLocalStorage<QueryFlow>();
/** The turn whose work is running here: PGlite calls its own query() from inside a statement (array types after DDL). */
const holding = new AsyncLocalStorage<object>();
/** Jobs, timers and the CLI: one flow for everything outside a request. */
const BACKGROUND = new QueryFlow();

/** Runs `work` (and everything it starts) as one flow of statements. */
export function runAsQueryFlow<T>(work: () => T): T {
  return flows.run(new QueryFlow(), work);
}

interface Turn {
  flow: QueryFlow;
  queuedAt: number;
  /** Order of arrival, for ties. */
  sequence: number;
  start: () => void;
}

export class QueryTurns {
  readonly #waiting: Turn[] = [];
  #busy = false;
  #sequence = 0;
  /** The turn running now. */
  #current: object | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Runs `work` when it is this flow's turn, alone. */
  async take<T>(work: () => Promise<T>): Promise<T> {
    // Called from inside the running turn: it is part of that turn, and waiting would deadlock.
    if (this.#current && holding.getStore() === this.#current) return work();
    const flow = flows.getStore() ?? BACKGROUND;
    await new Promise<void>((start) => {
      this.#waiting.push({ flow, queuedAt: this.now(), sequence: this.#sequence++, start });
      if (!this.#busy) {
        this.#busy = true;
        this.#handOver();
      }
    });
    const started = this.now();
    const turn = {};
    this.#current = turn;
    try {
      return await holding.run(turn, work);
    } finally {
      this.#current = undefined;
      flow.serviceMs += this.now() - started;
      this.#handOver();
    }
  }

  /**
   * PGlite runs a statement in the server's own thread and resolves it in microtasks, and a
   * request's next statement follows in microtasks too: started at once, a burst of requests
   * would run from their first statement to their last without Node ever reading the requests
   * that arrived meanwhile. So every turn starts from setImmediate, once the event loop has read
   * them, and is then given to the flow whose turn it is among all that wait.
   */
  #handOver(): void {
    setImmediate(() => this.#next());
  }

  /** How many statements wait for their turn (tests). */
  get waiting(): number {
    return this.#waiting.length;
  }

  #next(): void {
    const turn = this.#pick();
    if (!turn) {
      this.#busy = false;
      return;
    }
    this.#waiting.splice(this.#waiting.indexOf(turn), 1);
    turn.start();
  }

  #pick(): Turn | undefined {
    const now = this.now();
    let oldest: Turn | undefined;
    let chosen: Turn | undefined;
    for (const turn of this.#waiting) {
      if (!oldest || turn.sequence < oldest.sequence) oldest = turn;
      // The flow with the least time so far; among equals the newest statement's flow.
      if (!chosen || turn.flow.serviceMs < chosen.flow.serviceMs || (turn.flow.serviceMs === chosen.flow.serviceMs && turn.sequence > chosen.sequence)) {
        chosen = turn;
      }
    }
    // Past the longest wait, first come first served.
    if (oldest && now - oldest.queuedAt > MAX_WAIT_MS) return oldest;
    if (!chosen) return undefined;
    // A flow's own statements in the order it asked for them.
    let first = chosen;
    for (const turn of this.#waiting) if (turn.flow === chosen.flow && turn.sequence < first.sequence) first = turn;
    return first;
  }
}

/**
 * Puts every statement and transaction the client runs through one QueryTurns. A transaction
 * is one turn: PGlite runs nothing else until it ends, and the statements inside it go through
 * the transaction's own handle, never back through the queue.
 */
export function takeTurns(client: PGlite, turns = new QueryTurns()): QueryTurns {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  Object.assign(client, {
    query: (...args: Parameters<PGlite['query']>) => turns.take(() => query(...args)),
    exec: (...args: Parameters<PGlite['exec']>) => turns.take(() => exec(...args)),
    transaction: (...args: Parameters<PGlite['transaction']>) => turns.take(() => transaction(...args)),
  });
  return turns;
}
