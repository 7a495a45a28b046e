import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { createE2eUser, expectAccessible, launchBrowser, newSignedInPage, startE2eServer } from './support';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(ROOT, '..', 'shared', 'data');
const BKA_FILE = path.join(DATA, 'bka-pks-zr-f-01-t01-faelle-1987-2023.csv.gz');
const BKA_MAPPING = path.join(ROOT, 'docs', 'mappings', 'bka-pks-zr-f-01-t01.json');
const UN_FILE = path.join(DATA, 'un-desa-migrant-stock-percent-1990-2019.csv');
const UN_MAPPING = path.join(ROOT, 'docs', 'mappings', 'un-desa-migrant-stock.json');
const HAVE_DATA = existsSync(BKA_FILE) && existsSync(UN_FILE);
if (!HAVE_DATA) console.warn(`SKIPPED: the evidence panel on the real BKA and UN DESA files, because ${DATA} lacks them (CI always has them).`);

/** A synthetic table with one bad row, and its mapping: the upload page lists the row, column and reason. */
const SYNTHETIC_MAPPING = {
  source: {
    id: 'synthetic-e2e',
    publisher: 'Synthetic statistics office',
    tableId: 'E2E-1',
    title: 'Synthetic table for the browser test',
    url: 'https://example.org/synthetic/e2e',
    licence: 'CC0 1.0',
    retrievedOn: '2026-01-15',
  },
  file: { format: 'csv' },
  country: { column: 'country', codes: 'alpha2' },
  year: { column: 'year' },
  indicator: { code: 'synthetic', name: 'Synthetic figure' },
  definitions: { justiceStage: 'suspect', groupDefinition: 'citizenship', immigrationLawOffences: 'unknown', standardisation: 'none' },
  values: [{ column: 'value', group: 'total', unit: 'count' }],
};

/**
 * The evidence panel and the statistics upload page: a headquarters analyst imports the BKA's
 * table through the upload page (a synthetic table with a bad row first, which is refused with
 * its row, column and reason), then reads the panel for Germany: German and non-German suspects
 * side by side, why no rate per 100,000 non-German residents exists, and the immigration-law
 * toggle, whose exclusion is a bounded range with its reason where the BKA does not separate
 * immigration-law offences (before 2005) and exact where it does (key 890000).
 */
