import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { createE2eUser, launchBrowser, newSignedInPage, startE2eServer } from './support';

/**
 * Filing an incident as an officer does: the identifier guard marks a personal name in the
 * summary as it is typed, and again when the server refuses the save; the officer rewrites it
 * and files the incident with two sources; the list then shows the incident with its legal
 * status in words, never as a bare code.
 */
describe('filing an incident with two sources, past the identifier guard', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let incidentId = '';
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  const named = 'A man was attacked near the central station on Monday evening; Jonas Becker, 34, was arrested at the scene (synthetic).';
  const rewritten = 'A man was attacked near the central station on Monday evening; a 34-year-old man was arrested at the scene (synthetic).';

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'officer@example.org', name: 'Otto Officer', role: 'officer', post: 'berlin', clearance: 'SBU' });
    browser = await launchBrowser();
    page = await newSignedInPage(browser, server.url, 'officer@example.org', errors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('marks a personal name in the summary as it is typed and when the save is refused, and files the incident with two sources once it is rewritten', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('link', { name: 'File an incident' }).click();
    await page.waitForURL(/\/incidents\/new$/);
    const form = page.getByRole('form', { name: 'Incident' });

    // The post's country is chosen already; the category is found by typing part of its name.
    await expect.poll(() => form.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('Germany (DE)');
    const category = form.getByRole('combobox', { name: 'Category' });
    await category.click();
    await category.fill('violent');
    await page.getByRole('option', { name: 'Violent crime' }).click();
    await form.getByLabel('Place', { exact: true }).fill('Mitte');
    await form.getByLabel('Date', { exact: true }).fill(threeDaysAgo);

    await form.getByLabel('Summary', { exact: true }).fill(named);
    const found = form.getByRole('list', { name: 'Personal identifiers found' });
    await expect.poll(() => found.textContent(), { timeout: 15_000 }).toContain('“Jonas Becker”: personal name');
    expect(await form.locator('mark.identifier').textContent()).toContain('Jonas Becker');
    expect(await form.getByText(/\d+ of 4,000 characters/).textContent()).toBe(`${named.length} of 4,000 characters`);
    await page.screenshot({ path: 'test-results/incident-identifier-guard.png', fullPage: true });

    const first = form.getByRole('group', { name: 'Source 1' });
    await first.getByLabel('Address (URL)').fill('https://example.org/police-report');
    await first.getByLabel('Outlet or institution').fill('Berlin police (synthetic)');
    await first.getByLabel('Type of source').selectOption({ label: 'Police report' });
    await first.getByLabel('Reliability of the source').selectOption('B');
    await first.getByLabel('Suspect status, as this source states it').selectOption({ label: 'Foreign national' });
    await form.getByRole('button', { name: 'Add another source' }).click();
    const second = form.getByRole('group', { name: 'Source 2' });
    await second.getByLabel('Address (URL)').fill('https://example.org/news');
    await second.getByLabel('Outlet or institution').fill('Example Daily (synthetic)');
    await second.getByLabel('Language').selectOption('de');

    // Saved regardless, the server refuses it with the same span; the summary of what failed takes the focus.
    await form.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('problem-focus');
    expect(await form.locator('.summary-field .field-error').textContent()).toContain('Summary contains a personal name (“Jonas Becker”)');
    expect(await form.locator('mark.identifier').textContent()).toContain('Jonas Becker');
    expect(page.url()).toMatch(/\/incidents\/new$/);

    await form.getByLabel('Summary', { exact: true }).fill(rewritten);
    await expect.poll(() => form.locator('mark.identifier').count(), { timeout: 15_000 }).toBe(0);
    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    incidentId = page.url().split('/').pop() ?? '';
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Draft');
    const sources = page.getByRole('table', { name: /Sources of the incident/ });
    expect(await sources.getByRole('row').count()).toBe(3);
    expect(await sources.textContent()).toContain('B — Usually reliable');
    expect(await page.getByRole('note', { name: 'Suspect status' }).textContent()).toContain('Foreign national (Berlin police (synthetic))');
    expect(await page.locator('.legal-status-line').textContent()).toContain('Reported (allegation, no charge)');
    expect(await page.locator('.prose').first().textContent()).toBe(rewritten);
    expect(errors).toEqual([]);
  });

  it('lists it with its legal status in words, and filters by legal status', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    const table = page.getByRole('table', { name: /^Incidents/ });
    const row = table.getByRole('row').filter({ has: page.locator(`a[href="/incidents/${incidentId}"]`) });
    await expect.poll(() => row.textContent()).toContain('Reported (allegation, no charge)');
    expect(await row.textContent()).toContain('Violent crime');
    expect(await row.textContent()).toContain('Mitte, Germany');
    expect(await row.textContent()).toContain('Draft');

    const filters = page.getByRole('form', { name: 'Filter incidents' });
    await filters.getByLabel('Convicted', { exact: true }).check();
    await filters.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => page.getByText('No incident matches these filters.').count()).toBe(1);
    expect(page.url()).toContain('legalStatus=convicted');

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => row.count()).toBe(1);
    await page.screenshot({ path: 'test-results/incidents-list.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
