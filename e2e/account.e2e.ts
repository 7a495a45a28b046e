import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { createE2eUser, E2E_PASSWORD, expectAccessible, launchBrowser, signIn, startE2eServer } from './support';

const NEW_PASSWORD = 'quiet harbour at dawn 19';
const PHONE = { width: 390, height: 844 };

/** WCAG relative luminance of an `rgb(r, g, b)` colour, and the contrast ratio of two. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

describe('my account: password, sessions, and the shell on keyboard and phone', () => {
  let server: RunningServer;
  let browser: Browser;
  const errors: string[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    expect(errors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A browser of its own (no cookie shared with the others), optionally signed in. */
  async function openBrowser(options: BrowserContextOptions = {}): Promise<Page> {
    const page = await (await browser.newContext(options)).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) errors.push(message.text());
    });
    pages.push(page);
    return page;
  }
  async function officer(email: string, name: string) {
    await createE2eUser(server, { email, name, role: 'officer', post: 'berlin', clearance: 'SBU' });
  }
  const profile = async (page: Page) => {
    await page.goto(`${server.url}/me`);
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
  };

  it('changes the password: the other browser is signed out, the new password signs in', async () => {
    await officer('olga@example.org', 'Olga Officer');
    const laptop = await openBrowser();
    const phone = await openBrowser();
    await signIn(laptop, server.url, 'olga@example.org', E2E_PASSWORD);
    await signIn(phone, server.url, 'olga@example.org', E2E_PASSWORD);

    await profile(laptop);
    const form = laptop.getByRole('form', { name: 'Password', exact: true });
    await expectAccessible(laptop, 'my profile');

    // A wrong current password: said beside the field, nothing changes.
    await form.getByLabel('Current password').fill('not my password at all');
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    const currentError = form.locator('.field-error').filter({ hasText: 'Current password' });
    await expect.poll(() => currentError.textContent()).toBe('Current password is wrong');
    expect(await form.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(laptop, 'the password form with an error');

    // Too short, and a confirmation that does not match: said in words, before and after the server.
    await form.getByLabel('Current password').fill(E2E_PASSWORD);
    await form.getByLabel('New password', { exact: true }).fill('too short');
    await form.getByLabel('Confirm new password').fill('too short!');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => form.locator('.field-error').filter({ hasText: 'Confirm new password' }).textContent())
      .toBe('Confirm new password does not match the new password');
    await form.getByLabel('Confirm new password').fill('too short');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => form.locator('.field-error').filter({ hasText: 'New password' }).first().textContent())
      .toBe('New password must be at least 12 characters');

    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    const done = form.getByRole('status');
    await expect.poll(() => done.textContent()).toBe('Password changed. You stay signed in here; 1 other session was signed out.');
    expect(await form.getByLabel('Current password').inputValue()).toBe('');
    await laptop.screenshot({ path: 'test-results/me-password.png', fullPage: true });

    // The other browser's session has ended: its next page asks it to sign in.
    await phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Engagements' }).click();
    await phone.waitForURL(/\/sign-in\?next=%2Fengagements$/);
    await phone.getByLabel('Email', { exact: true }).fill('olga@example.org');
    await phone.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => phone.getByRole('alert').textContent()).toContain('Email or password is wrong.');
    await phone.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.waitForURL(/\/engagements$/);

    // This browser stayed signed in.
    await laptop.reload();
    await laptop.getByRole('heading', { name: 'My profile' }).waitFor();
  });

  it('lists the sessions with this device marked, and revokes another one and then this one', async () => {
    await officer('sami@example.org', 'Sami Officer');
    const desk = await openBrowser({ userAgent: 'DeskBrowser/1.0 (e2e)' });
    const tablet = await openBrowser({ userAgent: 'TabletBrowser/2.0 (e2e)' });
    await signIn(tablet, server.url, 'sami@example.org', E2E_PASSWORD);
    await signIn(desk, server.url, 'sami@example.org', E2E_PASSWORD);

    await profile(desk);
    const table = desk.getByRole('table', { name: 'Active sessions' });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const here = rows.filter({ hasText: 'DeskBrowser/1.0 (e2e)' });
    const there = rows.filter({ hasText: 'TabletBrowser/2.0 (e2e)' });
    expect(await here.textContent()).toContain('This device');
    expect(await there.textContent()).not.toContain('This device');
    // Newest sign-in first.
    expect(await rows.first().textContent()).toContain('DeskBrowser');
    await expectAccessible(desk, 'my profile with two sessions');

    await there.getByRole('button', { name: 'Revoke' }).click();
    expect(await there.textContent()).toContain('Sign this session out now?');
    await there.getByRole('button', { name: 'Revoke session' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await tablet.goto(`${server.url}/me`);
    await tablet.waitForURL(/\/sign-in\?next=%2Fme$/);

    await here.getByRole('button', { name: 'Revoke' }).click();
    expect(await here.textContent()).toContain('revoking it signs you out here');
    await here.getByRole('button', { name: 'Revoke and sign out' }).click();
    await desk.waitForURL(/\/sign-in$/);
    await desk.goto(`${server.url}/me`);
    await desk.waitForURL(/\/sign-in\?next=%2Fme$/);
  });

  it('skips to the main content, moves the focus to each new page’s heading, and shows a visible focus ring on the dark header', async () => {
    await officer('kai@example.org', 'Kai Officer');
    const page = await openBrowser();
    await signIn(page, server.url, 'kai@example.org', E2E_PASSWORD);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'What needs you now', level: 1 }).waitFor();
    await expectAccessible(page, 'the home page of an officer');

    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return { tag: element?.tagName ?? '', id: element?.id ?? '', text: element?.textContent?.trim() ?? '' };
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'A', text: 'Skip to main content' });
    const skip = await page.getByRole('link', { name: 'Skip to main content' }).boundingBox();
    expect(skip && skip.y >= 0 && skip.height > 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ tag: 'MAIN', id: 'main' });
    // The next Tab goes on inside the page, not back through the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Bureaus and posts' }).click();
    await expect.poll(focused).toMatchObject({ tag: 'H1', text: 'Bureaus and posts' });
    await expectAccessible(page, 'the posts page');
    await nav.getByRole('link', { name: 'Engagements' }).click();
    await expect.poll(focused).toMatchObject({ tag: 'H1', text: 'Engagements' });

    // The focus ring on the header's dark background: at least 3:1 against it.
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'What needs you now', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'A', text: 'Demarche' });
    const ring = await page.evaluate(() => {
      const link = document.activeElement as HTMLElement;
      const header = link.closest('header') as HTMLElement;
      return { outline: getComputedStyle(link).outlineColor, width: getComputedStyle(link).outlineWidth, header: getComputedStyle(header).backgroundColor };
    });
    expect(Number.parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.outline, ring.header)).toBeGreaterThanOrEqual(3);
  });

  it('fits a phone: no sideways scrolling, Sign out on screen, the navigation behind a Menu button', async () => {
    await officer('pia@example.org', 'Pia Officer');
    const page = await openBrowser({ viewport: PHONE });
    await signIn(page, server.url, 'pia@example.org', E2E_PASSWORD);
    await page.getByRole('heading', { name: 'What needs you now', level: 1 }).waitFor();

    const fits = async (where: string) => {
      expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(PHONE.width);
      const signOut = page.getByRole('button', { name: 'Sign out' });
      expect(await signOut.isVisible(), where).toBe(true);
      const box = await signOut.boundingBox();
      expect(box, where).not.toBeNull();
      if (!box) return;
      expect(box.x, where).toBeGreaterThanOrEqual(0);
      expect(box.y, where).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, where).toBeLessThanOrEqual(PHONE.width);
      expect(box.y + box.height, where).toBeLessThanOrEqual(PHONE.height);
    };
    await fits('the home page');
    await expectAccessible(page, 'the home page on a phone');

    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await menu.click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await fits('the home page with the menu open');
    await expectAccessible(page, 'the open menu on a phone');
    await page.screenshot({ path: 'test-results/phone-menu.png', fullPage: true });

    await page.getByRole('link', { name: 'Pia Officer' }).click();
    await page.waitForURL(/\/me$/);
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
    // Following a link closes the menu.
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('table', { name: 'Active sessions' }).waitFor();
    await fits('my profile');
    await expectAccessible(page, 'my profile on a phone');
    await page.screenshot({ path: 'test-results/phone-me.png', fullPage: true });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
  });
});
