import { prepareFixture } from './load/fixture';
import { serveDemarche, signIn } from './load/harness';

/**
 * Does a burst of heavy requests on the embedded database (PGlite, one connection) stall the
 * light ones (issue 12: "no request on PGlite stalls the others for more than its own
 * duration")? Demarche on a PGlite database of synthetic engagements: first the heavy request
 * alone (its own duration), then a burst of heavy requests while one client asks for a light
 * one (`/api/v1/me`, a session read) every 50 ms; prints how long the light requests waited
 * against the heavy request's own duration.
 *
 *   BENCH_STALL_ENGAGEMENTS  default 10000;  BENCH_STALL_BURST  heavy requests at once (default 20)
 *   BENCH_STALL_PATH         cadence (default) | coverage | list
 */
const engagements = Number(process.env.BENCH_STALL_ENGAGEMENTS ?? 10_000);
const burst = Number(process.env.BENCH_STALL_BURST ?? 20);
const which = process.env.BENCH_STALL_PATH ?? 'cadence';
const log = (line: string) => process.stderr.write(`${line}\n`);

const fixture = await prepareFixture({ engagements, driver: 'pglite', log });
const app = await serveDemarche(fixture.env);
try {
  const hq = await signIn(app.url, fixture.users.hq, fixture.password);
  const heavyPath = {
    cadence: `/api/v1/cadence?directive=${fixture.directiveId}`,
    coverage: `/api/v1/directives/${fixture.directiveId}/coverage`,
    list: '/api/v1/engagements',
  }[which];
  if (!heavyPath) throw new Error(`BENCH_STALL_PATH must be cadence, coverage or list, not ${which}`);
  const timed = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${app.url}${path}`, { headers: { cookie: hq } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return performance.now() - started;
  };
  await timed(heavyPath);
  const alone: number[] = [];
  for (let run = 0; run < 5; run++) alone.push(await timed(heavyPath));
  const lightAlone: number[] = [];
  for (let run = 0; run < 5; run++) lightAlone.push(await timed('/api/v1/me'));

  let bursting = true;
  const probes: number[] = [];
  const prober = (async () => {
    while (bursting) {
      probes.push(await timed('/api/v1/me'));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  const heavy = await Promise.all(Array.from({ length: burst }, () => timed(heavyPath)));
  const burstTook = performance.now() - started;
  bursting = false;
  await prober;

  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)]!;
  const max = (values: number[]) => Math.max(...values);
  const ms = (value: number) => `${Math.round(value)} ms`;
  const lines = [
    `PGlite, ${engagements} engagements: ${which} (${heavyPath.split('?')[0]}) in a burst of ${burst}, /api/v1/me probed every 50 ms`,
    `  heavy request alone:        median ${ms(median(alone))}, max ${ms(max(alone))}`,
    `  light request alone:        median ${ms(median(lightAlone))}, max ${ms(max(lightAlone))}`,
    `  burst of ${burst}:              all answered in ${ms(burstTook)}; each took median ${ms(median(heavy))}, max ${ms(max(heavy))}`,
    `  light requests in the burst: ${probes.length}, median ${ms(median(probes))}, max ${ms(max(probes))}`,
    `  longest light wait ÷ heavy request alone: ${(max(probes) / median(alone)).toFixed(2)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await app.stop();
}
