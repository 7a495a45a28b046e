import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { buildContact, buildDirective } from '../src/server/engagements/test-builders';
import { apiWrite, createE2eUser, launchBrowser, newSignedInPage, startE2eServer } from './support';

/**
 * The shared record workflow as people use it: an approver returns an engagement with a
 * reason; the officer reads it in a notification and on the record, edits and resubmits; a
 * second approver approves; the first approver's "awaiting approval" item is resolved.
 */
describe('return with a reason, resubmit, approve by a second person', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let engagementId = '';
  const reason = 'Name the ministry you met and the date of its reply.';

  const nav = () => page.getByRole('navigation', { name: 'Main' });

  async function signInAs(email: string): Promise<void> {
    page = await newSignedInPage(browser, server.url, email, errors, page);
  }
  const post = async (path: string, data?: unknown) => (await apiWrite(page, server.url, 'POST', path, data)) as { id: string };

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'officer@example.org', name: 'Otto Officer', role: 'officer', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'first.approver@example.org', name: 'Anna First', role: 'approver', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'second.approver@example.org', name: 'Bea Second', role: 'approver', post: 'berlin', clearance: 'SBU' });
    const directive = await buildDirective(server.database.db, { actionPosts: ['berlin'], points: ['Raise the synthetic point.'] });
    const contactId = await buildContact(server.database.db, { post: 'berlin', name: 'Synthetic Director' });
    browser = await launchBrowser();
    await signInAs('officer@example.org');
    const draft = await post('/api/v1/engagements', {
      // On the minute, as the form records it.
      occurredAt: new Date(Math.floor((Date.now() - 86_400_000) / 60_000) * 60_000).toISOString(),
      kind: 'meeting',
      classification: 'U',
      directives: [directive.id],
      contacts: [contactId],
      points: [{ talkingPointId: directive.pointIds[0], delivered: true, reception: 'receptive' }],
      ourReadout: 'We met the ministry (synthetic).',
      synthetic: true,
    });
    engagementId = draft.id;
    await post(`/api/v1/engagements/${engagementId}/submit`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets the first approver open the request from a notification and return it, only with a reason', async () => {
    await signInAs('first.approver@example.org');
    await nav()
      .getByRole('link', { name: /Notifications, 1 unread/ })
      .click();
    await page.getByRole('link', { name: 'Engagement awaiting approval' }).click();
    await page.waitForURL(new RegExp(`/engagements/${engagementId}$`));
    // Opening it read it.
    await expect.poll(() => nav().getByRole('link', { name: 'Notifications', exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: 'Return to drafter' }).click();
    const form = page.getByRole('form', { name: 'Return to drafter', exact: true });
    expect(await form.getByRole('button', { name: 'Return now' }).isDisabled()).toBe(true);
    await form.getByLabel(/What should Otto Officer change/).fill(reason);
    await form.getByRole('button', { name: 'Return now' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Draft');
    expect(errors).toEqual([]);
  });

  it('shows the officer the reason in a notification, on the record and in its timeline; the officer edits and resubmits', async () => {
    await signInAs('officer@example.org');
    await nav()
      .getByRole('link', { name: /Notifications, 1 unread/ })
      .click();
    const item = page.getByRole('listitem').filter({ hasText: 'Engagement returned to draft' });
    await expect.poll(() => item.textContent()).toContain(`Anna First returned your meeting at Embassy Berlin`);
    expect(await item.textContent()).toContain(reason);
    await item.getByRole('link', { name: 'Engagement returned to draft' }).click();
    await page.waitForURL(new RegExp(`/engagements/${engagementId}$`));

    const notice = page.getByRole('status', { name: 'Returned to draft' });
    await expect.poll(() => notice.textContent()).toContain(reason);
    expect(await notice.textContent()).toContain('Returned by Anna First');
    const timeline = page.getByRole('list', { name: 'Activity' });
    await expect.poll(() => timeline.textContent()).toContain('Anna First returned it to draft');
    expect(await timeline.textContent()).toContain(reason);
    await page.screenshot({ path: 'test-results/returned-engagement.png', fullPage: true });

    await page.getByRole('link', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Engagement', exact: true });
    await edit.getByLabel('Our readout', { exact: true }).fill('We met the Ministry of the Interior; it will reply by the end of the month (synthetic).');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`/engagements/${engagementId}$`));
    await expect.poll(() => page.getByRole('list', { name: 'Activity' }).textContent()).toContain('Otto Officer edited our readout');
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByRole('button', { name: 'Submit now' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Submitted');
    expect(await page.getByRole('status', { name: 'Returned to draft' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lets a second approver approve, and resolves the first approver’s “awaiting approval” item', async () => {
    await signInAs('second.approver@example.org');
    await page.goto(`${server.url}/engagements/${engagementId}`);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('button', { name: 'Approve now' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Approved');

    await signInAs('first.approver@example.org');
    await expect.poll(() => nav().getByRole('link', { name: 'Notifications', exact: true }).count()).toBe(1);
    await nav().getByRole('link', { name: 'Notifications' }).click();
    const items = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    const newest = items.first();
    expect(await newest.textContent()).toContain('Resolved: approved');
    expect(await newest.textContent()).not.toContain('Unread');
    expect(await page.getByRole('button', { name: 'Mark all as read' }).count()).toBe(0);
    await page.screenshot({ path: 'test-results/notifications-resolved.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
