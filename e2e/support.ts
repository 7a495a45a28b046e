import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { AXE_TAGS } from './axe-watch';
import { E2E_TEMPLATE_ENV } from './template';
import type { TUser, TUserCreate } from '../src/shared/identity';
import { SYSTEM } from '../src/server/audit/audit-context';
import { loadConfig } from '../src/server/env';
import { createUser } from '../src/server/identity/create-user';
import { startServer, type RunningServer } from '../src/server/main';

export { launchBrowser } from './chromium';

/** A real server on a free port with its own embedded database (or TEST_DATABASE_URL's server). */
export async function startE2eServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'demarche-e2e-'));
  // A copy of the run's migrated database with its reference data (global-setup.ts): the server's
  // own migration and seeding then find nothing left to do.
  const template = process.env[E2E_TEMPLATE_ENV];
  if (template) cpSync(path.join(template, 'pglite'), path.join(dataDir, 'pglite'), { recursive: true });
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

/**
 * A fresh browser context (no session carried over) signed in as this user, closing `previous`.
 * Page errors and Content-Security-Policy violations are collected into `errors`.
 */
export async function newSignedInPage(browser: Browser, baseUrl: string, email: string, errors: string[], previous?: Page): Promise<Page> {
  await previous?.context().close();
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) errors.push(message.text());
  });
  await signIn(page, baseUrl, email, E2E_PASSWORD);
  return page;
}

/** A write through the API with the page's session cookie and CSRF token, as the web app makes it. */
export async function apiWrite(page: Page, baseUrl: string, method: 'PATCH' | 'POST', path: string, data?: unknown): Promise<unknown> {
  const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/v1/me`)).json()) as { csrfToken: string };
  const response = await page.request.fetch(`${baseUrl}${path}`, { method, data, headers: { 'x-csrf-token': csrfToken } });
  const body = await response.json();
  if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${JSON.stringify(body)}`);
  return body;
}

/**
 * Runs axe-core on the page as it is now and fails on any violation of serious or critical
 * impact, naming the rule, its help text and the first elements it found. Call it once a page
 * has rendered what the test is about (after the heading or the data shows).
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length === 0) return;
  const lines = serious.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  throw new Error(`Accessibility violations on ${where} (${page.url()}):\n${lines.join('\n')}`);
}
