import { writeFileSync } from 'node:fs';
import { postgresAnswers, prepareFixture } from './load/fixture';
import { type LoadResult, load, serveBare, serveDemarche, signIn } from './load/harness';

/**
 * Engagements under load (issue 12): Demarche as `npm start` runs it, on a database of synthetic
 * engagements, against a bare Fastify route in the same run. Each round loads every endpoint in
 * turn (50 clients, a few seconds each); three rounds give min / median / max of req/s and
 * latency, and each figure is also a ratio to the bare route's median.
 *
 *   BENCH_LOAD_ENGAGEMENTS  10000 | 100000 (default) | 1000000
 *   BENCH_LOAD_DB           postgres (default, TEST_DATABASE_URL; PGlite when none answers) | pglite (a data folder in tmp)
 *   BENCH_LOAD_SECONDS      per endpoint and round (default 5)
 *   BENCH_LOAD_ROUNDS       default 3;  BENCH_LOAD_CONNECTIONS default 50
 *   BENCH_LOAD_ONLY         some of query,me,list,officer,cadence,coverage,directives (the bare route always runs;
 *                           query is the bare route plus one prepared query, on PostgreSQL only)
 *   BENCH_LOAD_JSON         writes the figures to this file as well
 *   BENCH_FRESH=1           rebuilds the database (kept between runs, per size)
 */
const engagements = Number(process.env.BENCH_LOAD_ENGAGEMENTS ?? 100_000);
const driver = process.env.BENCH_LOAD_DB === 'pglite' || !(await postgresAnswers()) ? 'pglite' : 'postgres';
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_LOAD_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
const only = process.env.BENCH_LOAD_ONLY?.split(',');

const log = (line: string) => process.stderr.write(`${line}\n`);
log(`Engagements under load: ${engagements} synthetic engagements on ${driver}, ${connections} clients, ${seconds} s × ${rounds} rounds`);
const fixture = await prepareFixture({ engagements, driver, fresh: process.env.BENCH_FRESH === '1', log });

const bare = await serveBare(fixture.env);
const app = await serveDemarche(fixture.env);
try {
  const hq = await signIn(app.url, fixture.users.hq, fixture.password);
  const officer = await signIn(app.url, fixture.users.officer, fixture.password);
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const endpoints = [
    { key: 'bare', name: 'bare route', server: bare, path: '/bare' },
    ...(driver === 'postgres' ? [{ key: 'query', name: 'bare route + one query', server: bare, path: '/bare-query' }] : []),
    { key: 'me', name: '/api/v1/me', server: app, path: '/api/v1/me', cookie: hq },
    { key: 'list', name: 'engagements, first page (HQ)', server: app, path: '/api/v1/engagements', cookie: hq },
    {
      key: 'officer',
      name: 'engagements, post + 3 months (officer)',
      server: app,
      path: `/api/v1/engagements?post=${fixture.officerPost}&from=${day(270)}&to=${day(180)}`,
      cookie: officer,
    },
    { key: 'cadence', name: 'cadence dashboard (HQ, directive)', server: app, path: `/api/v1/cadence?directive=${fixture.directiveId}`, cookie: hq },
    { key: 'coverage', name: 'coverage (HQ)', server: app, path: `/api/v1/directives/${fixture.directiveId}/coverage`, cookie: hq },
    { key: 'directives', name: 'directives list (HQ)', server: app, path: '/api/v1/directives', cookie: hq },
  ].filter((endpoint) => endpoint.key === 'bare' || !only || only.includes(endpoint.key));

  // Every endpoint must answer 200 before it is timed: a fast error is no figure.
  for (const endpoint of endpoints) {
    const response = await fetch(`${endpoint.server.url}${endpoint.path}`, { headers: endpoint.cookie ? { cookie: endpoint.cookie } : {} });
    if (!response.ok) throw new Error(`${endpoint.name} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
    await response.arrayBuffer();
  }
  log('warming up (1 s each)…');
  for (const endpoint of endpoints) await load(endpoint.server, endpoint.path, { cookie: endpoint.cookie, connections, seconds: 1 });

  const results = new Map<string, LoadResult[]>(endpoints.map((endpoint) => [endpoint.name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const endpoint of endpoints) {
      const result = await load(endpoint.server, endpoint.path, { cookie: endpoint.cookie, connections, seconds });
      results.get(endpoint.name)!.push(result);
      log(
        `  round ${round}: ${endpoint.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, RSS ${(result.peakRss / 2 ** 20).toFixed(0)} MB${result.non2xx + result.errors ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : ''}`,
      );
    }
  }

  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const spread = (values: number[], digits = 0) => {
    const s = sorted(values);
    return `${s[0]!.toFixed(digits)} / ${s[Math.floor(s.length / 2)]!.toFixed(digits)} / ${s[s.length - 1]!.toFixed(digits)}`;
  };
  const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)]!;
  const bareMedian = median(results.get('bare route')!.map((result) => result.requestsPerSecond));
  const lines = [
    '',
    `${engagements} engagements on ${driver}, ${connections} clients, ${seconds} s × ${rounds} rounds (min / median / max)`,
    '',
    '| endpoint | req/s | × bare route | p50 ms | p99 ms | peak RSS MB | errors |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...endpoints.map((endpoint) => {
      const runs = results.get(endpoint.name)!;
      const rps = runs.map((result) => result.requestsPerSecond);
      return `| ${endpoint.name} | ${spread(rps)} | ${(median(rps) / bareMedian).toFixed(3)} | ${spread(runs.map((r) => r.p50))} | ${spread(runs.map((r) => r.p99))} | ${(Math.max(...runs.map((r) => r.peakRss)) / 2 ** 20).toFixed(0)} | ${runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0)} |`;
    }),
    '',
  ];
  process.stdout.write(lines.join('\n'));
  if (process.env.BENCH_LOAD_JSON)
    writeFileSync(
      process.env.BENCH_LOAD_JSON,
      JSON.stringify({ engagements, driver, connections, seconds, rounds, results: Object.fromEntries(results) }, null, 2),
    );
} finally {
  await app.stop();
  await bare.stop();
}
