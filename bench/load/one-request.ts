import { prepareFixture } from './fixture';
import { serveDemarche, signIn } from './harness';

/**
 * One request at a time: the size of each answer and how long it takes alone (median of 50),
 * the figure a load run's throughput should be read against.
 *
 *   npx tsx bench/load/one-request.ts        BENCH_LOAD_ENGAGEMENTS, BENCH_LOAD_DB as for bench/load.ts
 */
const engagements = Number(process.env.BENCH_LOAD_ENGAGEMENTS ?? 10_000);
const f = await prepareFixture({ engagements, driver: process.env.BENCH_LOAD_DB === 'pglite' ? 'pglite' : 'postgres' });
const app = await serveDemarche(f.env);
try {
  const hq = await signIn(app.url, f.users.hq, f.password);
  for (const path of [
    '/api/v1/me',
    '/api/v1/engagements',
    '/api/v1/directives',
    `/api/v1/cadence?directive=${f.directiveId}`,
    `/api/v1/directives/${f.directiveId}/coverage`,
  ]) {
    const times: number[] = [];
    let size = 0;
    for (let run = 0; run < 50; run += 1) {
      const started = performance.now();
      const response = await fetch(`${app.url}${path}`, { headers: { cookie: hq } });
      size = (await response.arrayBuffer()).byteLength;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(`${path.padEnd(70)} ${String(size).padStart(8)} bytes  median ${times[25]!.toFixed(1)} ms  min ${times[0]!.toFixed(1)} ms\n`);
  }
} finally {
  await app.stop();
}
