import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { buildContact, buildEngagement } from '../src/server/engagements/test-builders';
import { createE2eUser, expectAccessible, launchBrowser, newSignedInPage, startE2eServer } from './support';

/**
 * The contact directory as a bureau analyst and a post's officer use it: filtered through a
 * picker with the keyboard, a contact's engagement history showing each reader only what they
 * may see, a new contact recorded, and two records of the same official merged after comparing
 * them side by side, landing on the one kept with the engagements of both.
 */
describe('contacts: directory, history and merge', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const ids: Record<string, string> = {};

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const directory = () => page.getByRole('table', { name: /^Contacts by name/ });
  const history = () => page.getByRole('table', { name: /^Engagements with/ });
  /** Types into a picker, moves to the option with the arrow key and chooses it with Enter. */
  async function chooseByKeyboard(picker: Locator, typed: string, option: RegExp): Promise<void> {
    await picker.focus();
    await page.keyboard.type(typed);
    const choice = page.getByRole('option', { name: option });
    await choice.waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => choice.getAttribute('data-focused')).toBe('true');
    await page.keyboard.press('Enter');
  }
  const names = async () => (await directory().locator('tbody tr td:first-child a').allTextContents()).map((name) => name.trim());

  beforeAll(async () => {
    server = await startE2eServer();
    const db = server.database.db;
    const officer = await createE2eUser(server, { email: 'officer@example.org', name: 'Otto Officer', role: 'officer', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'analyst@example.org', name: 'Ada Analyst', role: 'bureau_analyst', bureau: 'EUR', clearance: 'U' });
    ids.alpha = await buildContact(db, { post: 'berlin', name: 'Director Alpha (synthetic)', title: 'Director for Migration' });
    ids.alfa = await buildContact(db, { post: 'berlin', name: 'Director Alfa (synthetic)', title: 'Director, Migration' });
    ids.editor = await buildContact(db, {
      post: 'berlin',
      name: 'Editor Berg (synthetic)',
      title: 'Editor',
      organization: 'Synthetic Daily',
      organizationType: 'media',
    });
    ids.paris = await buildContact(db, { post: 'paris', name: 'Conseillère Paris (synthetic)', title: 'Adviser' });
    const berlin = { post: 'berlin', draftedBy: officer.id };
    ids.uMeeting = (await buildEngagement(db, { ...berlin, contacts: [ids.alpha], status: 'approved', occurredAt: '2025-11-10T09:00:00Z' })).id;
    ids.sbuCall = (
      await buildEngagement(db, { ...berlin, contacts: [ids.alpha], status: 'submitted', classification: 'SBU', occurredAt: '2025-12-01T09:00:00Z' })
    ).id;
    ids.alfaLetter = (await buildEngagement(db, { ...berlin, contacts: [ids.alfa], status: 'approved', occurredAt: '2025-10-05T09:00:00Z' })).id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a bureau analyst filter the directory by post with the keyboard, and shows a contact’s history without what the analyst may not see', async () => {
    page = await newSignedInPage(browser, server.url, 'analyst@example.org', errors);
    await nav().getByRole('link', { name: 'Contacts' }).click();
    await expect.poll(names).toEqual(['Conseillère Paris (synthetic)', 'Director Alfa (synthetic)', 'Director Alpha (synthetic)', 'Editor Berg (synthetic)']);
    expect(await page.getByRole('link', { name: 'New contact' }).count()).toBe(0);
    const alphaRow = directory().getByRole('row').filter({ hasText: 'Director Alpha' });
    expect(await alphaRow.textContent()).toContain('Embassy Berlin');
    await expectAccessible(page, 'the contact directory (analyst)');
    await page.screenshot({ path: 'test-results/contacts-directory.png', fullPage: true });

    // The post picker shows names, with the code beside them; chosen by typing and the arrow keys.
    const filters = page.getByRole('form', { name: 'Filter contacts', exact: true });
    const postPicker = filters.getByRole('combobox', { name: 'Post' });
    await chooseByKeyboard(postPicker, 'Embassy Paris', /^Embassy Paris/);
    await expect.poll(() => postPicker.inputValue()).toBe('Embassy Paris (paris)');
    await filters.getByRole('button', { name: 'Filter', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(names).toEqual(['Conseillère Paris (synthetic)']);
    expect(page.url()).toContain('post=paris');

    await filters.getByLabel('Name, title or organization').fill('nobody of that name');
    await filters.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect.poll(() => page.getByText('No contact matches these filters.', { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'the contact directory, nothing matching');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(async () => (await names()).length).toBe(4);

    // Berlin's SBU call is above the analyst's clearance: not listed, not counted.
    await directory().getByRole('link', { name: 'Director Alpha (synthetic)' }).click();
    await page.waitForURL(`**/contacts/${ids.alpha}`);
    await expect.poll(() => history().locator('tbody tr').count()).toBe(1);
    expect(await history().locator(`a[href="/engagements/${ids.uMeeting}"]`).count()).toBe(1);
    expect(await page.getByRole('heading', { name: /Engagement history/ }).textContent()).toContain('(1)');
    expect(await page.getByRole('link', { name: 'Merge a duplicate' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await expectAccessible(page, 'a contact page (analyst)');
    expect(errors).toEqual([]);
  });

  it('shows the post’s officer the whole history newest first, each engagement a link', async () => {
    page = await newSignedInPage(browser, server.url, 'officer@example.org', errors, page);
    await nav().getByRole('link', { name: 'Contacts' }).click();
    await expect.poll(names).toEqual(['Director Alfa (synthetic)', 'Director Alpha (synthetic)', 'Editor Berg (synthetic)']);
    await expectAccessible(page, 'the contact directory (officer)');

    // The officer's contacts are all of one post: the organization type is the picker to use.
    const filters = page.getByRole('form', { name: 'Filter contacts', exact: true });
    expect(await filters.getByRole('combobox', { name: 'Post' }).count()).toBe(0);
    const typePicker = filters.getByRole('combobox', { name: 'Organization type' });
    await chooseByKeyboard(typePicker, 'Med', /^Media/);
    await expect.poll(() => typePicker.inputValue()).toBe('Media');
    await filters.getByRole('button', { name: 'Filter', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(names).toEqual(['Editor Berg (synthetic)']);
    expect(page.url()).toContain('organizationType=media');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();

    await directory().getByRole('link', { name: 'Director Alpha (synthetic)' }).click();
    await expect.poll(() => history().locator('tbody tr').count()).toBe(2);
    const links = await history()
      .locator('tbody tr td:first-child a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual([`/engagements/${ids.sbuCall}`, `/engagements/${ids.uMeeting}`]);
    expect(await page.getByRole('article', { name: 'Contact' }).textContent()).toContain('2 engagements you may see');
    await expectAccessible(page, 'a contact page (officer)');
    expect(errors).toEqual([]);
  });

  it('lets the officer record a new contact for the post and change its title', async () => {
    await nav().getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('link', { name: 'New contact' }).click();
    const form = page.getByRole('form', { name: 'Contact', exact: true });
    await expect.poll(() => form.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('Germany (DE)');
    await form.getByLabel('Name', { exact: true }).fill('State Secretary Weiss (synthetic)');
    await form.getByLabel('Title', { exact: true }).fill('State Secretary');
    await form.getByLabel('Organization', { exact: true }).fill('Federal Foreign Office');
    await form.getByLabel('Organization type').selectOption({ label: 'Ministry of foreign affairs' });
    await expectAccessible(page, 'the new contact form');
    await form.getByRole('button', { name: 'Add contact' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('State Secretary Weiss (synthetic)');
    await expect.poll(() => page.getByText(/No engagement with State Secretary Weiss \(synthetic\) that you may see/).count()).toBe(1);
    await expectAccessible(page, 'a new contact’s page');

    await page.getByRole('link', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Contact', exact: true });
    await edit.getByLabel('Title', { exact: true }).fill('Minister of State');
    await expectAccessible(page, 'the contact edit form');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('article', { name: 'Contact' }).textContent()).toContain('Minister of State, Federal Foreign Office');
    expect(errors).toEqual([]);
  });

  it('merges a duplicate after showing both sides and which one is kept, then lands on the one kept with the engagements of both', async () => {
    await page.goto(`${server.url}/contacts/${ids.alpha}`);
    await page.getByRole('link', { name: 'Merge a duplicate' }).click();
    await page.waitForURL(`**/contacts/${ids.alpha}/merge`);
    const picker = page.getByRole('combobox', { name: 'Duplicate' });
    await expect.poll(() => picker.isEnabled()).toBe(true);
    await chooseByKeyboard(picker, 'Alfa', /^Director Alfa/);

    const kept = page.getByRole('region', { name: /^Kept:/ });
    const merged = page.getByRole('region', { name: /^Merged into it, then removed:/ });
    await kept.waitFor();
    expect(await kept.textContent()).toContain('Director Alpha (synthetic)');
    expect(await kept.textContent()).toContain('2 engagements you may see');
    expect(await merged.textContent()).toContain('Director Alfa (synthetic)');
    expect(await merged.textContent()).toContain('1 engagement you may see');
    await expectAccessible(page, 'the merge screen');
    await page.screenshot({ path: 'test-results/contact-merge.png', fullPage: true });

    // Choosing the other one swaps the sides; back to keeping Alpha.
    await page.getByLabel('Keep Director Alfa (synthetic) (Director, Migration)').check();
    expect(await page.getByRole('region', { name: /^Kept:/ }).textContent()).toContain('Director Alfa (synthetic)');
    await page.getByLabel('Keep Director Alpha (synthetic) (Director for Migration)').check();
    expect(await page.getByRole('region', { name: /^Kept:/ }).textContent()).toContain('Director Alpha (synthetic)');

    await page.getByRole('button', { name: 'Merge…' }).click();
    expect(await page.getByRole('group', { name: 'Merge…' }).textContent()).toContain('Merge Director Alfa (synthetic) into Director Alpha (synthetic)?');
    await page.getByRole('button', { name: 'Merge now' }).click();
    await page.waitForURL(`**/contacts/${ids.alpha}`);
    expect(await page.getByRole('status').filter({ hasText: 'was merged into this contact' }).textContent()).toContain('Director Alfa (synthetic)');
    await expect.poll(() => history().locator('tbody tr').count()).toBe(3);
    const links = await history()
      .locator('tbody tr td:first-child a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual([`/engagements/${ids.sbuCall}`, `/engagements/${ids.uMeeting}`, `/engagements/${ids.alfaLetter}`]);
    await expectAccessible(page, 'the contact kept after a merge');
    await page.screenshot({ path: 'test-results/contact-after-merge.png', fullPage: true });

    await nav().getByRole('link', { name: 'Contacts' }).click();
    await expect.poll(names).toEqual(['Director Alpha (synthetic)', 'Editor Berg (synthetic)', 'State Secretary Weiss (synthetic)']);
    await page.goto(`${server.url}/contacts/${ids.alfa}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Could not load the contact');
    expect(errors).toEqual([]);
  });
});
