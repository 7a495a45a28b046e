// Compiles the server and CLI (src/cli, src/server, src/shared) into one ES module,
// dist/server/cli.js, and the identifier guard's worker thread into dist/server/guard-worker.js,
// with esbuild (installed with tsx and vite). bin/demarche.js runs it,
// building it first when it is missing or older than its sources, as `serve` does for the web
// app: production runs compiled JavaScript, with no TypeScript loader in the process.
// `npm run build:server` builds it on purpose.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_BUNDLE = path.join(ROOT, 'dist/server/cli.js');
const INPUTS = ['src/cli', 'src/server', 'src/shared', 'package.json', 'package-lock.json'];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when the bundle is missing or older than any of its sources; false for a package shipped without sources. */
export function serverBuildIsStale() {
  if (!existsSync(path.join(ROOT, 'src/cli/main.ts'))) return false;
  if (!existsSync(SERVER_BUNDLE) || !existsSync(path.join(path.dirname(SERVER_BUNDLE), 'guard-worker.js'))) return true;
  const built = statSync(SERVER_BUNDLE).mtimeMs;
  return INPUTS.some((input) => newestMtime(path.join(ROOT, input)) > built);
}

/** Builds dist/server/cli.js; written to a temporary name and renamed, so a concurrent start never reads half a file. */
export async function buildServer() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    // The identifier guard's worker threads load their own file (guard-pool.ts).
    entryPoints: { cli: 'src/cli/main.ts', 'guard-worker': 'src/server/incidents/identifier-guard/guard-worker.ts' },
    outdir: 'dist/server',
    bundle: true,
    // Dependencies stay imports from node_modules; only Demarche's own code is compiled in.
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(path.dirname(SERVER_BUNDLE), { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
