import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact } from '../src/server/engagements/test-builders';
import { buildIncident } from '../src/server/incidents/test-builders';
import type { RunningServer } from '../src/server/main';
import { buildEngagement, buildIssuedDirective } from '../src/server/testing/builders';
import { createE2eUser, E2E_PASSWORD, expectAccessible, launchBrowser, newSignedInPage, startE2eServer } from './support';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/**
 * Posts: the list searched, filtered by names and paged; a post's page with the sections its
 * reader may read; the map coloured by a directive's cadence, with its legend.
 */
describe('bureaus and posts', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let reference = '';

  beforeAll(async () => {
    server = await startE2eServer();
    const db = server.database.db;
    await createE2eUser(server, { email: 'analyst@example.org', name: 'Hana Analyst', role: 'hq_analyst', clearance: 'SBU' });
    const officer = await createE2eUser(server, { email: 'officer@example.org', name: 'Otto Officer', role: 'officer', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'approver@example.org', name: 'Anna Approver', role: 'approver', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'reader@example.org', name: 'Uli Unclassified', role: 'officer', post: 'berlin', clearance: 'U' });
    // Berlin on time, Paris due soon (engaged 27 days ago, 30-day cadence), Ottawa never engaged and overdue.
    const directive = await buildIssuedDirective(db, { actionPosts: ['berlin', 'paris', 'ottawa'], cadenceDays: 30, issuedAt: daysAgo(60) });
    reference = directive.reference;
    await buildEngagement(db, { post: 'berlin', draftedBy: officer.id, directiveIds: [directive.id], occurredAt: daysAgo(5) });
    await buildEngagement(db, { post: 'paris', draftedBy: officer.id, directiveIds: [directive.id], occurredAt: daysAgo(27) });
    await buildIncident(db, { post: 'berlin', draftedBy: officer.id, classification: 'SBU', status: 'submitted', placeName: 'Kreuzberg' });
    await buildContact(db, { post: 'berlin', name: 'Synthetic Director Weber', title: 'Director for Migration' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('searches the posts, filters them by bureau and country chosen by name, pages them, and links each to its page', async () => {
    page = await newSignedInPage(browser, server.url, 'analyst@example.org', errors);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bureaus and posts' }).click();
    await page.waitForURL(/\/posts$/);
    const posts = page.getByRole('table', { name: 'Posts' });
    // One page of 50, not all 194 at once; Load more brings the next.
    await expect.poll(() => posts.locator('tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => posts.locator('tbody tr').count()).toBe(100);
    await expectAccessible(page, 'the posts list');

    const filters = page.getByRole('form', { name: 'Filter posts', exact: true });
    await filters.getByLabel('Search').fill('berl');
    await filters.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(() => posts.locator('tbody tr').count()).toBe(1);
    expect(await posts.locator('tbody tr').textContent()).toContain('Embassy Berlin');
    expect(page.url()).toContain('q=berl');

    await filters.getByRole('button', { name: 'Clear filters' }).click();
    // The form is keyed by the address: wait for the one the cleared address renders, or the
    // choices below go to the form about to be replaced.
    await expect.poll(() => page.url()).not.toContain('q=');
    await expect.poll(() => filters.getByRole('button', { name: 'Clear filters' }).count()).toBe(0);
    const bureau = filters.getByRole('combobox', { name: 'Bureau' });
    // Chosen by keyboard once the one match is listed: the list may still be settling under a pointer.
    await bureau.click();
    await bureau.fill('western');
    await expect.poll(() => page.getByRole('option', { name: /Western Hemisphere/ }).count()).toBe(1);
    await bureau.press('ArrowDown');
    await bureau.press('Enter');
    await expect.poll(() => bureau.inputValue()).toContain('Western Hemisphere');
    const country = filters.getByRole('combobox', { name: 'Country' });
    await country.click();
    await country.fill('canad');
    await expect.poll(() => page.getByRole('option', { name: /^Canada/ }).count()).toBe(1);
    await country.press('ArrowDown');
    await country.press('Enter');
    await expect.poll(() => country.inputValue()).toContain('Canada');
    await filters.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(() => posts.locator('tbody tr').count()).toBe(1);
    expect(await posts.locator('tbody tr').textContent()).toContain('Embassy Ottawa');
    expect(page.url()).toMatch(/bureau=WHA.*country=CA|country=CA.*bureau=WHA/);

    await filters.getByLabel('Search').fill('berl');
    await filters.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(() => page.getByText('No post matches these filters.').count()).toBe(1);
    await expectAccessible(page, 'the posts list with no match');

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    // The unfiltered list comes back as it was left (two pages).
    await expect.poll(() => posts.locator('tbody tr').count()).toBe(100);
    await filters.getByLabel('Search').fill('berlin');
    await filters.getByRole('button', { name: 'Filter', exact: true }).click();
    await posts.getByRole('link', { name: 'Embassy Berlin' }).click();
    await page.waitForURL(/\/posts\/berlin$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Embassy Berlin');
    expect(errors).toEqual([]);
  });

  it('shows headquarters a post’s deadlines, engagements, incidents awaiting verification and contacts', async () => {
    await page.goto(`${server.url}/posts/berlin`);
    const details = page.locator('dl.details');
    // The bureau's name arrives with the bureaus list, after the post itself.
    await expect.poll(() => details.textContent()).toMatch(/Embassy.*Berlin.*Germany \(DE\).*Europe.*\(EUR\)/);

    const deadlines = page.getByRole('table', { name: 'Deadlines across directives' });
    await expect.poll(() => deadlines.locator('tbody tr').count()).toBe(1);
    expect(await deadlines.locator('tbody tr').textContent()).toMatch(new RegExp(`${reference}.*30 days.*On time`));
    const engagements = page.getByRole('table', { name: 'Engagements at this post, newest first' });
    await expect.poll(() => engagements.locator('tbody tr').count()).toBe(1);
    expect(await engagements.locator('tbody tr a').getAttribute('href')).toMatch(/^\/engagements\/[0-9a-f-]{36}$/);
    const incidents = page.getByRole('list', { name: 'Incidents of this post awaiting verification' });
    await expect.poll(() => incidents.getByRole('listitem').count()).toBe(1);
    expect(await incidents.textContent()).toContain('Kreuzberg');
    // Headquarters does not verify: the link goes to the filtered list, not the triage queue.
    expect(await page.getByRole('link', { name: 'All submitted incidents of this post' }).count()).toBe(1);
    const contacts = page.getByRole('table', { name: 'Contacts of this post' });
    await expect.poll(() => contacts.textContent()).toContain('Synthetic Director Weber');
    await expectAccessible(page, 'a post’s page as headquarters');
    await page.screenshot({ path: 'test-results/post-page.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('shows an officer their own post’s deadlines, and no section of another post', async () => {
    page = await newSignedInPage(browser, server.url, 'officer@example.org', errors, page);
    await page.goto(`${server.url}/posts/berlin`);
    const deadlines = page.getByRole('table', { name: 'Deadlines across directives' });
    await expect.poll(() => deadlines.locator('tbody tr').count()).toBe(1);
    expect(await deadlines.textContent()).toContain('On time');

    await page.goto(`${server.url}/posts/paris`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Embassy Paris');
    expect(await page.locator('dl.details').textContent()).toContain('France');
    // Paris is outside the officer's scope: its sections are absent, not shown empty.
    for (const heading of ['Deadlines across directives', 'Engagements', 'Incidents awaiting verification', 'Contacts']) {
      expect(await page.getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(0);
    }
    await expectAccessible(page, 'another post’s page as an officer');
    expect(errors).toEqual([]);
  });

  it('shows the SBU incident awaiting verification to the post’s approver, with the triage queue, and not to a U-cleared reader', async () => {
    page = await newSignedInPage(browser, server.url, 'approver@example.org', errors, page);
    await page.goto(`${server.url}/posts/berlin`);
    const incidents = page.getByRole('list', { name: 'Incidents of this post awaiting verification' });
    await expect.poll(() => incidents.getByRole('listitem').count()).toBe(1);
    expect(await incidents.textContent()).toContain('Kreuzberg');
    await page.getByRole('link', { name: 'Open the triage queue' }).click();
    await page.waitForURL(/\/incidents\/triage$/);

    page = await newSignedInPage(browser, server.url, 'reader@example.org', errors, page);
    await page.goto(`${server.url}/posts/berlin`);
    const section = page.getByRole('region', { name: 'Incidents awaiting verification' });
    await expect.poll(() => section.getByText('No incident of this post that you may see awaits verification.').count()).toBe(1);
    expect(await section.textContent()).not.toContain('Kreuzberg');
    await expectAccessible(page, 'a post’s page as a U-cleared officer');
    expect(errors).toEqual([]);
  });

  it('colours the posts on the map by a chosen directive’s cadence, with a legend that counts each colour, and opens a post on click', async () => {
    page = await newSignedInPage(browser, server.url, 'analyst@example.org', errors, page);
    await page.goto(`${server.url}/posts`);
    await page.getByRole('link', { name: 'Map of posts' }).click();
    await page.waitForURL(/\/posts\/map$/);
    const map = page.getByTestId('posts-map');
    const total = Number(await map.getAttribute('data-points'));
    expect(total).toBeGreaterThan(150);
    // Drawn: the country shapes plus one marker per post.
    await expect.poll(() => map.locator('svg path').count()).toBeGreaterThan(total + 100);
    const legend = page.getByRole('list', { name: 'Map legend' });
    expect(await legend.textContent()).toBe(`Post: ${total}`);

    const picker = page.getByRole('combobox', { name: 'Directive' });
    await picker.click();
    await picker.fill(reference.slice(0, 8));
    await page.getByRole('option', { name: new RegExp(reference) }).click();
    await expect
      .poll(() => legend.getByRole('listitem').allTextContents())
      .toEqual([
        'Overdue: 1',
        'Due soon: 1',
        'On time: 1',
        'Of these, no engagement yet (hollow marker): 1',
        `Not an action post of this directive: ${total - 3}`,
      ]);
    expect(page.url()).toContain('directive=');
    // Berlin's marker is the one in the on-time colour; Ottawa's is hollow, ringed in the overdue colour.
    await expect.poll(() => map.locator('svg path[fill="#009e73"]').count()).toBe(1);
    expect(await map.locator('svg path[fill="#fff"][stroke="#d55e00"], svg path[fill="#ffffff"][stroke="#d55e00"]').count()).toBe(1);
    await expectAccessible(page, 'the map of posts coloured by a directive');
    await map.screenshot({ path: 'test-results/posts-map.png' });

    await map.locator('svg path[fill="#009e73"]').click();
    await page.waitForURL(/\/posts\/berlin$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Embassy Berlin');
    expect(errors).toEqual([]);
  });

  it('draws the map without an error when its box has no size at first (laid out late, or hidden)', async () => {
    const context = await browser.newContext();
    // A constructed style sheet (the CSP refuses inline styles) keeps the map's box at no height until released.
    await context.addInitScript(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('.posts-map { height: 0 !important; }');
      document.adoptedStyleSheets = [sheet];
    });
    const late = await context.newPage();
    late.on('pageerror', (error) => errors.push(error.message));
    await late.goto(`${server.url}/sign-in`);
    await late.getByLabel('Email', { exact: true }).fill('analyst@example.org');
    await late.getByLabel('Password', { exact: true }).fill(E2E_PASSWORD);
    await late.getByRole('button', { name: 'Sign in' }).click();
    await late.getByRole('button', { name: 'Sign out' }).waitFor();
    await late.goto(`${server.url}/posts/map`);
    const map = late.getByTestId('posts-map');
    await map.waitFor();
    await late.waitForTimeout(300);
    expect(await map.locator('svg path').count()).toBe(0);
    await late.evaluate(() => {
      document.adoptedStyleSheets = [];
    });
    await expect.poll(() => map.locator('svg path').count()).toBeGreaterThan(250);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('shows a page-not-found message for an unknown address and an unknown post', async () => {
    page = await newSignedInPage(browser, server.url, 'analyst@example.org', errors, page);
    await page.goto(`${server.url}/no-such-page`);
    await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).count()).toBe(1);
    await page.goto(`${server.url}/posts/atlantis`);
    await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
