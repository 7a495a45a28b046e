import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posts } from '../src/server/db/schema/index';
import type { RunningServer } from '../src/server/main';
import { buildEngagement, buildIssuedDirective } from '../src/server/testing/builders';
import { createE2eUser, launchBrowser, newSignedInPage, startE2eServer } from './support';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/**
 * Coverage of a directive to Berlin and a Frankfurt consulate (Germany), Paris, Ottawa, Tokyo
 * and Singapore, with three points: for all action posts, for EUR only, and for Brazil (where
 * no action post is). Approved deliveries: Berlin (latest receptive, an older one disagreed),
 * Frankfurt non-committal, Paris disagreed, Ottawa with no reception recorded; Tokyo's is a
 * draft and does not count.
 */
describe('coverage of the talking points', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let directiveId = '';
  let quietDirectiveId = '';

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'analyst@example.org', name: 'Hana Analyst', role: 'hq_analyst', clearance: 'SBU' });
    await createE2eUser(server, { email: 'africa@example.org', name: 'Ada Africa', role: 'bureau_analyst', bureau: 'AF', clearance: 'SBU' });
    const officer = await createE2eUser(server, { email: 'officer@example.org', name: 'Otto Officer', role: 'officer', post: 'berlin', clearance: 'SBU' });
    const db = server.database.db;
    await db.insert(posts).values({
      code: 'frankfurt',
      name: 'Consulate General Frankfurt',
      kind: 'consulate_general',
      countryAlpha2: 'DE',
      city: 'Frankfurt',
      lat: 50.11,
      lon: 8.68,
      bureauCode: 'EUR',
    });

    const directive = await buildIssuedDirective(db, {
      actionPosts: ['berlin', 'frankfurt', 'paris', 'ottawa', 'tokyo', 'singapore'],
      infoPosts: ['nairobi'],
      points: [
        { text: 'We encourage your government to share data on public safety with its partners.' },
        { text: 'We ask your government to share its assessment of European migration cooperation.', scope: 'bureaus', bureaus: ['EUR'] },
        { text: 'We welcome your government’s regional leadership.', scope: 'countries', countries: ['BR'] },
      ],
    });
    directiveId = directive.id;
    const [all, eur] = directive.pointIds as [string, string, string];
    const deliver = (
      post: string,
      days: number,
      points: { talkingPointId: string; reception: 'receptive' | 'noncommittal' | 'disagreed' | null }[],
      status?: 'draft',
    ) =>
      buildEngagement(db, {
        post,
        draftedBy: officer.id,
        directiveIds: [directiveId],
        occurredAt: daysAgo(days),
        status,
        points: points.map((point) => ({ ...point, delivered: true })),
      });
    await deliver('berlin', 10, [{ talkingPointId: all, reception: 'disagreed' }]);
    await deliver('berlin', 2, [
      { talkingPointId: all, reception: 'receptive' },
      { talkingPointId: eur, reception: 'receptive' },
    ]);
    await deliver('frankfurt', 3, [{ talkingPointId: all, reception: 'noncommittal' }]);
    await deliver('paris', 4, [
      { talkingPointId: all, reception: 'disagreed' },
      { talkingPointId: eur, reception: null },
    ]);
    await deliver('ottawa', 5, [{ talkingPointId: all, reception: null }]);
    await deliver('tokyo', 1, [{ talkingPointId: all, reception: 'receptive' }], 'draft');

    quietDirectiveId = (await buildIssuedDirective(db, { actionPosts: ['berlin', 'ottawa'], points: [{ text: 'A point nobody has raised yet.' }] })).id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const panel = () => page.locator('section.panel', { has: page.getByRole('heading', { name: 'Coverage of the talking points' }) });
  const rowTexts = (table: ReturnType<Page['getByRole']>, part: 'tbody' | 'tfoot' = 'tbody') =>
    table.locator(`${part} tr`).evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')));

  it('shows each point as a share of its applicable posts, with the reception mix of the posts that delivered it', async () => {
    page = await newSignedInPage(browser, server.url, 'analyst@example.org', errors);
    await page.goto(`${server.url}/directives/${directiveId}`);
    const coverage = page.getByRole('table', { name: 'Coverage by talking point' });
    await expect.poll(() => coverage.locator('tbody tr').count()).toBe(3);
    const rows = await rowTexts(coverage);
    expect(rows.map((row) => row.slice(1))).toEqual([
      ['4 of 6 applicable posts (67%)', '1 (25%)', '1 (25%)', '1 (25%)', '1 (25%)'],
      ['2 of 3 applicable posts (67%)', '1 (50%)', '0 (0%)', '0 (0%)', '1 (50%)'],
      ['applies to none of your posts', '—', '—', '—', '—'],
    ]);
    await expect.poll(() => page.getByTestId('coverage-chart').locator('svg path').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('coverage-chart').textContent()).toContain('4 of 6 (67%)');
  });

  it('shows reception by country for the chosen point, as a table and a map', async () => {
    const picker = panel().getByLabel('Talking point', { exact: true });
    // The first point delivered anywhere is chosen to begin with.
    expect(await picker.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toMatch(/^1\. We encourage/);
    const byCountry = page.getByRole('table', { name: 'Reception of point 1 by country' });
    await expect
      .poll(() => rowTexts(byCountry))
      .toEqual([
        ['Canada', '1 of 1', '0', '0', '0', '1'],
        ['France', '1 of 1', '0', '0', '1', '0'],
        ['Germany', '2 of 2', '1', '1', '0', '0'],
        // Applicable, not delivered: listed, so a reader sees the gap.
        ['Japan', '0 of 1', '0', '0', '0', '0'],
        ['Singapore', '0 of 1', '0', '0', '0', '0'],
      ]);
    expect(await rowTexts(byCountry, 'tfoot')).toEqual([['All countries', '4 of 6', '1 (25%)', '1 (25%)', '1 (25%)', '1 (25%)']]);

    const map = page.getByRole('region', { name: 'Map of reception of point 1 by country' });
    await expect.poll(() => map.locator('svg path').count()).toBeGreaterThan(100);
    expect(await map.getByRole('list', { name: 'Map legend' }).textContent()).toContain('Delivered: mixed reception');
    // Singapore is an action post but too small for the 1:110m shapes: named under the map instead.
    expect(await map.textContent()).toContain('Too small to draw on this map: Singapore');

    // With the keyboard: the next point in the list.
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    const eur = page.getByRole('table', { name: 'Reception of point 2 by country' });
    await expect
      .poll(() => rowTexts(eur))
      .toEqual([
        ['France', '1 of 1', '0', '0', '0', '1'],
        ['Germany', '1 of 2', '1', '0', '0', '0'],
      ]);
    expect(await panel().locator('.point-full-text').textContent()).toMatch(/European migration cooperation\. \(EUR only\)$/);
    await expect.poll(() => page.getByRole('region', { name: 'Map of reception of point 2 by country' }).locator('svg').count()).toBe(1);

    // Back to point 1 for the picture.
    await picker.selectOption({ index: 0 });
    await byCountry.waitFor();
    await panel().screenshot({ path: 'test-results/coverage.png' });
  });

  it('says when a point applies to none of the reader’s posts', async () => {
    await panel().getByLabel('Talking point', { exact: true }).selectOption({ index: 2 });
    await expect.poll(() => panel().getByText('Point 3 applies to none of your posts').count()).toBe(1);
    expect(await page.getByRole('region', { name: /Map of reception/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('says when nothing has been delivered yet', async () => {
    await page.goto(`${server.url}/directives/${quietDirectiveId}`);
    await expect.poll(() => panel().getByText('No post has delivered a talking point yet').count()).toBe(1);
    expect(await rowTexts(page.getByRole('table', { name: 'Coverage by talking point' }))).toEqual([
      ['1. A point nobody has raised yet.', '0 of 2 applicable posts (0%)', '—', '—', '—', '—'],
    ]);
    expect(await panel().getByText('No post has delivered point 1 yet').count()).toBe(1);
    // The map still shows where the action posts are.
    await expect.poll(() => page.getByRole('region', { name: 'Map of reception of point 1 by country' }).locator('svg path').count()).toBeGreaterThan(100);
    await panel().screenshot({ path: 'test-results/coverage-nothing-delivered.png' });
    expect(errors).toEqual([]);
  });

  it('says when the reader sees none of the posts the points apply to', async () => {
    // Africa's bureau has an info post only: the directive is addressed to it, its points are not.
    page = await newSignedInPage(browser, server.url, 'africa@example.org', errors, page);
    await page.goto(`${server.url}/directives/${directiveId}`);
    await expect.poll(() => panel().getByText('No talking point of this directive applies to a post you may see').count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Coverage by talking point' }).count()).toBe(0);
    expect(await page.getByTestId('coverage-chart').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
