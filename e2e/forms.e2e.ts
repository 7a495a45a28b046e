import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { buildContact, buildDirective } from '../src/server/engagements/test-builders';
import { apiWrite, createE2eUser, expectAccessible, launchBrowser, newSignedInPage, startE2eServer } from './support';

/**
 * Forms and actions as an officer and an approver meet them: only the markings the officer may
 * write are offered, long texts count their characters, the server's refusal reads as a
 * sentence, a date filter with From after To says so without asking the server, and Approve
 * asks before doing what cannot be undone.
 */
describe('forms and actions', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let directiveId = '';
  let engagementId = '';

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'u.officer@example.org', name: 'Ulla Officer', role: 'officer', post: 'berlin', clearance: 'U' });
    await createE2eUser(server, { email: 'approver@example.org', name: 'Anna Approver', role: 'approver', post: 'berlin', clearance: 'SBU' });
    const directive = await buildDirective(server.database.db, { actionPosts: ['berlin'], points: ['Raise the synthetic point.'] });
    directiveId = directive.id;
    const contactId = await buildContact(server.database.db, { post: 'berlin', name: 'Synthetic Director' });
    browser = await launchBrowser();
    page = await newSignedInPage(browser, server.url, 'u.officer@example.org', errors);
    const draft = (await apiWrite(page, server.url, 'POST', '/api/v1/engagements', {
      occurredAt: new Date(Math.floor((Date.now() - 86_400_000) / 60_000) * 60_000).toISOString(),
      kind: 'meeting',
      classification: 'U',
      directives: [directive.id],
      contacts: [contactId],
      points: [{ talkingPointId: directive.pointIds[0], delivered: true, reception: 'receptive' }],
      ourReadout: 'We met the ministry (synthetic).',
      synthetic: true,
    })) as { id: string };
    engagementId = draft.id;
    await apiWrite(page, server.url, 'POST', `/api/v1/engagements/${engagementId}/submit`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('offers a U-cleared officer only the U marking, counts the readout, and shows the server’s refusal in words', async () => {
    await page.goto(`${server.url}/engagements/new?directive=${directiveId}`);
    const form = page.getByRole('form', { name: 'Engagement', exact: true });
    const marking = form.getByLabel('Classification', { exact: true });
    await marking.waitFor();
    expect(await marking.locator('option').allTextContents()).toEqual(['U — Unclassified']);

    const readout = form.getByLabel('Our readout', { exact: true });
    await readout.fill('We met the director.');
    const countOf = async (field: typeof readout) => {
      const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
      const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
      return texts.find((text) => text?.includes('characters'));
    };
    await expect.poll(() => countOf(readout)).toBe('20 of 20,000 characters');

    // Longer than the server takes: the counter says by how much, the server's answer is a sentence.
    const account = form.getByLabel('Counterpart account', { exact: true });
    await account.fill('x'.repeat(20_001));
    expect(await countOf(account)).toBe('20,001 of 20,000 characters: 1 too many');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => form.locator('.field-error').allTextContents()).toContain('Counterpart account must be at most 20,000 characters');
    // The focus moves to the summary of what went wrong, which points to the marked fields.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check the fields marked below.');
    expect(await page.locator('main').textContent()).not.toMatch(/Too big|expected|Invalid input/);
    await expectAccessible(page, 'the new engagement form with a refused field');
    expect(errors).toEqual([]);
  });

  it('says that From is after To, and does not ask the server', async () => {
    await page.goto(`${server.url}/engagements`);
    await page.getByRole('table', { name: 'Engagements' }).waitFor();
    const asked: string[] = [];
    const listen = (request: Request) => {
      if (request.url().includes('/api/v1/engagements?')) asked.push(request.url());
    };
    page.on('request', listen);
    const filters = page.getByRole('form', { name: 'Filter engagements', exact: true });
    await filters.getByLabel('From', { exact: true }).fill('2026-03-01');
    await filters.getByLabel('To', { exact: true }).fill('2026-01-31');
    await filters.getByRole('button', { name: 'Filter' }).click();
    const alert = filters.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('The “From” date is after the “To” date: choose a “From” date on or before the “To” date.');
    expect(await filters.getByLabel('From', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).not.toContain('from=');
    // A bookmarked range the same way round is not asked of the server either.
    await page.goto(`${server.url}/engagements?from=2026-03-01&to=2026-01-31`);
    await expect.poll(() => page.getByRole('form', { name: 'Filter engagements', exact: true }).getByRole('alert').count()).toBe(1);
    page.off('request', listen);
    expect(asked).toEqual([]);
    await expectAccessible(page, 'the engagement list with From after To');
    expect(errors).toEqual([]);
  });

  it('asks the approver before approving, saying the engagement can never change again', async () => {
    page = await newSignedInPage(browser, server.url, 'approver@example.org', errors, page);
    await page.goto(`${server.url}/engagements/${engagementId}`);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    const ask = page.getByRole('group', { name: 'Approve' });
    await expect.poll(() => ask.textContent()).toContain('An approved engagement can never change again');
    await expectAccessible(page, 'the engagement page asking to confirm approval');
    // Cancel changes nothing.
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Submitted');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('button', { name: 'Approve now' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Approved');
    expect(errors).toEqual([]);
  });
});
