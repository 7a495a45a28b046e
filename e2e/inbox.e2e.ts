import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { buildContact, buildDirective } from '../src/server/engagements/test-builders';
import { buildIssuedDirective } from '../src/server/testing/builders';
import { apiWrite, createE2eUser, expectAccessible, launchBrowser, newSignedInPage, startE2eServer } from './support';

/**
 * The home page as each person's inbox: an approver finds a submitted engagement there,
 * approves it from its page and, back home, it is gone; an officer finds the draft an approver
 * returned with the reason, and the post's overdue deadline.
 */
describe('home inbox', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let waitingId = '';
  let returnedId = '';
  let overdueReference = '';
  const reason = 'Add what the ministry committed to, with a date.';

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const region = (name: RegExp) => page.getByRole('region', { name });
  async function signInAs(email: string): Promise<void> {
    page = await newSignedInPage(browser, server.url, email, errors, page);
  }
  const post = async (path: string, data?: unknown) => (await apiWrite(page, server.url, 'POST', path, data)) as { id: string };

  beforeAll(async () => {
    server = await startE2eServer();
    const db = server.database.db;
    await createE2eUser(server, { email: 'olga@example.org', name: 'Olga Officer', role: 'officer', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'arne@example.org', name: 'Arne Approver', role: 'approver', post: 'berlin', clearance: 'SBU' });
    // Issued 40 days ago with a 30-day cadence, and Berlin never engaged under it: overdue.
    overdueReference = (await buildIssuedDirective(db, { actionPosts: ['berlin'], cadenceDays: 30, issuedAt: new Date(Date.now() - 40 * 86_400_000) }))
      .reference;
    const directive = await buildDirective(db, { actionPosts: ['berlin'], points: ['Raise the synthetic point.'] });
    const contactId = await buildContact(db, { post: 'berlin', name: 'Synthetic Director' });
    browser = await launchBrowser();

    await signInAs('olga@example.org');
    const draft = (readout: string) =>
      post('/api/v1/engagements', {
        occurredAt: new Date(Math.floor((Date.now() - 86_400_000) / 60_000) * 60_000).toISOString(),
        kind: 'meeting',
        classification: 'U',
        directives: [directive.id],
        contacts: [contactId],
        points: [{ talkingPointId: directive.pointIds[0], delivered: true, reception: 'receptive' }],
        ourReadout: readout,
        synthetic: true,
      });
    waitingId = (await draft('We met the ministry (synthetic).')).id;
    returnedId = (await draft('We called the ministry (synthetic).')).id;
    for (const id of [waitingId, returnedId]) await post(`/api/v1/engagements/${id}/submit`);
    await signInAs('arne@example.org');
    await post(`/api/v1/engagements/${returnedId}/return`, { reason });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows an approver the submitted engagement; approved from its page, it is gone from the inbox', async () => {
    await page.goto(server.url);
    const awaiting = region(/^Awaiting your approval/);
    const link = awaiting.locator(`a[href="/engagements/${waitingId}"]`);
    await link.waitFor();
    expect(await awaiting.getByRole('heading').textContent()).toContain('(1)');
    expect(await awaiting.textContent()).toContain('drafted by Olga Officer');
    // The returned one waits on its drafter, not on the approver.
    expect(await awaiting.locator(`a[href="/engagements/${returnedId}"]`).count()).toBe(0);
    await expectAccessible(page, 'the approver’s home inbox');
    await page.screenshot({ path: 'test-results/home-inbox-approver.png', fullPage: true });

    await link.click();
    await page.waitForURL(new RegExp(`/engagements/${waitingId}$`));
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    await expectAccessible(page, 'the engagement opened from the inbox');
    await page.getByRole('button', { name: 'Approve' }).click();
    // Approving can never be undone: the page asks first.
    await page.getByRole('group', { name: 'Approve' }).getByRole('button', { name: 'Approve now' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Approved');

    await nav().getByRole('link', { name: 'Overview' }).click();
    await awaiting.getByText(/^Nothing awaits your approval or verification/).waitFor();
    expect(await awaiting.locator(`a[href="/engagements/${waitingId}"]`).count()).toBe(0);
    expect(await awaiting.getByRole('heading').textContent()).toContain('(0)');
    await expectAccessible(page, 'the approver’s emptied home inbox');
    expect(errors).toEqual([]);
  });

  it('shows an officer the draft returned to them with its reason, and their post’s overdue deadline', async () => {
    await signInAs('olga@example.org');
    const returned = region(/^Returned to you/);
    await returned.locator(`a[href="/engagements/${returnedId}"]`).waitFor();
    expect(await returned.textContent()).toContain('returned by Arne Approver');
    expect(await returned.textContent()).toContain(reason);

    const deadlines = region(/^Deadlines of Embassy Berlin/);
    const row = deadlines.getByRole('listitem').filter({ hasText: overdueReference });
    await row.waitFor();
    expect(await row.textContent()).toContain('Overdue');
    expect(await row.textContent()).toContain('no approved engagement since it was issued');
    // An officer decides nothing: no approval section.
    expect(await region(/^Awaiting your approval/).count()).toBe(0);
    await expectAccessible(page, 'the officer’s home inbox');
    await page.screenshot({ path: 'test-results/home-inbox-officer.png', fullPage: true });

    await returned.locator(`a[href="/engagements/${returnedId}"]`).click();
    await page.waitForURL(new RegExp(`/engagements/${returnedId}$`));
    await page.getByRole('status', { name: 'Returned to draft' }).waitFor();
    await expectAccessible(page, 'the returned engagement opened from the inbox');
    expect(errors).toEqual([]);
  });
});
