import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { buildContact, buildDirective } from '../src/server/engagements/test-builders';
import { apiWrite, createE2eUser, expectAccessible, launchBrowser, newSignedInPage, startE2eServer } from './support';

/**
 * The engagements list as headquarters and a post's officer use it: filtered through pickers
 * with the keyboard, names rather than codes, every row leading to its engagement, the same
 * "points delivered" figure in the list and on the engagement's page, and "Log engagement"
 * from the list with the directive chosen in the form.
 */
describe('engagements list: pickers, names, rows and logging from the list', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const ids: Record<string, string> = {};

  const nav = () => page.getByRole('navigation', { name: 'Main' });
  const list = () => page.getByRole('table', { name: 'Engagements' });
  const filters = () => page.getByRole('form', { name: 'Filter engagements', exact: true });
  /** The body rows' cells as text, one array per row. */
  const rowTexts = () =>
    list()
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')));
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
  async function filterByKeyboard(): Promise<void> {
    await filters().getByRole('button', { name: 'Filter', exact: true }).focus();
    await page.keyboard.press('Enter');
  }

  beforeAll(async () => {
    server = await startE2eServer();
    const db = server.database.db;
    await createE2eUser(server, { email: 'officer@example.org', name: 'Otto Officer', role: 'officer', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'paris@example.org', name: 'Paula Paris', role: 'officer', post: 'paris', clearance: 'SBU' });
    await createE2eUser(server, { email: 'bernd@example.org', name: 'Bernd Approver', role: 'approver', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'analyst@example.org', name: 'Ada Analyst', role: 'hq_analyst', clearance: 'SBU' });
    // Berlin has two points of this directive to deliver (all posts, EUR); Paris all three (France is in EUR too).
    const migration = await buildDirective(db, {
      actionPosts: ['berlin', 'paris'],
      reference: 'TEST-MIGR-1',
      subject: 'Synthetic migration dialogue',
      points: [
        'Raise the synthetic point for every action post.',
        { text: 'Raise the European point.', scope: 'bureaus', bureaus: ['EUR'] },
        { text: 'Raise the French point.', scope: 'countries', countries: ['FR'] },
      ],
    });
    ids.migration = migration.id;
    const visas = await buildDirective(db, {
      actionPosts: ['berlin'],
      reference: 'TEST-VISA-2',
      subject: 'Synthetic visa reciprocity',
      points: ['Ask for the synthetic visa figures.'],
    });
    ids.visas = visas.id;
    ids.adler = await buildContact(db, { post: 'berlin', name: 'Director Adler (synthetic)', title: 'Director for Migration' });
    ids.becker = await buildContact(db, { post: 'berlin', name: 'Adviser Becker (synthetic)', title: 'Adviser' });
    ids.dupont = await buildContact(db, { post: 'paris', name: 'Conseiller Dupont (synthetic)', title: 'Adviser' });
    browser = await launchBrowser();

    const record = async (who: Page, body: Record<string, unknown>) =>
      ((await apiWrite(who, server.url, 'POST', '/api/v1/engagements', { kind: 'meeting', classification: 'U', synthetic: true, ...body })) as { id: string })
        .id;
    const paris = await newSignedInPage(browser, server.url, 'paris@example.org', errors);
    // Paris delivered two of its three points.
    ids.paris = await record(paris, {
      occurredAt: '2026-01-12T09:00:00Z',
      directives: [migration.id],
      contacts: [ids.dupont],
      points: [
        { talkingPointId: migration.pointIds[0], delivered: true, reception: 'receptive' },
        { talkingPointId: migration.pointIds[2], delivered: true, reception: 'noncommittal' },
      ],
      ourReadout: 'Synthetic readout from Paris.',
    });
    // Submitted, so that headquarters sees them (a draft is the post's working copy).
    await apiWrite(paris, server.url, 'POST', `/api/v1/engagements/${ids.paris}/submit`);
    await paris.context().close();
    page = await newSignedInPage(browser, server.url, 'officer@example.org', errors);
    // Berlin delivered one of its two, and recorded only that one: the other counts as not delivered.
    ids.berlin = await record(page, {
      occurredAt: '2026-01-20T09:00:00Z',
      directives: [migration.id],
      contacts: [ids.adler],
      points: [{ talkingPointId: migration.pointIds[0], delivered: true, reception: 'receptive' }],
      ourReadout: 'Synthetic readout from Berlin.',
    });
    await apiWrite(page, server.url, 'POST', `/api/v1/engagements/${ids.berlin}/submit`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows headquarters names rather than codes, filters by post and country with the keyboard, and offers no Log engagement', async () => {
    page = await newSignedInPage(browser, server.url, 'analyst@example.org', errors, page);
    await nav().getByRole('link', { name: 'Engagements' }).click();
    await expect.poll(() => list().locator('tbody tr').count()).toBe(2);
    const [berlin, paris] = await rowTexts();
    expect(berlin).toEqual([
      expect.any(String),
      'Embassy BerlinGermany',
      expect.stringContaining('Meeting'),
      'TEST-MIGR-1 Synthetic migration dialogue',
      'Director Adler (synthetic)',
      '1 of 2',
      expect.stringContaining('U'),
      'Submitted',
    ]);
    expect(paris?.slice(3, 6)).toEqual(['TEST-MIGR-1 Synthetic migration dialogue', 'Conseiller Dupont (synthetic)', '2 of 3']);
    expect(paris?.[1]).toBe('Embassy ParisFrance');
    expect(await list().locator('thead').textContent()).toContain('Points delivered of those that apply');
    expect(await page.getByText('Points delivered: talking points recorded as delivered, of the points of its directives that apply').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Log engagement' }).count()).toBe(0);
    await expectAccessible(page, 'the engagements list (headquarters)');

    const post = filters().getByRole('combobox', { name: 'Post' });
    await chooseByKeyboard(post, 'Pari', /^Embassy Paris/);
    await expect.poll(() => post.inputValue()).toBe('Embassy Paris (paris)');
    await expectAccessible(page, 'the engagements list with a post chosen in its picker');
    await filterByKeyboard();
    await expect.poll(async () => (await rowTexts()).map((row) => row[1])).toEqual(['Embassy ParisFrance']);
    expect(page.url()).toContain('post=paris');

    await filters().getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => list().locator('tbody tr').count()).toBe(2);
    const country = filters().getByRole('combobox', { name: 'Country' });
    await chooseByKeyboard(country, 'germ', /^Germany/);
    await expect.poll(() => country.inputValue()).toBe('Germany (DE)');
    await filterByKeyboard();
    await expect.poll(async () => (await rowTexts()).map((row) => row[1])).toEqual(['Embassy BerlinGermany']);
    expect(page.url()).toContain('country=DE');
    await expectAccessible(page, 'the engagements list filtered by country');
    expect(errors).toEqual([]);
  });

  it('lets the officer filter by directive, open an engagement by its row, and shows the same points delivered there', async () => {
    page = await newSignedInPage(browser, server.url, 'officer@example.org', errors, page);
    await nav().getByRole('link', { name: 'Engagements' }).click();
    await expect.poll(() => list().locator('tbody tr').count()).toBe(1);
    // An officer's list is the post's own: no post or country to choose.
    expect(await filters().getByRole('combobox', { name: 'Post' }).count()).toBe(0);

    const directive = filters().getByRole('combobox', { name: 'Directive' });
    await chooseByKeyboard(directive, 'visa', /^TEST-VISA-2: Synthetic visa reciprocity/);
    await filterByKeyboard();
    await expect.poll(() => page.getByText('No engagement matches these filters.').count()).toBe(1);
    expect(page.url()).toContain(`directive=${ids.visas}`);
    await expectAccessible(page, 'the engagements list, nothing matching the directive');
    await filters().getByRole('button', { name: 'Clear filters' }).click();
    await chooseByKeyboard(filters().getByRole('combobox', { name: 'Directive' }), 'migration', /^TEST-MIGR-1/);
    await filterByKeyboard();
    await expect.poll(() => page.url()).toContain(`directive=${ids.migration}`);
    await expect.poll(async () => (await rowTexts()).map((row) => row[5])).toEqual(['1 of 2']);

    // A click anywhere on the row opens it, not only on its link.
    await list().locator('tbody tr').first().getByRole('cell', { name: 'Director Adler (synthetic)' }).click();
    await page.waitForURL(`**/engagements/${ids.berlin}`);
    await expect.poll(() => page.getByRole('heading', { name: /^Talking points/ }).textContent()).toBe('Talking points (1 of 2 delivered)');
    expect(await page.getByText('One of them is not recorded here: counted as not delivered.', { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'an engagement opened from its row');

    // The first cell's link is the row's way in for the keyboard.
    await page.goBack();
    const link = list().locator('tbody tr').first().locator('td').first().getByRole('link');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/engagements/${ids.berlin}`);
    expect(errors).toEqual([]);
  });

  it('logs an engagement from the list: the directive and a contact chosen with pickers, a new contact’s country too', async () => {
    await nav().getByRole('link', { name: 'Engagements' }).click();
    await page.getByRole('link', { name: 'Log engagement' }).click();
    await page.waitForURL(/\/engagements\/new$/);
    const form = page.getByRole('form', { name: 'Engagement', exact: true });
    await expect.poll(() => form.getByText('No directive chosen').count()).toBe(1);
    await expectAccessible(page, 'the new engagement form from the list');

    await chooseByKeyboard(form.getByRole('combobox', { name: 'Add a directive' }), 'recipro', /^TEST-VISA-2: Synthetic visa reciprocity/);
    await expect
      .poll(() => form.locator('.chosen-directives li').allTextContents())
      .toEqual([expect.stringContaining('TEST-VISA-2 Synthetic visa reciprocity')]);
    await expect.poll(() => form.locator('.delivery-table tbody tr').count()).toBe(1);
    // The picker starts afresh, offering what is left.
    await expect.poll(() => form.getByRole('combobox', { name: 'Add a directive' }).inputValue()).toBe('');
    await form.getByLabel('Delivered point 1', { exact: true }).check();
    await form.getByLabel('Reception of point 1', { exact: true }).selectOption('receptive');

    await chooseByKeyboard(form.getByRole('combobox', { name: 'Add a contact' }), 'Becker', /^Adviser Becker/);
    await expect.poll(() => form.getByRole('checkbox', { name: /Adviser Becker/ }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Add a new contact' }).click();
    const contact = form.getByRole('group', { name: 'New contact' });
    const country = contact.getByRole('combobox', { name: 'Country' });
    await expect.poll(() => country.inputValue()).toBe('Germany (DE)');
    await contact.getByLabel('Contact name', { exact: true }).fill('Consul Gruber (synthetic)');
    await contact.getByLabel('Title', { exact: true }).fill('Consul');
    await contact.getByLabel('Organization', { exact: true }).fill('Synthetic Austrian consulate');
    await country.fill('');
    await chooseByKeyboard(country, 'Austri', /^Austria/);
    await expect.poll(() => country.inputValue()).toBe('Austria (AT)');
    await expectAccessible(page, 'the new engagement form with a new contact’s country picker');
    await contact.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => form.getByRole('checkbox', { name: /Consul Gruber/ }).isChecked()).toBe(true);

    await form.getByLabel('Our readout', { exact: true }).fill('We asked for the synthetic visa figures.');

    // Colleagues are chosen by name among the post's people only (not Paris's officer).
    const present = form.getByRole('combobox', { name: 'Officers present' });
    await present.focus();
    await page.keyboard.type('a');
    await expect
      .poll(() => page.getByRole('option').allTextContents())
      .toEqual([expect.stringMatching(/^Bernd Approver/), expect.stringMatching(/^Otto Officer/)]);
    await page.keyboard.press('Escape');
    await present.fill('');
    await chooseByKeyboard(present, 'bern', /^Bernd Approver/);
    await expect.poll(() => form.getByRole('row', { name: /Bernd Approver/ }).count()).toBe(1);
    await form.getByRole('button', { name: 'Add a follow-up' }).click();
    await form.getByLabel('Follow-up 1 action', { exact: true }).fill('Send the synthetic visa figures');
    await chooseByKeyboard(form.getByRole('combobox', { name: 'Follow-up 1 owner' }), 'bern', /^Bernd Approver/);
    await expect.poll(() => form.getByRole('combobox', { name: 'Follow-up 1 owner' }).inputValue()).toMatch(/^Bernd Approver/);
    await expectAccessible(page, 'the new engagement form, filled in');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/engagements\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expect.poll(() => page.getByRole('heading', { name: /^Talking points/ }).textContent()).toBe('Talking points (1 of 1 delivered)');
    const details = await page.locator('.details').textContent();
    expect(details).toContain('TEST-VISA-2 Synthetic visa reciprocity');
    expect(details).toContain('Adviser Becker (synthetic)');
    expect(details).toContain('Consul Gruber (synthetic)');
    expect(details).toMatch(/Officers\s*(Bernd Approver, Otto Officer|Otto Officer, Bernd Approver)/);
    await expect.poll(() => page.getByRole('row', { name: /Send the synthetic visa figures/ }).textContent()).toContain('Bernd Approver');
    await expectAccessible(page, 'the engagement logged from the list');

    await page.getByRole('link', { name: 'Engagements', exact: true }).first().click();
    const row = list()
      .locator('tbody tr')
      .filter({ has: page.locator(`a[href="/engagements/${id}"]`) });
    await expect.poll(() => row.locator('td').nth(5).textContent()).toBe('1 of 1');
    expect(await row.locator('td').nth(4).textContent()).toBe('Adviser Becker (synthetic), Consul Gruber (synthetic)');
    expect(errors).toEqual([]);
  });
});
