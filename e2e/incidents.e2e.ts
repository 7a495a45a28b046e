import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import type { TIncident } from '../src/shared/incidents';
import { apiWrite, createE2eUser, launchBrowser, newSignedInPage, startE2eServer } from './support';

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
    const form = page.getByRole('form', { name: 'Incident', exact: true });

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

    const filters = page.getByRole('form', { name: 'Filter incidents', exact: true });
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

/**
 * The same event filed at two posts: Berlin files it through the form with two sources, Paris
 * files its own report of it with one. Possible duplicates are computed for their reader: the
 * Paris officer, who may not see Berlin's incident, is shown none; the EUR bureau analyst, who
 * sees both, is warned and merges Paris's report into Berlin's. A second person at Berlin (not
 * the drafter, not the one who merged) finds it on the home page and verifies it; headquarters
 * then lists one verified incident with all three sources, and Paris's report says where it went.
 */
describe('the same event filed at two posts: merged by an analyst, verified by a second person at the post', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page | undefined;
  const errors: string[] = [];
  let berlinId = '';
  let parisId = '';
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
  const berlinSummary =
    'Two men were attacked by a group near the main railway station in Kreuzberg late in the evening; one was taken to hospital with head injuries and police detained three suspects at the scene (synthetic).';
  const parisSummary =
    'Police detained three suspects after a group attacked two men close to the main railway station in Kreuzberg late at night; one of the men was treated in hospital for head injuries (synthetic).';
  const outlets = ['Berlin police (synthetic)', 'Example Daily (synthetic)', 'Agence Exemple (synthetic)'];
  const signInAs = async (email: string) => {
    page = await newSignedInPage(browser, server.url, email, errors, page);
    return page;
  };
  const incidentUrl = (id: string) => new RegExp(`/incidents/${id}$`);

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'officer.berlin@example.org', name: 'Bea Berlin', role: 'officer', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'approver.berlin@example.org', name: 'Vera Verifier', role: 'approver', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'officer.paris@example.org', name: 'Paul Paris', role: 'officer', post: 'paris', clearance: 'SBU' });
    await createE2eUser(server, { email: 'analyst.eur@example.org', name: 'Ana Eur', role: 'bureau_analyst', bureau: 'EUR', clearance: 'SBU' });
    await createE2eUser(server, { email: 'analyst.hq@example.org', name: 'Hal Headquarters', role: 'hq_analyst', clearance: 'SBU' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('Berlin files the event through the form with two sources and submits it', async () => {
    const page = await signInAs('officer.berlin@example.org');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('link', { name: 'File an incident' }).click();
    await page.waitForURL(/\/incidents\/new$/);
    const form = page.getByRole('form', { name: 'Incident', exact: true });
    await expect.poll(() => form.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('Germany (DE)');
    const category = form.getByRole('combobox', { name: 'Category' });
    await category.click();
    await category.fill('violent');
    await page.getByRole('option', { name: 'Violent crime' }).click();
    await form.getByLabel('Place', { exact: true }).fill('Kreuzberg');
    await form.getByLabel('Date', { exact: true }).fill(daysAgo(4));
    await form.getByLabel('Summary', { exact: true }).fill(berlinSummary);

    const first = form.getByRole('group', { name: 'Source 1' });
    await first.getByLabel('Address (URL)').fill('https://example.org/berlin-police-report');
    await first.getByLabel('Outlet or institution').fill(outlets[0]!);
    await first.getByLabel('Type of source').selectOption({ label: 'Police report' });
    await first.getByLabel('Reliability of the source').selectOption('B');
    await form.getByRole('button', { name: 'Add another source' }).click();
    const second = form.getByRole('group', { name: 'Source 2' });
    await second.getByLabel('Address (URL)').fill('https://example.org/example-daily');
    await second.getByLabel('Outlet or institution').fill(outlets[1]!);
    await second.getByLabel('Language').selectOption('de');

    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    berlinId = page.url().split('/').pop() ?? '';
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Draft');

    await page.getByRole('button', { name: 'Submit for verification' }).click();
    await page.getByRole('group', { name: 'Submit for verification', exact: true }).getByRole('button', { name: 'Submit now' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Submitted for verification');
    expect(
      await page
        .getByRole('table', { name: /Sources of the incident/ })
        .getByRole('row')
        .count(),
    ).toBe(3);
    expect(errors).toEqual([]);
  });

  it('Paris files its own report of the event in Germany and submits it; it is offered no duplicate it may not see', async () => {
    const page = await signInAs('officer.paris@example.org');
    const filed = (await apiWrite(page, server.url, 'POST', '/api/v1/incidents', {
      country: 'DE',
      placeName: 'Kreuzberg, Berlin',
      geoPrecision: 'district',
      occurredOn: daysAgo(3),
      category: 'violent_crime',
      summary: parisSummary,
      classification: 'U',
      synthetic: true,
      sources: [
        {
          url: 'https://example.org/agence-exemple',
          outlet: outlets[2],
          language: 'fr',
          type: 'media',
          reliability: 'C',
          credibility: 3,
          suspectStatus: 'not_stated',
        },
      ],
    })) as TIncident;
    expect(filed).toMatchObject({ post: 'paris', country: 'DE', status: 'draft' });
    parisId = filed.id;
    const submitted = (await apiWrite(page, server.url, 'POST', `/api/v1/incidents/${parisId}/submit`)) as TIncident;
    expect(submitted.status).toBe('submitted');

    // Berlin's incident is outside the Paris officer's view, so it is not hinted at either.
    await page.goto(`${server.url}/incidents/${parisId}`);
    await page.getByText('No other incident looks like the same event.').waitFor();
    expect(errors).toEqual([]);
  });

  it('the EUR bureau analyst sees the duplicate warning on the Paris incident and merges it into the Berlin one, which keeps all sources', async () => {
    const page = await signInAs('analyst.eur@example.org');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    const table = page.getByRole('table', { name: /^Incidents/ });
    await table.locator(`a[href="/incidents/${parisId}"]`).click();
    await page.waitForURL(incidentUrl(parisId));

    const duplicates = page.getByRole('list', { name: 'Possible duplicates' });
    const candidate = duplicates.getByRole('listitem').filter({ has: page.locator(`a[href="/incidents/${berlinId}"]`) });
    await candidate.waitFor();
    expect(await duplicates.getByRole('listitem').count()).toBe(1);
    expect(await page.getByRole('heading', { name: /Possibly the same event/ }).textContent()).toContain('(1)');
    expect(await candidate.textContent()).toContain('(DE)');
    await page.screenshot({ path: 'test-results/incident-duplicate-warning.png', fullPage: true });

    await candidate.getByRole('button', { name: 'Merge…' }).click();
    const choice = candidate.getByRole('group', { name: 'Merge the two incidents: which one survives?' });
    await choice.getByRole('radio', { name: /^Keep the one from/ }).check();
    await choice.getByRole('button', { name: 'Merge now' }).click();
    await page.waitForURL(incidentUrl(berlinId));

    const sources = page.getByRole('table', { name: /Sources of the incident/ });
    await expect.poll(() => sources.getByRole('row').count()).toBe(4);
    const listed = await sources.textContent();
    for (const outlet of outlets) expect(listed).toContain(outlet);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Submitted for verification');
    // Whoever merged added to it, so another person verifies it.
    expect(await page.getByRole('button', { name: 'Verify', exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a second person at Berlin finds it on the home page and verifies it; then it is no longer waiting', async () => {
    const page = await signInAs('approver.berlin@example.org');
    const inbox = page.getByRole('region', { name: /^Awaiting your approval/ });
    const waiting = inbox.locator(`a[href="/incidents/${berlinId}"]`);
    await waiting.waitFor();
    expect(await inbox.getByRole('heading').textContent()).toContain('(1)');
    await page.screenshot({ path: 'test-results/home-incident-inbox.png', fullPage: true });

    await waiting.click();
    await page.waitForURL(incidentUrl(berlinId));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByRole('group', { name: 'Verify', exact: true }).getByRole('button', { name: 'Verify now' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Verified');
    expect(await page.locator('.details').textContent()).toMatch(/Verified by\s*Vera Verifier/);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await inbox.getByText(/^Nothing awaits your approval or verification/).waitFor();
    expect(await inbox.locator(`a[href="/incidents/${berlinId}"]`).count()).toBe(0);
    expect(await inbox.getByRole('heading').textContent()).toContain('(0)');
    expect(errors).toEqual([]);
  });

  it('headquarters lists one verified incident for the event with all three sources, and the Paris report says it was merged into it', async () => {
    const page = await signInAs('analyst.hq@example.org');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    const table = page.getByRole('table', { name: /^Incidents/ });
    const row = table.getByRole('row').filter({ has: page.locator(`a[href="/incidents/${berlinId}"]`) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator(`a[href="/incidents/${parisId}"]`).count()).toBe(0);
    expect(await row.textContent()).toContain('Verified');
    expect(await row.textContent()).toContain('3 sources');

    await row.locator(`a[href="/incidents/${berlinId}"]`).click();
    await page.waitForURL(incidentUrl(berlinId));
    const sources = page.getByRole('table', { name: /Sources of the incident/ });
    await expect.poll(() => sources.getByRole('row').count()).toBe(4);
    expect(await page.getByRole('heading', { name: /^Sources/ }).textContent()).toContain('(3)');

    await page.locator('.details').locator(`a[href="/incidents/${parisId}"]`).click();
    await page.waitForURL(incidentUrl(parisId));
    const merged = page.getByRole('status', { name: 'Merged' });
    await merged.waitFor();
    expect(await merged.textContent()).toContain('the same event as another incident');
    expect(await merged.locator(`a[href="/incidents/${berlinId}"]`).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
