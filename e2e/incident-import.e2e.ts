import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { createE2eUser, launchBrowser, newSignedInPage, startE2eServer } from './support';

/**
 * The upload page of the bulk import: an officer checks a CSV file with a personal name in one
 * summary, is shown the row, the column and the reason, and may not import it; checks the
 * corrected file, imports it as drafts at the home post; and the same file again reports every
 * row as already imported, with nothing new to import.
 */
describe('importing incidents from a CSV file: checked first, all or nothing, idempotent by external id', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  const header =
    'external_id;place_name;geo_precision;occurred_on;category;summary;classification;synthetic;source1_url;source1_outlet;source1_language;source1_type;source1_reliability;source1_credibility';
  const line = (n: number, summary = `Synthetic report ${n}: stones were thrown at a bus near the market square of the old town.`) =>
    `e2e-import-${n};Kellburg;town;${daysAgo(10 + n)};public_disorder;${summary};U;yes;https://example.org/synthetic/${n};Synthetic Daily;en;media;C;3`;
  const named = 'Synthetic report: Jonas Becker threw stones at a bus near the market square of the old town.';
  const csvFile = (lines: string[]) => ({ name: 'incidents.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\n'), 'utf8') });
  const corrected = csvFile([line(1), line(2), line(3)]);

  const chooseFile = (file: ReturnType<typeof csvFile>) => page.getByLabel('File (CSV or JSON)').setInputFiles(file);
  const outcomeFocused = () => expect.poll(() => page.evaluate(() => document.activeElement?.className), { timeout: 30_000 }).toBe('import-outcome');
  const outcome = () => page.locator('.import-outcome');
  const counts = () => page.locator('dl.import-counts dd');
  const importButton = () => page.getByRole('button', { name: /^Import (\d+ incidents?|incidents)$/ });

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

  it('lists the row, the column and the reason of a personal name in a summary, and the import stays disabled', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('link', { name: 'Import incidents' }).click();
    await page.waitForURL(/\/incidents\/import$/);
    expect(await page.locator('.import-limits').textContent()).toContain('at most 20,000 rows and 16,000,000 characters');
    await page.getByRole('link', { name: 'the file format' }).click();
    await expect.poll(() => page.locator('details.import-format').getAttribute('open')).not.toBeNull();
    expect(await page.locator('dl[aria-label="Required columns"]').textContent()).toContain('place_name');

    await chooseFile(csvFile([line(1), line(2, named), line(3)]));
    expect(await page.locator('.import-file').textContent()).toContain('incidents.csv');
    expect(await importButton().isDisabled()).toBe(true);

    // The request is held at the server's door: the page shows the upload's progress meanwhile.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      '**/api/v1/incident-imports',
      async (route) => {
        await held;
        await route.continue();
      },
      { times: 1 },
    );
    await page.getByRole('button', { name: 'Check the file' }).click();
    const uploading = page.getByLabel('Uploading the file…');
    await uploading.waitFor();
    expect(await uploading.evaluate((element) => element.tagName)).toBe('PROGRESS');
    expect(await uploading.getAttribute('aria-valuenow')).toMatch(/^\d+$/);
    expect(await page.getByRole('button', { name: 'Check the file' }).isDisabled()).toBe(true);
    release();

    await outcomeFocused();
    expect(await outcome().getByRole('heading', { level: 2 }).textContent()).toBe('The check found 1 problem in 1 row: nothing was imported');
    const problems = page.getByRole('table', { name: /^Problems by row/ });
    const rows = problems.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().getByRole('cell').allTextContents();
    // CSV rows are counted as a spreadsheet shows them: the header is row 1, the second incident row 3.
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('summary');
    expect(cells[2]).toContain('contains a personal name (“Jonas Becker”');
    expect(await rows.first().locator('mark.identifier').textContent()).toBe('Jonas Becker');
    expect(cells[2]).toContain('Found: Jonas Becker [personal name]');
    expect(await counts().allTextContents()).toEqual(['3', '2', '0', '1', '0']);
    expect(await importButton().isDisabled()).toBe(true);
    await page.screenshot({ path: 'test-results/incident-import-problems.png', fullPage: true });

    const stored = (await (await page.request.get(`${server.url}/api/v1/incidents`)).json()) as { items: unknown[] };
    expect(stored.items).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('checks the corrected file, imports it as drafts at the home post and links to the drafts', async () => {
    await chooseFile(corrected);
    expect(await page.locator('.import-outcome').textContent()).toBe('');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await outcomeFocused();
    expect(await outcome().getByRole('heading', { level: 2 }).textContent()).toBe('Check passed: 3 incidents ready to import');
    expect(await counts().allTextContents()).toEqual(['3', '3', '0', '0', '0']);

    const button = importButton();
    expect(await button.textContent()).toBe('Import 3 incidents');
    expect(await button.isEnabled()).toBe(true);
    await button.click();
    await expect.poll(() => outcome().getByRole('heading', { level: 2 }).textContent(), { timeout: 30_000 }).toMatch(/^3 incidents filed as drafts at /);
    await outcomeFocused();
    const result = (await outcome().getByRole('heading', { level: 2 }).textContent()) ?? '';
    expect(result).toContain('Berlin');
    expect(result).toMatch(/; 0 skipped$/);
    expect(await importButton().isDisabled()).toBe(true);
    await page.screenshot({ path: 'test-results/incident-import-done.png', fullPage: true });

    await outcome().getByRole('link', { name: 'See the drafts in the list of incidents' }).click();
    await page.waitForURL(/\/incidents\?status=draft$/);
    const table = page.getByRole('table', { name: /^Incidents/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    for (const row of await table.locator('tbody tr').allTextContents()) {
      expect(row).toContain('Kellburg, Germany');
      expect(row).toContain('Draft');
    }
    expect(errors).toEqual([]);
  });

  it('reports every row of the same file as already imported, with nothing new to import', async () => {
    await page.getByRole('link', { name: 'Import incidents' }).click();
    await page.waitForURL(/\/incidents\/import$/);
    await chooseFile(corrected);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await outcomeFocused();
    expect(await outcome().getByRole('heading', { level: 2 }).textContent()).toBe('Check passed: nothing new to import, every row is already stored');
    expect(await counts().allTextContents()).toEqual(['3', '0', '3', '0', '0']);
    const skipped = page.getByRole('list', { name: /^Already imported \(3\)/ });
    expect(await skipped.getByRole('listitem').allTextContents()).toEqual(['Row 2: e2e-import-1', 'Row 3: e2e-import-2', 'Row 4: e2e-import-3']);
    expect(await importButton().isDisabled()).toBe(true);
    expect(await page.getByText('Nothing to import: every row of this file is already stored.').count()).toBe(1);

    const stored = (await (await page.request.get(`${server.url}/api/v1/incidents`)).json()) as { items: unknown[] };
    expect(stored.items).toHaveLength(3);
    expect(errors).toEqual([]);
  });
});
