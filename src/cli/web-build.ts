import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT_INDEX = path.join(ROOT, 'dist/web/index.html');
const WEB_INPUTS = ['src/web', 'src/shared', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when the web build is missing or older than any of its sources. */
export function webBuildIsStale(): boolean {
  if (!existsSync(path.join(ROOT, 'src/web'))) return false; // an installed package ships dist/ only
  if (!existsSync(BUILT_INDEX)) return true;
  const built = statSync(BUILT_INDEX).mtimeMs;
  return WEB_INPUTS.some((input) => newestMtime(path.join(ROOT, input)) > built);
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
