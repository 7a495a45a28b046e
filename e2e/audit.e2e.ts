import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { apiWrite, createE2eUser, expectAccessible, launchBrowser, newSignedInPage, startE2eServer } from './support';

const PHONE = { width: 390, height: 844 };

/**
 * The audit trail as an administrator reads it after a few writes: each record by name, a link
 * to the records they may open, the actor by name, the change in words, every time on one line,
 * filters chosen in pickers, and the same page on a phone.
 */
describe('audit trail: names, links and changes in words', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let ninaId = '';

  const table = () => page.getByRole('table', { name: 'Audit events' });
  const rowOf = (text: string | RegExp) => table().locator('tbody tr').filter({ hasText: text });
  /** Types into a picker, moves to the option with the arrow key and chooses it with Enter. */
  async function chooseByKeyboard(picker: Locator, typed: string, option: RegExp): Promise<void> {
    // The actor picker waits for the users to load.
    await expect.poll(() => picker.isEnabled()).toBe(true);
    await picker.focus();
    await page.keyboard.type(typed);
    const choice = page.getByRole('option', { name: option });
    await choice.waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => choice.getAttribute('data-focused')).toBe('true');
    await page.keyboard.press('Enter');
  }
  /** How many lines each time cell's text takes: an inline element broken across lines has one box per line. */
  const timeLines = () =>
    table()
      .locator('tbody time')
      .evaluateAll((times) => times.map((time) => time.getClientRects().length));

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    await createE2eUser(server, { email: 'ada@example.org', name: 'Ada Admin', role: 'admin', clearance: 'S' });
    await createE2eUser(server, { email: 'olga@example.org', name: 'Olga Officer', role: 'officer', post: 'berlin', clearance: 'C' });

    // An officer records a contact: the administrator may know it through the trail, not open it.
    page = await newSignedInPage(browser, server.url, 'olga@example.org', errors);
    await apiWrite(page, server.url, 'POST', '/api/v1/contacts', {
      name: 'Quentin Quaestor (synthetic)',
      title: 'State Secretary',
      organization: 'Federal Ministry of the Interior',
      organizationType: 'ministry_of_interior',
      country: 'DE',
      synthetic: true,
    });
    // The administrator makes a user, then gives them another role.
    page = await newSignedInPage(browser, server.url, 'ada@example.org', errors, page);
    const nina = (await apiWrite(page, server.url, 'POST', '/api/v1/users', {
      email: 'nina@example.org',
      name: 'Nina New',
      role: 'officer',
      post: 'berlin',
      clearance: 'U',
      password: 'correct horse battery staple 42',
    })) as { id: string };
    ninaId = nina.id;
    await apiWrite(page, server.url, 'PATCH', `/api/v1/users/${nina.id}`, { role: 'approver' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    expect(errors).toEqual([]);
  });

  it('names records and actors, links what the reader may open, says the change in words, one line per time', async () => {
    await page.goto(`${server.url}/admin/audit`);
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    const updated = rowOf('Nina New (nina@example.org)').filter({ hasText: 'Updated' });
    await expect.poll(() => updated.count()).toBe(1);
    await expect.poll(() => updated.textContent()).toMatch(/Role:\s*Officer → Approver/);
    expect(await updated.locator('td').nth(1).innerText()).toBe('Ada Admin (web)');
    // Signed in and out: said in words, never "{}".
    await expect.poll(() => table().textContent()).toMatch(/Session:\s*started/);
    expect(await table().textContent()).not.toContain('{}');
    await expectAccessible(page, 'the audit trail');
    if (process.env.AUDIT_SCREENSHOTS) await page.screenshot({ path: `${process.env.AUDIT_SCREENSHOTS}/desktop.png`, fullPage: true });

    // Every time is one line, to the second and in UTC.
    await expect.poll(timeLines).not.toContain(2);
    expect(new Set(await timeLines())).toEqual(new Set([1]));
    expect(await updated.locator('time').textContent()).toMatch(/\d{1,2}:\d{2}:\d{2}.* UTC$/);
    // Still one line on a narrow window, where the columns are squeezed.
    await page.setViewportSize({ width: 760, height: 900 });
    await expect.poll(async () => new Set(await timeLines())).toEqual(new Set([1]));
    await page.setViewportSize({ width: 1280, height: 900 });

    // The contact is named, and not linked: the administrator may not open a post's records.
    const contact = rowOf('Quentin Quaestor (synthetic)');
    await expect.poll(() => contact.count()).toBe(1);
    expect(await contact.getByRole('link').count()).toBe(0);
    await expect.poll(() => contact.textContent()).toMatch(/Olga Officer/);

    // The user's name is a link that opens the user.
    await updated.getByRole('link', { name: 'Nina New (nina@example.org)' }).click();
    await page.getByRole('heading', { name: 'Nina New' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/admin/users/${ninaId}`);
    await expectAccessible(page, 'the user opened from the trail');
  });

  it('filters by actor and record type through pickers', async () => {
    await page.goto(`${server.url}/admin/audit`);
    const filters = page.getByRole('form', { name: 'Filter audit events', exact: true });
    await chooseByKeyboard(filters.getByRole('combobox', { name: 'Actor' }), 'Olga', /^Olga Officer/);
    await chooseByKeyboard(filters.getByRole('combobox', { name: 'Record type' }), 'Conta', /^Contact/);
    await filters.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.url()).toMatch(/recordType=contact/);
    await expect.poll(() => table().locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/Olga Officer.*Created.*Quentin Quaestor/)]);
    await expectAccessible(page, 'the audit trail filtered with pickers');
  });

  it('reads on a phone: each event on its own, no sideways scrolling, times on one line', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/admin/audit`);
    await expect.poll(() => rowOf('Nina New (nina@example.org)').count()).toBeGreaterThan(0);
    const region = page.getByRole('region', { name: 'Audit events, scrollable' });
    await expect.poll(() => region.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(new Set(await timeLines())).toEqual(new Set([1]));
    // Each cell says what it is beside its value, as the column headings are out of sight.
    await expect.poll(() => rowOf('Nina New').first().locator('td').first().innerText()).toMatch(/^Time\n.+ UTC$/);
    await expectAccessible(page, 'the audit trail on a phone');
    if (process.env.AUDIT_SCREENSHOTS) await page.screenshot({ path: `${process.env.AUDIT_SCREENSHOTS}/phone.png`, fullPage: false });
  });
});
