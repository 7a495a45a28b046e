import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildWeb, webBuildIsStale } from '../src/cli/web-build';
import { openDatabase } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { seedReference } from '../src/server/reference/seed-reference';
import { findChromium } from './chromium';
import { E2E_TEMPLATE_ENV } from './template';

/**
 * Checks Chromium, builds the web app when its sources are newer, and prepares one migrated
 * embedded database with the reference data, which each test file's server starts from as a
 * copy (startE2eServer) instead of creating and migrating its own.
 */
export default async function setup(): Promise<() => void> {
  if (!findChromium()) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  if (webBuildIsStale()) await buildWeb();
  const template = mkdtempSync(path.join(tmpdir(), 'demarche-e2e-template-'));
  const database = await openDatabase({ dataDir: template });
  try {
    await migrate(database);
    await seedReference(database.db);
  } finally {
    await database.close();
  }
  process.env[E2E_TEMPLATE_ENV] = template;
  return () => rmSync(template, { recursive: true, force: true });
}
