import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TUser, TUserCreate } from '../src/shared/identity';
import { SYSTEM } from '../src/server/audit/audit-context';
import { loadConfig } from '../src/server/env';
import { createUser } from '../src/server/identity/create-user';
import { startServer, type RunningServer } from '../src/server/main';

export { launchBrowser } from './chromium';

/** A real server on a free port with its own embedded database (or TEST_DATABASE_URL's server). */
export async function startE2eServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'demarche-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  // The e2e users are made by createE2eUser; the first administrator's password is not needed.
  return startServer({ ...config, port: 0 }, { announce: () => undefined, role: 'web' });
}

/** A password the server's strength rules accept. */
export const E2E_PASSWORD = 'correct horse battery staple 42';

/** Creates a user straight in the server's database, as Demarche itself would (first start, seed). */
export function createE2eUser(server: RunningServer, input: Omit<TUserCreate, 'password'> & { password?: string }): Promise<TUser> {
  return createUser(server.database.db, { password: E2E_PASSWORD, ...input }, SYSTEM);
}

/** Signs in through the sign-in page and waits until the app shell shows the signed-in user. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
