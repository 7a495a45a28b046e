import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prepareFixture } from './load/fixture';
import { load, serveDemarche, signIn } from './load/harness';

/**
 * Where a request's time goes: starts Demarche as `npm start` runs it on the load benchmark's
 * synthetic database, loads one endpoint, and records a CPU profile of the server during the
 * load (the inspector module, start-up left out). Writes the .cpuprofile (open it in Chrome
 * DevTools › Performance, or speedscope) and prints the top functions and files by self time.
 *
 *   npx tsx bench/profile.ts [endpoint] [seconds]
 *     endpoint: me | list | officer | cadence | coverage | directives | a path under /api/v1 (default list)
 *   BENCH_LOAD_ENGAGEMENTS, BENCH_LOAD_DB, BENCH_LOAD_CONNECTIONS as for bench/load.ts;
 *   BENCH_PROFILE_DIR (default bench/profiles, not committed), BENCH_PROFILE_TOP (default 25).
 */
const target = process.argv[2] ?? 'list';
const seconds = Number(process.argv[3] ?? 10);
const engagements = Number(process.env.BENCH_LOAD_ENGAGEMENTS ?? 100_000);
const driver = process.env.BENCH_LOAD_DB === 'pglite' ? 'pglite' : 'postgres';
const connections = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
const top = Number(process.env.BENCH_PROFILE_TOP ?? 25);
const directory = process.env.BENCH_PROFILE_DIR ?? path.join('bench', 'profiles');

const fixture = await prepareFixture({ engagements, driver });
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const paths: Record<string, [string, 'hq' | 'officer']> = {
  me: ['/api/v1/me', 'hq'],
  list: ['/api/v1/engagements', 'hq'],
  officer: [`/api/v1/engagements?post=${fixture.officerPost}&from=${day(270)}&to=${day(180)}`, 'officer'],
  cadence: [`/api/v1/cadence?directive=${fixture.directiveId}`, 'hq'],
  coverage: [`/api/v1/directives/${fixture.directiveId}/coverage`, 'hq'],
  directives: ['/api/v1/directives', 'hq'],
};
const [urlPath, who] = paths[target] ?? [`/api/v1/${target.replace(/^\/?(api\/v1\/)?/, '')}`, 'hq'];

const app = await serveDemarche(fixture.env);
try {
  const cookie = await signIn(app.url, fixture.users[who], fixture.password);
  await load(app, urlPath, { cookie, connections, seconds: 2 }); // warm-up, not profiled
  await app.request({ type: 'profile-start' }, 'profile-started');
  const result = await load(app, urlPath, { cookie, connections, seconds });
  mkdirSync(directory, { recursive: true });
  const file = path.resolve(directory, `${target.replace(/\W+/g, '-')}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
  await app.request({ type: 'profile-stop', path: file }, 'profile-written');
  process.stdout.write(
    `${urlPath} on ${engagements} engagements (${driver}), ${connections} clients for ${seconds} s: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms\n`,
  );
  const summary = summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, top);
  writeFileSync(file.replace(/\.cpuprofile$/, '.txt'), summary);
  process.stdout.write(`${summary}\nprofile: ${file}\n`);
} finally {
  await app.stop();
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function and by file (packages grouped), with each one's share of the samples. */
export function summarize(profile: CpuProfile, limit: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map<number, number>();
  for (const [index, id] of profile.samples.entries()) selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  const total = [...selfByNode.values()].reduce((sum, value) => sum + value, 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, micros] of selfByNode) {
    const frame = byId.get(id)!.callFrame;
    const file = shortFile(frame.url);
    const name = `${frame.functionName || '(anonymous)'}  ${file}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    const group = packageOf(file);
    byFile.set(group, (byFile.get(group) ?? 0) + micros);
  }
  const table = (title: string, entries: Map<string, number>) =>
    [
      `${title} (self time, ${(total / 1000).toFixed(0)} ms sampled)`,
      ...[...entries]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([name, micros]) => `  ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`),
    ].join('\n');
  return `${table('Top functions', byFunction)}\n\n${table('By package or source folder', byFile)}\n`;
}

function shortFile(url: string): string {
  if (!url) return '';
  const clean = url.replace(/^file:\/\//, '');
  const index = clean.lastIndexOf('node_modules/');
  if (index >= 0) return clean.slice(index + 'node_modules/'.length);
  const root = `${process.cwd()}/`;
  return clean.startsWith(root) ? clean.slice(root.length) : clean;
}

/** A package (`fastify`, `@fastify/session`), a source folder (`src/server/engagements`), or node's own. */
function packageOf(file: string): string {
  if (!file) return '(native, GC, idle)';
  if (file.startsWith('node:')) return 'node';
  if (file.startsWith('src/') || file.startsWith('dist/')) return path.dirname(file);
  const parts = file.split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}
