import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../src/server/cadence/reminders';
import type { RunningServer } from '../src/server/main';
import { buildIssuedDirective } from '../src/server/testing/builders';
import { createE2eUser, launchBrowser, newSignedInPage, startE2eServer } from './support';

/**
 * A post that never engaged is overdue once the first due date has passed: a directive issued
 * 40 days ago with a 30-day cadence shows Ottawa overdue on the dashboard, week by week, and
 * in Ottawa's notifications.
 */
describe('a never-engaged post, overdue', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let directive: { id: string; reference: string };

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'analyst@example.org', name: 'Hana Analyst', role: 'hq_analyst', clearance: 'SBU' });
    await createE2eUser(server, { email: 'officer.ottawa@example.org', name: 'Olive Ottawa', role: 'officer', post: 'ottawa', clearance: 'SBU' });
    directive = await buildIssuedDirective(server.database.db, { actionPosts: ['ottawa'], cadenceDays: 30, issuedAt: new Date(Date.now() - 40 * 86_400_000) });
    await runReminders(server.database.db, new Date());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows headquarters Ottawa overdue and never engaged, and each week’s status since the issue', async () => {
    page = await newSignedInPage(browser, server.url, 'analyst@example.org', errors, page);
    await page.goto(`${server.url}/dashboard?directive=${directive.id}`);
    const table = page.getByRole('table', { name: 'Cadence by post' });
    await expect.poll(() => table.getByRole('row', { name: /Ottawa.*Overdue.*never engaged/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('table', { name: 'Roll-up by directive' }).textContent()).toContain('1 of 1 (100%)');
    await page.getByText('The heatmap’s figures as a table').click();
    const weeks = page.getByRole('table', { name: 'Approved engagements per week' });
    // The figures table lists the weeks since the issue: the last week's cell says overdue.
    const lastCell = weeks.locator('tbody tr').first().locator('td').last();
    await expect.poll(() => lastCell.textContent()).toContain('Overdue');
    await page.screenshot({ path: 'test-results/dashboard-overdue.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('tells the Ottawa officer in a notification and on their dashboard', async () => {
    page = await newSignedInPage(browser, server.url, 'officer.ottawa@example.org', errors, page);
    await page.goto(`${server.url}/notifications`);
    const list = page.getByRole('list', { name: 'Notifications' });
    await expect.poll(() => list.textContent()).toContain(`Engagement overdue: ${directive.reference}`);
    expect(await list.textContent()).toContain('Embassy Ottawa should report an engagement');

    // The officer's own deadlines, on the dashboard: their post only, no bureau to choose.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const table = page.getByRole('table', { name: 'Cadence by post' });
    await expect.poll(() => table.getByRole('row', { name: /Ottawa.*Overdue.*never engaged/ }).count()).toBe(1);
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await page.getByRole('form', { name: 'Filter the dashboard', exact: true }).getByLabel('Bureau').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
