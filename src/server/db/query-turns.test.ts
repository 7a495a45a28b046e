import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WAIT_MS, QueryTurns, runAsQueryFlow, takeTurns } from './query-turns';

/** A statement that ends when the test says so. */
function statement(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    finish,
    work: async () => {
      log.push(name);
      await done;
    },
  };
}

/** Lets the event loop go round a few times: the next turn is handed over from setImmediate. */
const settle = async () => {
  for (let round = 0; round < 3; round += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('turns at the embedded database', () => {
  it("runs a light request's statement next, not after the heavy requests' queued ones", async () => {
    let clock = 0;
    const turns = new QueryTurns(() => clock);
    const log: string[] = [];
    const heavy = Array.from({ length: 5 }, (_, index) => statement(log, `heavy ${index}`));
    const running = heavy.map((s) => runAsQueryFlow(() => turns.take(s.work)));
    await settle();
    // One runs (all five are new: the newest first), four wait.
    expect(log).toHaveLength(1);
    expect(turns.waiting).toBe(4);
    // The first heavy statement has run for 50 ms when a light request arrives.
    clock = 50;
    const light = statement(log, 'light');
    const lightDone = runAsQueryFlow(() => turns.take(light.work));
    await settle();
    heavy[Number(log[0]!.split(' ')[1])]!.finish();
    await settle();
    expect(log[1]).toBe('light');
    light.finish();
    await lightDone;
    for (const s of heavy) s.finish();
    await Promise.all(running);
    expect(log.slice(2).sort()).toEqual(['heavy 0', 'heavy 1', 'heavy 2', 'heavy 3', 'heavy 4'].filter((name) => name !== log[0]));
  });

  it("keeps a flow's own statements in the order it asked for them", async () => {
    const turns = new QueryTurns();
    const log: string[] = [];
    const blocker = statement(log, 'blocker');
    const blocking = turns.take(blocker.work);
    await settle();
    const own = [statement(log, 'first'), statement(log, 'second'), statement(log, 'third')];
    const mine = runAsQueryFlow(() => Promise.all(own.map((s) => turns.take(s.work))));
    await settle();
    blocker.finish();
    for (const s of own) {
      await settle();
      s.finish();
    }
    await Promise.all([blocking, mine]);
    expect(log).toEqual(['blocker', 'first', 'second', 'third']);
  });

  it('lets a statement that has waited past the longest wait go first, so light requests cannot starve a heavy one', async () => {
    let clock = 0;
    const turns = new QueryTurns(() => clock);
    const log: string[] = [];
    const heavyFirst = statement(log, 'heavy first');
    const heavySecond = statement(log, 'heavy second');
    const heavy = runAsQueryFlow(async () => {
      await turns.take(heavyFirst.work);
      await turns.take(heavySecond.work);
    });
    await settle();
    const early = statement(log, 'light early');
    const earlyDone = runAsQueryFlow(() => turns.take(early.work));
    clock = 100;
    heavyFirst.finish();
    await settle();
    // The heavy request has had 100 ms: the light one that came meanwhile goes first.
    expect(log).toEqual(['heavy first', 'light early']);
    clock = 100 + MAX_WAIT_MS + 1;
    const late = statement(log, 'light late');
    const lateDone = runAsQueryFlow(() => turns.take(late.work));
    early.finish();
    await settle();
    // The heavy request's second statement has waited too long to yield to another light one.
    expect(log).toEqual(['heavy first', 'light early', 'heavy second']);
    heavySecond.finish();
    await settle();
    expect(log).toEqual(['heavy first', 'light early', 'heavy second', 'light late']);
    late.finish();
    await Promise.all([heavy, earlyDone, lateDone]);
  });

  describe('on a real PGlite', () => {
    let client: PGlite;
    beforeAll(async () => {
      client = new PGlite();
      await client.waitReady;
      takeTurns(client);
    });
    afterAll(async () => client.close());

    it('answers a light request between the statements of a burst of heavy ones, and runs each transaction as one turn', async () => {
      const finished: string[] = [];
      const heavySql = 'select count(*) from generate_series(1, 200000) as g(n) where n % 7 = 3';
      const heavy = Array.from({ length: 6 }, (_, index) =>
        runAsQueryFlow(async () => {
          for (let step = 0; step < 3; step += 1) await client.query(heavySql);
          finished.push(`heavy ${index}`);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
      const light = runAsQueryFlow(async () => {
        await client.transaction(async (tx) => {
          await tx.query('select 1');
          await tx.query('select 2');
        });
        finished.push('light');
      });
      await Promise.all([...heavy, light]);
      // Before any heavy request has run all three of its statements.
      expect(finished[0]).toBe('light');
      expect(finished).toHaveLength(7);
      expect((await client.query<{ n: number }>('select 1 as n')).rows).toEqual([{ n: 1 }]);
    });
  });
});
