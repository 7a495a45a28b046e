import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import type { TIncident } from '../src/shared/incidents';
import { apiWrite, createE2eUser, expectAccessible, launchBrowser, newSignedInPage, startE2eServer } from './support';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
const source = (outlet: string, reliability: 'A' | 'B' | 'C') => ({
  url: `https://example.org/${encodeURIComponent(outlet)}`,
  outlet,
  language: 'de',
  type: 'media',
  reliability,
  credibility: 2,
  suspectStatus: 'not_stated',
});

/**
 * What a post and headquarters do on an incident's page once it is filed: record a change of
 * legal status with the source that states it, remove a source (never the last), find the
 * submitted ones in the triage queue, undo a merge, and narrow the map by month.
 */
describe('an incident’s page, the triage queue and the map', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const ids = { recent: '', older: '', twin: '' };

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'officer@example.org', name: 'Otto Officer', role: 'officer', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'approver@example.org', name: 'Anna Approver', role: 'approver', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'analyst@example.org', name: 'Bea Analyst', role: 'bureau_analyst', bureau: 'EUR', clearance: 'SBU' });
    browser = await launchBrowser();
    page = await newSignedInPage(browser, server.url, 'officer@example.org', errors);
    const file = async (body: object) =>
      (
        (await apiWrite(page, server.url, 'POST', '/api/v1/incidents', {
          country: 'DE',
          geoPrecision: 'district',
          category: 'public_disorder',
          classification: 'U',
          synthetic: true,
          ...body,
        })) as TIncident
      ).id;
    ids.recent = await file({
      placeName: 'Neukölln, Berlin',
      latitude: 52.48,
      longitude: 13.43,
      occurredOn: daysAgo(2),
      summary: 'Synthetic: a crowd threw bottles at a bus stop after a football match; two people were hurt.',
      sources: [source('Synthetic Tagesblatt', 'B'), source('Synthetic police bulletin', 'A')],
    });
    ids.older = await file({
      placeName: 'Spandau, Berlin',
      latitude: 52.53,
      longitude: 13.2,
      occurredOn: daysAgo(120),
      summary: 'Synthetic: shop windows were smashed on a market street during the night; nobody was hurt.',
      sources: [source('Synthetic Abendpost', 'C'), source('Synthetic district office', 'B')],
    });
    ids.twin = await file({
      placeName: 'Neukölln, Berlin',
      occurredOn: daysAgo(2),
      summary: 'Synthetic: bottles were thrown at a bus stop in Neukölln after a football match; two hurt.',
      sources: [source('Synthetic Morgenzeitung', 'C')],
    });
    await apiWrite(page, server.url, 'POST', `/api/v1/incidents/${ids.recent}/submit`);
    await apiWrite(page, server.url, 'POST', `/api/v1/incidents/${ids.twin}/submit`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records a change of legal status with the source that states it, shown in words on the timeline', async () => {
    await page.goto(`${server.url}/incidents/${ids.older}`);
    await page.getByRole('button', { name: 'Record a change of legal status' }).click();
    const form = page.getByRole('form', { name: 'Record a change of legal status', exact: true });
    await form.getByLabel('New legal status').selectOption('under_investigation');
    await form.getByLabel('In effect since').fill(daysAgo(100));
    await form.getByLabel('Stated by').selectOption({ label: 'Synthetic district office' });
    await expectAccessible(page, 'the legal status form');
    await form.getByRole('button', { name: 'Record' }).click();

    const history = page.getByRole('list', { name: 'Legal status history' });
    await expect.poll(() => history.getByRole('listitem').count()).toBe(2);
    const latest = await history.getByRole('listitem').last().textContent();
    expect(latest).toContain('Under investigation (no charge)');
    expect(latest).toContain('as stated by Synthetic district office');
    expect(errors).toEqual([]);
  });

  it('removes a source after asking, and refuses to leave the incident without one', async () => {
    await page.goto(`${server.url}/incidents/${ids.older}`);
    const sources = page.getByRole('table', { name: /Sources of the incident/ });
    await expect.poll(() => sources.getByRole('row').count()).toBe(3);
    // The district office states the legal status: only the other source may go.
    await page.getByRole('button', { name: 'Remove Synthetic Abendpost' }).click();
    await page.getByRole('group', { name: 'Remove Synthetic Abendpost' }).getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => sources.getByRole('row').count()).toBe(2);
    expect(await sources.textContent()).not.toContain('Synthetic Abendpost');
    await page.getByText('The only source cannot be removed').waitFor();
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    await expectAccessible(page, 'an incident with one source left');
    expect(errors).toEqual([]);
  });

  it('shows the post’s approver the submitted incident in the triage queue, and not the drafts', async () => {
    page = await newSignedInPage(browser, server.url, 'approver@example.org', errors, page);
    await page.goto(`${server.url}/incidents/triage`);
    const queue = page.getByRole('table', { name: /Incidents awaiting verification/ });
    await queue.waitFor();
    const rowOf = (id: string) => queue.getByRole('row').filter({ has: page.locator(`a[href="/incidents/${id}"]`) });
    await expect.poll(() => rowOf(ids.recent).count()).toBe(1);
    expect(await rowOf(ids.twin).count()).toBe(1);
    expect(await rowOf(ids.older).count()).toBe(0);
    expect(await queue.textContent()).toContain('Drafted by Otto Officer');
    await expectAccessible(page, 'the triage queue');
    expect(errors).toEqual([]);
  });

  it('lets the analyst undo a merge from the merged incident, which gets its own source back', async () => {
    page = await newSignedInPage(browser, server.url, 'analyst@example.org', errors, page);
    await apiWrite(page, server.url, 'POST', `/api/v1/incidents/${ids.twin}/merge`, { into: ids.recent });
    await page.goto(`${server.url}/incidents/${ids.recent}`);
    const survivorSources = page.getByRole('table', { name: /Sources of the incident/ });
    await expect.poll(() => survivorSources.textContent()).toContain('Synthetic Morgenzeitung');

    await page.goto(`${server.url}/incidents/${ids.twin}`);
    const banner = page.getByRole('status', { name: 'Merged' });
    await banner.waitFor();
    await expectAccessible(page, 'a merged incident');
    await banner.getByRole('button', { name: 'Undo merge' }).click();
    await banner.getByRole('button', { name: 'Undo merge now' }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Merged' }).count()).toBe(0);
    const ownSources = page.getByRole('table', { name: /Sources of the incident/ });
    await expect.poll(() => ownSources.textContent()).toContain('Synthetic Morgenzeitung');

    await page.goto(`${server.url}/incidents/${ids.recent}`);
    await expect.poll(() => survivorSources.getByRole('row').count()).toBe(3);
    expect(await survivorSources.textContent()).not.toContain('Synthetic Morgenzeitung');
    expect(errors).toEqual([]);
  });

  it('narrows the map to the months chosen on the slider', async () => {
    // The officer who drafted them sees both incidents with coordinates, the draft included.
    page = await newSignedInPage(browser, server.url, 'officer@example.org', errors, page);
    await page.goto(`${server.url}/incidents/map`);
    const places = page.getByRole('table', { name: /Places on the map/ });
    await expect.poll(() => places.getByRole('row').count()).toBe(3);
    await expectAccessible(page, 'the map of incidents');

    // From this month on: the incident of four months ago leaves the map.
    const from = page.getByRole('slider', { name: 'From month' });
    await from.focus();
    await from.press('End');
    await expect.poll(() => page.locator('.month-range-output').textContent()).toMatch(/^From /);
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toMatch(/^\d{4}-\d{2}-01$/);
    await expect.poll(() => places.getByRole('row').count()).toBe(2);
    expect(await places.textContent()).toContain('Neukölln, Berlin');
    expect(await places.textContent()).not.toContain('Spandau, Berlin');
    expect(errors).toEqual([]);
  });
});
