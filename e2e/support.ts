import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/env';
import { startServer, type RunningServer } from '../src/server/main';

export { launchBrowser } from './chromium';

/** A real server on a free port with its own embedded database (or TEST_DATABASE_URL's server). */
export async function startE2eServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'demarche-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  return startServer({ ...config, port: 0 });
}