describe('the evidence panel and the statistics upload page', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'analyst@example.org', name: 'Hanna Analyst', role: 'hq_analyst', post: null, clearance: 'S' });
    browser = await launchBrowser();
    page = await newSignedInPage(browser, server.url, 'analyst@example.org', errors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const upload = async (mapping: { name: string; buffer: Buffer }, data: { name: string; buffer: Buffer }) => {
    await page.getByLabel('Mapping file (JSON)').setInputFiles({ ...mapping, mimeType: 'application/json' });
    await page.getByLabel('Data file (CSV or XLSX, .gz too)').setInputFiles({ ...data, mimeType: 'application/octet-stream' });
    await page.getByRole('button', { name: 'Import' }).click();
  };

  it('refuses a table with a bad row, naming the row, column and reason, and imports nothing', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import statistics' }).click();
    await page.getByRole('heading', { name: 'Import official statistics' }).waitFor();
    await upload(
      { name: 'synthetic.json', buffer: Buffer.from(JSON.stringify(SYNTHETIC_MAPPING)) },
      { name: 'synthetic.csv', buffer: Buffer.from('country,year,value\nDE,2020,10\nDE,2021,12x\n') },
    );
    await expect.poll(() => page.locator('.import-outcome').textContent(), { timeout: 30_000 }).toContain('Nothing was imported');
    const row = page.getByRole('table').getByRole('row').nth(1);
    await expect.poll(() => row.textContent()).toMatch(/^3value"12x" is not a number/);
    await expectAccessible(page, 'the upload page with a refused file');
    expect(errors).toEqual([]);
  });

  describe.skipIf(!HAVE_DATA)('with the BKA table', () => {
    it('imports the BKA table through the upload page', { timeout: 180_000 }, async () => {
      await upload({ name: 'bka.json', buffer: readFileSync(BKA_MAPPING) }, { name: path.basename(BKA_FILE), buffer: readFileSync(BKA_FILE) });
      await expect.poll(() => page.locator('.import-outcome').textContent(), { timeout: 150_000 }).toContain('Imported');
      expect(await page.locator('.import-outcome').textContent()).toMatch(/Rows read[\d,]+/);
      await upload({ name: 'un.json', buffer: readFileSync(UN_MAPPING) }, { name: path.basename(UN_FILE), buffer: readFileSync(UN_FILE) });
      await expect.poll(() => page.locator('.import-outcome').textContent(), { timeout: 60_000 }).toContain('un-desa-migrant-stock-2019');
      expect(await page.locator('.import-outcome').textContent()).toContain('Imported');
    });

    it('shows German and non-German suspects side by side, why no rate per 100,000 non-German residents exists, and the toggle', {
      timeout: 120_000,
    }, async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence' }).click();
      await page.getByRole('heading', { name: 'Evidence', level: 1 }).waitFor();
      const german = page.getByTestId('figure-nationals');
      const foreign = page.getByTestId('figure-foreign_nationals');
      // 2023, immigration-law offences excluded by default: the BKA's own row without them (890000).
      await expect.poll(() => foreign.locator('.evidence-value').textContent(), { timeout: 30_000 }).toBe('694,981');
      await expect.poll(() => german.locator('.evidence-value').textContent()).toBe('1,322,571');
      expect(await foreign.textContent()).toContain('no valid rate per 100,000 non-German residents exists');
      expect(await german.textContent()).toContain('No rate per 100,000');
      expect(await page.locator('.evidence-definitions').first().textContent()).toContain('Suspects (identified by the police, not convicted)');
      expect(await page.getByRole('region', { name: 'Reported incidents, not a crime rate' }).textContent()).toContain('0 reported incidents');
      await expect.poll(() => page.getByTestId('evidence-series-chart').locator('svg').count()).toBe(1);
      expect(await page.locator('.evidence-no-map').first().textContent()).toMatch(/No valid rate per 100,000 .* so there is no map/);
      expect(
        await page
          .getByRole('link', { name: /Bundeskriminalamt \(BKA\), PKS ZR-F-01-T01/ })
          .first()
          .getAttribute('href'),
      ).toMatch(/^https:\/\/www\.bka\.de\//);
      // The chart's caption and the warnings name every series break: the territory in 1991 and 1993, the counting rules in 2009.
      const caption = (await page.locator('.evidence-figure-chart figcaption').first().textContent()) ?? '';
      expect(caption).toMatch(/Series break 1991: .*all of Berlin.*Series break 1993: .*all of Germany.*Series break 2009: /);
      expect(caption).toContain(
        'Number of suspects (identified by the police, not convicted), by citizenship; excludes immigration-law offences; not standardised.',
      );
      const warnings = await page.getByRole('region', { name: 'Warnings' }).getByRole('listitem').allTextContents();
      expect(warnings.filter((warning) => /a series break in \d{4}/.test(warning)).map((warning) => warning.match(/a series break in (\d{4})/)![1])).toEqual([
        '1991',
        '1993',
        '2009',
      ]);
      // The UN DESA share, as context, with each of its definitions.
      expect(await page.getByRole('region', { name: 'Other official figures about Germany' }).textContent()).toMatch(
        /15\.7 % \(2019; by country of birth; not a justice statistic; not standardised; residents only;/,
      );
      await expectAccessible(page, 'the evidence panel for Germany');

      // Included: the figure the BKA counts with them.
      await page.getByLabel(/Include immigration-law offences/).check();
      await expect.poll(() => foreign.locator('.evidence-value').textContent()).toBe('923,269');
      await page.getByLabel(/Include immigration-law offences/).uncheck();
      await expect.poll(() => foreign.locator('.evidence-value').textContent()).toBe('694,981');

      // 2004: the BKA has no row without them, so the non-German figure is a bounded range with its reason.
      await page.getByLabel('Year', { exact: true }).selectOption('2004');
      await expect.poll(() => foreign.locator('.evidence-value').textContent()).toBe('between 438,775 and 546,985');
      expect(await foreign.textContent()).toMatch(/Why a range: .*counts a person once per offence key/);
      await page.getByLabel(/Include immigration-law offences/).check();
      await expect.poll(() => foreign.locator('.evidence-value').textContent()).toBe('546,985');
      await expectAccessible(page, 'the evidence panel for Germany, 2004');
      expect(errors).toEqual([]);
    });
  });

  it('says that no official figures are imported for a country without any, and how an importer adds some', async () => {
    await page.goto(`${server.url}/evidence?country=FR`);
    const official = page.getByRole('region', { name: /^Official figures: .*, France/ });
    await expect.poll(() => official.locator('.empty-state').textContent(), { timeout: 30_000 }).toContain('No official figures for France are imported.');
    expect(await official.locator('.empty-state').textContent()).toContain('on the Import statistics page or with demarche statistics import');
    expect(await official.locator('.empty-state').getByRole('link', { name: 'Import official statistics' }).getAttribute('href')).toBe('/statistics/import');
    await page.getByLabel('Incident category').selectOption('homicide');
    await expect
      .poll(() => official.locator('.empty-state').textContent())
      .toContain('No official figures for France are imported for the category “Homicide” (homicide).');
    await expectAccessible(page, 'the evidence panel for a country without official figures');
    expect(errors).toEqual([]);
  });
});
