import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { createE2eUser, E2E_PASSWORD, expectAccessible, launchBrowser, signIn, startE2eServer } from './support';

describe('signing in, out, and managing users', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const shell = () => page.getByRole('group', { name: 'Signed-in user' });
  const signOut = async () => {
    await shell().getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
  };

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'ada@example.org', name: 'Ada Admin', role: 'admin', clearance: 'S' });
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    // A fresh browser context per test: no session cookie carried over.
    await page?.context().close();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) errors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says so when the password is wrong, and stays on the sign-in page', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email', { exact: true }).fill('ada@example.org');
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Email or password is wrong.');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await expectAccessible(page, 'the sign-in page with an error');
    await page.screenshot({ path: 'test-results/sign-in.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows the signed-in user in the shell, and signing out ends the session', async () => {
    await signIn(page, server.url, 'ada@example.org', E2E_PASSWORD);
    expect(await shell().textContent()).toContain('Ada Admin');
    expect(await shell().textContent()).toContain('Administrator');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Audit' }).count()).toBe(1);
    await expectAccessible(page, 'the home page of an administrator');

    await signOut();
    await page.goto(`${server.url}/me`);
    await page.waitForURL(/\/sign-in\?next=%2Fme$/);
    expect(await page.getByRole('heading', { name: 'Sign in' }).count()).toBe(1);

    // Signing in from there returns to the page that was asked for.
    await page.getByLabel('Email', { exact: true }).fill('ada@example.org');
    await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/me$/);
    await expect.poll(() => page.getByRole('heading', { name: 'My profile' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('creates an API token, shows its secret once, and revokes it', async () => {
    await signIn(page, server.url, 'ada@example.org', E2E_PASSWORD);
    await page.goto(`${server.url}/me`);
    const form = page.getByRole('form', { name: 'New token', exact: true });
    await form.getByLabel('Token name').fill('weekly export');
    await form.getByLabel('Expires in (days)').fill('30');
    await form.getByRole('button', { name: 'Create token' }).click();

    const notice = page.getByRole('status').filter({ hasText: 'will not be shown again' });
    await notice.waitFor();
    const secret = await notice.getByLabel('New token').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await page.screenshot({ path: 'test-results/me-token.png', fullPage: true });

    const tokens = page.getByRole('table', { name: 'API tokens' });
    await expect.poll(() => tokens.getByRole('row', { name: /weekly export.*Active/ }).count()).toBe(1);
    await tokens.getByRole('button', { name: 'Revoke token weekly export' }).click();
    await expect.poll(() => tokens.getByRole('row', { name: /weekly export.*Revoked/ }).count()).toBe(1);

    // The secret is shown once: after a reload only its first characters remain.
    await page.reload();
    await tokens.waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'will not be shown again' }).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    expect(errors).toEqual([]);
  });

  it('lets an administrator create a user, showing field errors first, and the new user can sign in', async () => {
    await signIn(page, server.url, 'ada@example.org', E2E_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(/\/admin\/users$/);
    const users = page.getByRole('table', { name: 'Users' });
    await expect.poll(() => users.getByRole('row', { name: /Ada Admin/ }).count()).toBe(1);

    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('form', { name: 'New user', exact: true });
    await form.getByLabel('Email').fill('otto@example.org');
    await form.getByLabel('Name').fill('Otto Officer');
    await form.getByLabel('Role').selectOption('officer');
    await expect.poll(() => form.getByLabel('Home post').locator('option[value="berlin"]').count()).toBe(1);
    await form.getByLabel('Home post').selectOption('berlin');
    await form.getByLabel('Clearance').selectOption('SBU');
    await form.getByLabel('Initial password').fill('too short');
    await form.getByRole('button', { name: 'Create user' }).click();

    const passwordError = form.locator('.field-error').filter({ hasText: 'Initial password' });
    await expect.poll(() => passwordError.textContent()).toContain('must be at least 12 characters');
    expect(await form.getByLabel('Initial password').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: 'test-results/users-field-error.png', fullPage: true });

    await form.getByLabel('Initial password').fill('berlin mornings are quiet 7');
    await form.getByRole('button', { name: 'Create user' }).click();
    await page.getByRole('status').filter({ hasText: 'was created' }).waitFor();
    await expect.poll(() => users.getByRole('row', { name: /Otto Officer.*otto@example\.org.*Officer.*berlin/ }).count()).toBe(1);
    await page.screenshot({ path: 'test-results/users.png', fullPage: true });

    await signOut();
    await signIn(page, server.url, 'otto@example.org', 'berlin mornings are quiet 7');
    expect(await shell().textContent()).toContain('Otto Officer');
    expect(await shell().textContent()).toContain('Officer, berlin');
    // An officer manages no users: no Users or Audit entries, and the page says it is not available.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await page.goto(`${server.url}/admin/users`);
    await expect.poll(() => page.getByRole('heading', { name: 'Not available' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('says when to try again after repeated failures', async () => {
    await page.goto(`${server.url}/sign-in`);
    const alert = page.getByRole('alert');
    for (let attempt = 1; attempt <= 6; attempt++) {
      await page.getByLabel('Email', { exact: true }).fill('nobody@example.org');
      await page.getByLabel('Password', { exact: true }).fill(`guess number ${attempt}`);
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/session'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect((await answered).status()).toBe(attempt <= 5 ? 401 : 429);
    }
    await expect.poll(() => alert.textContent()).toMatch(/Too many failed attempts to sign in\. Try again in \d+ (minutes|seconds)\./);
    expect(errors).toEqual([]);
  });

  it('sends the user to sign in when the session ends, and back to the page afterwards', async () => {
    await signIn(page, server.url, 'ada@example.org', E2E_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('table', { name: 'Users' }).waitFor();

    await page.context().clearCookies(); // as when the session expires or is ended elsewhere
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL(/\/sign-in\?next=%2Fadmin%2Faudit$/);

    await page.getByLabel('Email', { exact: true }).fill('ada@example.org');
    await page.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/audit$/);
    await page.getByRole('table', { name: 'Audit events' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('lets an administrator change and disable a user, and shows the changes in the audit trail', async () => {
    await createE2eUser(server, { email: 'bea@example.org', name: 'Bea Analyst', role: 'bureau_analyst', bureau: 'EUR', clearance: 'U' });
    await signIn(page, server.url, 'ada@example.org', E2E_PASSWORD);
    await page.goto(`${server.url}/admin/users?q=bea`);
    const users = page.getByRole('table', { name: 'Users' });
    await expect.poll(() => users.getByRole('row').count()).toBe(2); // the header and Bea
    await users.getByRole('link', { name: 'Bea Analyst' }).click();
    await page.getByRole('heading', { name: 'Bea Analyst' }).waitFor();

    const access = page.getByRole('form', { name: 'Role and access', exact: true });
    expect(await access.getByLabel('Bureau').inputValue()).toBe('EUR');
    await access.getByLabel('Bureau').selectOption('WHA');
    await access.getByLabel('Clearance').selectOption('C');
    await access.getByRole('button', { name: 'Save changes' }).click();
    await access.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    await expect.poll(() => page.locator('.details').textContent()).toContain('Bureau analyst, WHA');

    await page.getByRole('button', { name: 'Disable user' }).click();
    await page.getByRole('button', { name: 'Enable user' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Bea Analyst' }).textContent()).toContain('Disabled');
    await page.screenshot({ path: 'test-results/user.png', fullPage: true });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByLabel('Action').fill('user.updated');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.waitForURL(/action=user\.updated/);
    const events = page.getByRole('table', { name: 'Audit events' });
    await expect.poll(() => events.getByRole('row', { name: /user\.updated/ }).count()).toBe(2);
    // The day filters: today holds both events, yesterday neither.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA');
    await page.getByLabel('From', { exact: true }).fill(day(0));
    await page.getByLabel('To', { exact: true }).fill(day(0));
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.waitForURL(/to=/);
    await expect.poll(() => events.getByRole('row', { name: /user\.updated/ }).count()).toBe(2);
    await page.getByLabel('From', { exact: true }).fill(day(-1));
    await page.getByLabel('To', { exact: true }).fill(day(-1));
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(() => page.getByText('No event matches these filters.').count()).toBe(1);
    await page.goBack();
    await expect.poll(() => events.getByRole('row', { name: /user\.updated/ }).count()).toBe(2);

    const hashes = await events.locator('tbody tr td:last-child code').allTextContents();
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{12}$/);
    await page.screenshot({ path: 'test-results/audit.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
