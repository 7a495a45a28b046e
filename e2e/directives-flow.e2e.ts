import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDirective, TTalkingPointInput } from '../src/shared/directives';
import type { RunningServer } from '../src/server/main';
import { apiWrite as writeThroughApi, createE2eUser, launchBrowser, newSignedInPage, startE2eServer } from './support';

/**
 * The acceptance flow of directives and engagements: an author issues a directive to Berlin
 * and Ottawa with 12 points for all action posts and 3 for EUR; Berlin logs an engagement,
 * a second person approves it; headquarters sees who is on time; Ottawa sees only its 12.
 */
describe('directive to engagement to dashboard', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const reference = 'E2E 25-0421';
  let directiveId = '';
  let engagementId = '';

  const nav = () => page.getByRole('navigation', { name: 'Main' });

  async function signInAs(email: string): Promise<void> {
    page = await newSignedInPage(browser, server.url, email, errors, page);
  }
  const apiWrite = (method: 'PATCH' | 'POST', path: string, data: unknown) => writeThroughApi(page, server.url, method, path, data);
  /** Types into a picker and chooses the option named; it then shows among the chosen tags. */
  async function choose(form: Locator, label: string, typed: string, option: string): Promise<void> {
    const box = form.getByRole('combobox', { name: label, exact: true });
    await box.click();
    await box.pressSequentially(typed);
    await page.getByRole('option', { name: option }).click();
    await expect
      .poll(() => form.getByLabel(`${label}: chosen`, { exact: true }).getByRole('row').allTextContents())
      .toContainEqual(expect.stringContaining(option));
  }

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'author@example.org', name: 'Dana Author', role: 'directive_author', clearance: 'SBU' });
    await createE2eUser(server, { email: 'officer.berlin@example.org', name: 'Otto Berlin', role: 'officer', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'approver.berlin@example.org', name: 'Anna Berlin', role: 'approver', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'analyst@example.org', name: 'Hana Analyst', role: 'hq_analyst', clearance: 'SBU' });
    await createE2eUser(server, { email: 'officer.ottawa@example.org', name: 'Olive Ottawa', role: 'officer', post: 'ottawa', clearance: 'SBU' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a directive author draft a directive in the form, showing field errors, and issue it', async () => {
    await signInAs('author@example.org');
    await nav().getByRole('link', { name: 'Directives' }).click();
    await page.getByRole('link', { name: 'New directive' }).click();
    await page.waitForURL(/\/directives\/new$/);

    const form = page.getByRole('form', { name: 'Directive', exact: true });
    await form.getByLabel('Reference', { exact: true }).fill(reference);
    await form.getByLabel('From', { exact: true }).fill('SECSTATE WASHDC');
    await form.getByLabel('Classification', { exact: true }).selectOption('U');
    await form.getByLabel('Subject', { exact: true }).fill('Engaging host governments on migration policy (synthetic test directive)');
    await form.getByLabel('TAGS', { exact: true }).fill('PREL SMIG');
    await form.getByLabel('Objective', { exact: true }).fill('Raise the points below with host-government officials and report how they were received.');
    await form.getByLabel('Background', { exact: true }).fill('A synthetic directive for the browser test.');
    await choose(form, 'Action posts: posts', 'Berlin', 'Embassy Berlin · berlin');
    await choose(form, 'Action posts: posts', 'Ottawa', 'Embassy Ottawa · ottawa');
    await form.getByLabel('Engagement cadence (days)', { exact: true }).fill('30');

    // The first point is left empty: the server's message appears beside its text.
    await form.getByRole('button', { name: 'Add talking point' }).click();
    await form.getByLabel('Point 2 text', { exact: true }).fill('We ask your government to share its assessment of European migration cooperation.');
    await form.getByLabel('Point 2 scope', { exact: true }).selectOption('bureaus');
    await choose(form, 'Point 2 bureaus', 'Europe', 'Bureau of European and Eurasian Affairs · EUR');
    await form.getByRole('button', { name: 'Save draft' }).click();
    const pointError = form.locator('.field-error').filter({ hasText: 'Point 1 text' });
    await expect.poll(() => pointError.textContent()).toContain('must not be empty');
    expect(await form.getByLabel('Point 1 text', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: 'test-results/directive-form-errors.png', fullPage: true });

    await form.getByLabel('Point 1 text', { exact: true }).fill('We encourage your government to share data on public safety with its partners.');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/directives\/[0-9a-f-]{36}$/);
    directiveId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expect.poll(() => page.locator('ol.talking-points > li').count()).toBe(2);

    // A draft can be edited: the form comes back filled in, and the change is saved.
    await page.getByRole('link', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Directive', exact: true });
    await expect
      .poll(() => edit.getByLabel('Action posts: posts: chosen', { exact: true }).getByRole('row').allTextContents())
      .toEqual([expect.stringContaining('Embassy Berlin · berlin'), expect.stringContaining('Embassy Ottawa · ottawa')]);
    expect(await edit.getByLabel('Point 2 scope', { exact: true }).inputValue()).toBe('bureaus');
    await edit.getByLabel('Subject', { exact: true }).fill('Engaging host governments on migration policy (synthetic test directive, revised)');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`/directives/${directiveId}$`));
    await expect.poll(() => page.locator('.cable-subject').textContent()).toContain('revised');
    expect(await page.locator('ol.talking-points > li').count()).toBe(2);

    // The remaining points through the API: 11 more for all action posts and 2 more for EUR.
    const draft = (await (await page.request.get(`${server.url}/api/v1/directives/${directiveId}`)).json()) as TDirective;
    const [first, second] = draft.talkingPoints;
    if (!first || !second) throw new Error('the draft lost its talking points');
    const asInput = ({ text, scope, bureaus, countries, wording }: TDirective['talkingPoints'][number]): TTalkingPointInput => ({
      text,
      scope,
      bureaus: bureaus as TTalkingPointInput['bureaus'],
      countries,
      wording,
    });
    const points: TTalkingPointInput[] = [
      asInput(first),
      ...Array.from(
        { length: 11 },
        (_, i): TTalkingPointInput => ({
          text: `Synthetic point ${i + 2} for all action posts.`,
          scope: 'all',
          ...(i === 0
            ? { rationale: 'Opens the conversation.', counterArguments: [{ argument: 'This is an internal matter.', rebuttal: 'We raise it as partners.' }] }
            : {}),
          ...(i === 1 ? { wording: 'paraphrase', attribution: 'a synthetic outlet' } : {}),
        }),
      ),
      asInput(second),
      { text: 'Synthetic European point two.', scope: 'bureaus', bureaus: ['EUR'] },
      {
        text: 'Synthetic European point three: wording not published.',
        scope: 'bureaus',
        bureaus: ['EUR'],
        wording: 'unpublished',
        attribution: 'a synthetic outlet',
      },
    ];
    await apiWrite('PATCH', `/api/v1/directives/${directiveId}`, { talkingPoints: points });
    await page.reload();
    await expect.poll(() => page.locator('ol.talking-points > li').count()).toBe(15);
    expect(await page.locator('.scope-label', { hasText: 'EUR only' }).count()).toBe(3);
    expect(await page.getByText('Text not published (a synthetic outlet)').count()).toBe(1);

    await page.getByRole('button', { name: 'Issue', exact: true }).click();
    await page.getByRole('button', { name: 'Issue now' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Issued');
    expect(await page.getByRole('button', { name: 'Rescind' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    // The marking at the top and the bottom of the cable.
    expect(await page.locator('.cable .marking-banner').allTextContents()).toEqual(['UNCLASSIFIED', 'UNCLASSIFIED']);
    await page.getByText('Expected counter-arguments and rebuttals (1)').click();
    await page.getByText('Reply: We raise it as partners.').waitFor();
    await page.getByTestId('coverage-chart').waitFor();
    await page.screenshot({ path: 'test-results/directive.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('lets a Berlin officer see all 15 points, log an engagement delivering three, and submit it', async () => {
    expect(directiveId).not.toBe('');
    await signInAs('officer.berlin@example.org');
    await nav().getByRole('link', { name: 'Directives' }).click();
    await page.getByRole('table', { name: 'Directives' }).getByRole('link', { name: reference }).click();
    await expect.poll(() => page.locator('ol.talking-points > li').count()).toBe(15);
    expect(await page.getByRole('button', { name: 'Issue', exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: 'Log engagement' }).click();
    await page.waitForURL(/\/engagements\/new\?directive=/);
    const form = page.getByRole('form', { name: 'Engagement', exact: true });
    await expect.poll(() => form.locator('.delivery-table tbody tr').count()).toBe(15);
    await form.getByLabel('Kind', { exact: true }).selectOption('demarche');

    await form.getByRole('button', { name: 'Add a new contact' }).click();
    const contact = form.getByRole('group', { name: 'New contact' });
    await contact.getByLabel('Contact name', { exact: true }).fill('Synthetic Director-General');
    await contact.getByLabel('Title', { exact: true }).fill('Director-General for Migration');
    await contact.getByLabel('Organization', { exact: true }).fill('Federal Ministry of the Interior');
    await contact.getByLabel('Organization type', { exact: true }).selectOption('ministry_of_interior');
    await contact.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => form.getByRole('checkbox', { name: /Synthetic Director-General/ }).isChecked()).toBe(true);

    expect(await form.getByLabel('Reception of point 1', { exact: true }).isDisabled()).toBe(true);
    const deliveries: [number, string][] = [
      [1, 'receptive'],
      [2, 'noncommittal'],
      [13, 'disagreed'],
    ];
    for (const [number, reception] of deliveries) {
      await form.getByLabel(`Delivered point ${number}`, { exact: true }).check();
      await form.getByLabel(`Reception of point ${number}`, { exact: true }).selectOption(reception);
    }
    await form.getByLabel('Commitments', { exact: true }).fill('The ministry will send its latest figures.');
    await form
      .getByLabel('Our readout', { exact: true })
      .fill(
        'We delivered three points on migration policy. The director-general described the ongoing reform of the asylum procedure. We asked for a regular exchange of data.',
      );
    await form
      .getByLabel('Counterpart account', { exact: true })
      .fill(
        'The director-general received a delegation from the US embassy. The director-general described the ongoing reform of the asylum procedure. Germany stressed its commitment to the rule of law.',
      );
    await form.getByLabel('Source URL', { exact: true }).fill('https://example.org/statement');
    await form.getByLabel('Published on', { exact: true }).fill(new Date().toLocaleDateString('en-CA'));
    await form.getByRole('button', { name: 'Add a follow-up' }).click();
    await form.getByLabel('Follow-up 1 action', { exact: true }).fill('Send the figures requested to headquarters');
    await form.getByLabel('Follow-up 1 due', { exact: true }).fill(new Date(Date.now() + 14 * 86_400_000).toLocaleDateString('en-CA'));
    await page.screenshot({ path: 'test-results/engagement-form.png', fullPage: true });

    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/engagements\/[0-9a-f-]{36}$/);
    engagementId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const delivered = page.getByRole('table', { name: 'Talking points delivered' });
    await expect.poll(() => delivered.getByRole('row', { name: /Delivered/ }).count()).toBeGreaterThanOrEqual(3);
    expect(await delivered.getByRole('row', { name: /Disagreed/ }).count()).toBe(1);

    // The draft comes back into the form as saved; a change to it is kept.
    await page.getByRole('link', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Engagement', exact: true });
    await expect.poll(() => edit.getByLabel('Delivered point 13', { exact: true }).isChecked()).toBe(true);
    expect(await edit.getByLabel('Reception of point 13', { exact: true }).inputValue()).toBe('disagreed');
    await edit.getByLabel('Commitments', { exact: true }).fill('The ministry will send its latest figures by the end of the month.');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    // The address changes before the router renders the page (a transition): wait for the page itself.
    await page.waitForURL(new RegExp(`/engagements/${engagementId}$`));
    await expect.poll(() => delivered.getByRole('row', { name: /Disagreed/ }).count()).toBe(1);
    expect(await page.locator('.record').getByText('by the end of the month').count()).toBe(1);

    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByRole('button', { name: 'Submit now' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Submitted');
    // Four eyes: the drafter cannot approve their own engagement.
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    const comparison = page.getByRole('region', { name: 'Our readout', exact: true });
    await comparison.waitFor();
    await expect.poll(() => page.locator('.comparison mark.only-here').count()).toBeGreaterThan(0);
    expect(await page.locator('.comparison').textContent()).toContain('only in theirs');
    await page.getByRole('heading', { name: 'Our readout and theirs' }).scrollIntoViewIfNeeded();
    await page
      .locator('section.panel', { has: page.getByRole('heading', { name: 'Our readout and theirs' }) })
      .screenshot({ path: 'test-results/comparison.png' });
    await page.screenshot({ path: 'test-results/engagement.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('lets a second person at Berlin, an approver, approve it', async () => {
    expect(engagementId).not.toBe('');
    await signInAs('approver.berlin@example.org');
    await nav().getByRole('link', { name: 'Engagements' }).click();
    const list = page.getByRole('table', { name: 'Engagements' });
    await expect.poll(() => list.getByRole('row', { name: /Submitted/ }).count()).toBe(1);
    await page.screenshot({ path: 'test-results/engagements.png', fullPage: true });
    await list
      .getByRole('row', { name: /Submitted/ })
      .getByRole('link')
      .first()
      .click();
    await page.waitForURL(new RegExp(`/engagements/${engagementId}$`));
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('button', { name: 'Approve now' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Approved');
    expect(await page.locator('.details').textContent()).toContain('Anna Berlin');
    expect(errors).toEqual([]);
  });

  it('shows headquarters Berlin on time and Ottawa never engaged (its first due date still ahead)', async () => {
    await signInAs('analyst@example.org');
    await nav().getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL(/\/dashboard$/);
    const filters = page.getByRole('form', { name: 'Filter the dashboard', exact: true });
    await expect.poll(() => filters.getByLabel('Directive').locator(`option[value="${directiveId}"]`).count()).toBe(1);
    await filters.getByLabel('Directive').selectOption(directiveId);
    await page.waitForURL(/directive=/);
    const table = page.getByRole('table', { name: 'Cadence by post' });
    await expect.poll(() => table.getByRole('row', { name: /Berlin.*On time/ }).count()).toBe(1);
    await expect.poll(() => table.getByRole('row', { name: /Ottawa.*On time.*never engaged/ }).count()).toBe(1);
    expect(await filters.getByLabel('Bureau').count()).toBe(1);

    // Sorted by post on a click of its header, and the other way on a second click.
    const postsShown = () => table.locator('tbody tr td:nth-child(2)').allTextContents();
    await table.getByRole('button', { name: /Post/ }).click();
    await expect.poll(postsShown).toEqual([expect.stringContaining('Berlin'), expect.stringContaining('Ottawa')]);
    await table.getByRole('button', { name: /Post/ }).click();
    await expect.poll(postsShown).toEqual([expect.stringContaining('Ottawa'), expect.stringContaining('Berlin')]);
    await expect.poll(() => page.getByRole('table', { name: 'Roll-up by directive' }).textContent()).toContain('1 of 2 (50%)');

    await page.getByTestId('cadence-heatmap').waitFor();
    await expect.poll(() => page.getByTestId('cadence-heatmap').locator('svg path').count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });

    // The directive's coverage counts the approved engagement: point 1 delivered by one of two posts, received well.
    await table
      .getByRole('row', { name: /Berlin/ })
      .getByRole('link', { name: reference })
      .click();
    const coverage = page.getByRole('table', { name: 'Coverage by talking point' });
    await expect.poll(() => coverage.locator('tbody tr').count()).toBe(15);
    const cells = async (row: number) => (await coverage.locator('tbody tr').nth(row).locator('td').allTextContents()).slice(1);
    await expect.poll(() => cells(0)).toEqual(['1 of 2 applicable posts (50%)', '1 (100%)', '0 (0%)', '0 (0%)', '0 (0%)']);
    expect(await cells(12)).toEqual(['1 of 1 applicable post (100%)', '0 (0%)', '0 (0%)', '1 (100%)', '0 (0%)']);
    await page.getByTestId('coverage-chart').scrollIntoViewIfNeeded();
    await page
      .locator('section.panel', { has: page.getByRole('heading', { name: 'Coverage of the talking points' }) })
      .screenshot({ path: 'test-results/directive-coverage.png' });
    expect(errors).toEqual([]);
  });

  it('shows an Ottawa officer only the 12 points for all action posts', async () => {
    await signInAs('officer.ottawa@example.org');
    await page.goto(`${server.url}/directives/${directiveId}`);
    await expect.poll(() => page.locator('ol.talking-points > li').count()).toBe(12);
    expect(await page.locator('.scope-label', { hasText: 'EUR only' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Log engagement' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('gives an officer a calendar feed address that rotating replaces, and a notifications page', async () => {
    await signInAs('officer.berlin@example.org');
    await page.getByRole('group', { name: 'Signed-in user' }).getByRole('link', { name: 'Otto Berlin' }).click();
    const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Calendar feed' }) });
    await panel.getByRole('button', { name: 'Create a calendar feed' }).click();
    const address = panel.getByLabel('Calendar feed address');
    await address.waitFor();
    const first = await address.inputValue();
    expect(first).toMatch(/^https?:\/\/.+\.ics$/);
    expect((await page.request.get(first)).status()).toBe(200);

    await panel.getByRole('button', { name: 'Rotate the address' }).click();
    expect(await panel.getByText('The current address stops working at once').count()).toBe(1);
    await panel.getByRole('button', { name: 'Make a new address' }).click();
    await expect.poll(() => address.inputValue()).not.toBe(first);
    const second = await address.inputValue();
    await page.screenshot({ path: 'test-results/me-calendar.png', fullPage: true });
    // The old address stops working; the new one serves the follow-up logged above.
    expect((await page.request.get(first)).status()).toBe(404);
    const feed = await page.request.get(second);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('Send the figures requested to headquarters');

    // The address is shown once: after a reload the page says when it was made.
    await page.reload();
    await panel.getByText('You have a calendar feed, made').waitFor();
    expect(await page.content()).not.toContain(second);

    await nav()
      .getByRole('link', { name: /Notifications/ })
      .click();
    await page.waitForURL(/\/notifications$/);
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await expect
      .poll(async () => (await page.getByRole('list', { name: 'Notifications' }).count()) + (await page.getByText('You have no notifications.').count()))
      .toBe(1);
    expect(errors).toEqual([]);
  });
});
