import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { posts } from '../src/server/db/schema/index';
import { createE2eUser, expectAccessible, launchBrowser, newSignedInPage, startE2eServer } from './support';

/**
 * The directive form's pickers by keyboard alone: an author chooses a bureau, a country and a
 * post by typing part of a name, arrowing and pressing Enter, removes a choice with the
 * keyboard, and saves. The draft reopens with the bureau chosen (not its fifty posts); a post
 * added to the bureau meanwhile is among the posts when the directive is issued.
 */
describe('the directive form’s pickers, by keyboard', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let directiveId = '';

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'author@example.org', name: 'Dana Author', role: 'directive_author', clearance: 'SBU' });
    browser = await launchBrowser();
    page = await newSignedInPage(browser, server.url, 'author@example.org', errors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const form = () => page.getByRole('form', { name: 'Directive', exact: true });
  // A grid of tags; a group saying so when none is chosen.
  const chosen = (label: string) => form().getByLabel(`${label}: chosen`, { exact: true });
  const chosenTexts = (label: string) => chosen(label).getByRole('row').allTextContents();

  /** Focus the box, type part of a name, arrow to the first match and press Enter. */
  async function pick(label: string, typed: string, expected: string): Promise<void> {
    const box = form().getByRole('combobox', { name: label, exact: true });
    await box.focus();
    await page.keyboard.type(typed);
    const option = page.getByRole('option', { name: expected });
    await expect.poll(() => option.count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await page.keyboard.press('Enter');
    await expect.poll(() => chosenTexts(label)).toContainEqual(expect.stringContaining(expected));
    await expect.poll(() => box.inputValue()).toBe('');
  }

  /**
   * Serious and critical axe violations, as expectAccessible counts them, with two knobs.
   * `withoutHiddenFocus`: while a combobox's list is open React Aria hides the rest of the page
   * from assistive technology (aria-hidden, as the WAI-ARIA combobox pattern has it, so the
   * reading cursor stays in the list), and axe reports the links and fields in that hidden part
   * as aria-hidden-focus; that one rule is left out then. `experimental`: adds axe's
   * experimental rules (label-content-name-mismatch is one), for the part given in `include`.
   */
  async function seriousViolations(on: Page, options: { withoutHiddenFocus?: boolean; experimental?: boolean; include?: string }): Promise<string[]> {
    let axe = new AxeBuilder({ page: on }).withTags([
      'wcag2a',
      'wcag2aa',
      'wcag21a',
      'wcag21aa',
      'best-practice',
      ...(options.experimental ? ['experimental'] : []),
    ]);
    if (options.withoutHiddenFocus) axe = axe.disableRules(['aria-hidden-focus']);
    if (options.include) axe = axe.include(options.include);
    const { violations } = await axe.analyze();
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }

  async function focusTag(tag: Locator): Promise<void> {
    // The tags are reached with Tab from the box (its ▾ button is out of the tab order).
    await page.keyboard.press('Tab');
    await expect.poll(() => tag.evaluate((element) => element === document.activeElement)).toBe(true);
  }

  it('chooses addressees and scopes by keyboard, removes one, and saves the choice', async () => {
    await page.goto(`${server.url}/directives/new`);
    await form().getByLabel('Reference', { exact: true }).fill('E2E PICKERS 1');
    await form().getByLabel('From', { exact: true }).fill('SECSTATE WASHDC');
    await form().getByLabel('Subject', { exact: true }).fill('Pickers by keyboard (synthetic test directive)');
    await form().getByLabel('Objective', { exact: true }).fill('Raise the point below.');
    await expect.poll(() => form().getByRole('combobox', { name: 'Action posts: bureaus', exact: true }).isEnabled()).toBe(true);
    await expectAccessible(page, 'the new directive form');

    await pick('Action posts: bureaus', 'europ', 'Bureau of European and Eurasian Affairs · EUR');
    await pick('Action posts: countries', 'canad', 'Canada · CA');
    // Typing a code finds it too.
    await pick('Action posts: countries', 'JP', 'Japan · JP');
    await expect.poll(() => chosenTexts('Action posts: countries')).toEqual([expect.stringContaining('Canada · CA'), expect.stringContaining('Japan · JP')]);

    // Japan was a slip: Tab to its tag, arrow to it, and Delete removes it; Canada stays.
    const canada = chosen('Action posts: countries').getByRole('row', { name: /Canada/ });
    await focusTag(canada);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() =>
        chosen('Action posts: countries')
          .getByRole('row', { name: /Japan/ })
          .evaluate((e) => e === document.activeElement),
      )
      .toBe(true);
    await page.keyboard.press('Delete');
    await expect.poll(() => chosenTexts('Action posts: countries')).toEqual([expect.stringContaining('Canada · CA')]);

    await pick('Info posts: posts', 'tokyo', 'Embassy Tokyo · tokyo');
    // The list open on a search is accessible too.
    const infoCountries = form().getByRole('combobox', { name: 'Info posts: countries', exact: true });
    await infoCountries.focus();
    await page.keyboard.type('ken');
    await expect.poll(() => page.getByRole('option', { name: 'Kenya · KE' }).count()).toBe(1);
    expect(await seriousViolations(page, { withoutHiddenFocus: true })).toEqual([]);
    await page.keyboard.press('Escape');
    await infoCountries.fill('');

    // Two talking points, the second for European posts only, its bureau chosen by keyboard.
    await form().getByLabel('Point 1 text', { exact: true }).fill('We encourage your government to share data with its partners.');
    await form().getByRole('button', { name: 'Add talking point' }).click();
    await form().getByLabel('Point 2 text', { exact: true }).fill('We ask for your assessment of European cooperation.');
    await form().getByLabel('Point 2 scope', { exact: true }).selectOption('bureaus');
    await pick('Point 2 bureaus', 'EUR', 'Bureau of European and Eurasian Affairs · EUR');
    await form().getByRole('button', { name: 'Add a counter-argument to point 1' }).click();
    await form().getByLabel('Counter-argument 1', { exact: true }).fill('This is an internal matter.');
    await form().getByLabel('Rebuttal 1', { exact: true }).fill('We raise it as partners.');
    await expectAccessible(page, 'the directive form with talking points');
    // The editor's buttons say what they show ("Move up", then which point): speech input finds them.
    expect(await seriousViolations(page, { experimental: true, include: '.point-editor-list' })).toEqual([]);

    await form().getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/directives\/[0-9a-f-]{36}$/);
    directiveId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const cable = page.getByRole('article', { name: 'Directive E2E PICKERS 1' });
    await expect.poll(() => cable.textContent()).toContain('Chosen: Bureau of European and Eurasian Affairs · EUR; Canada · CA.');
    const action = cable.locator('dd').filter({ hasText: 'Chosen: Bureau' }).getByRole('listitem');
    await expect
      .poll(() => action.allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Embassy Berlin'), expect.stringContaining('Embassy Ottawa')]));
    expect(await action.filter({ hasText: 'Embassy Tokyo' }).count()).toBe(0);
    await expectAccessible(page, 'the saved draft');
    expect(errors).toEqual([]);
  });

  it('reopens the draft with the bureau as chosen, not a list of its posts', async () => {
    expect(directiveId).not.toBe('');
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(/\/edit$/);
    await expect.poll(() => chosenTexts('Action posts: bureaus')).toEqual([expect.stringContaining('Bureau of European and Eurasian Affairs · EUR')]);
    expect(await chosenTexts('Action posts: countries')).toEqual([expect.stringContaining('Canada · CA')]);
    expect(await chosenTexts('Action posts: posts')).toEqual([]);
    expect(await chosen('Action posts: posts').textContent()).toBe('None chosen.');
    expect(await chosenTexts('Info posts: posts')).toEqual([expect.stringContaining('Embassy Tokyo · tokyo')]);
    expect(await chosenTexts('Point 2 bureaus')).toEqual([expect.stringContaining('Bureau of European and Eurasian Affairs · EUR')]);
    await expectAccessible(page, 'the draft reopened for editing');

    // Canada removed with its button (Enter on it), and saved: the choice changes, nothing else.
    const remove = chosen('Action posts: countries').getByRole('button', { name: 'Remove Canada · CA' });
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => chosen('Action posts: countries').textContent()).toBe('None chosen.');
    await expect
      .poll(() =>
        form()
          .getByRole('combobox', { name: 'Action posts: countries', exact: true })
          .evaluate((e) => e === document.activeElement),
      )
      .toBe(true);
    await form().getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`/directives/${directiveId}$`));
    const cable = page.getByRole('article', { name: 'Directive E2E PICKERS 1' });
    await expect.poll(() => cable.textContent()).toContain('Chosen: Bureau of European and Eurasian Affairs · EUR.');
    expect(await cable.getByText('Embassy Ottawa').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('issues it to the bureau’s posts as they are then, a post added since included', async () => {
    await server.database.db.insert(posts).values({
      code: 'leipzig',
      name: 'Consulate General Leipzig',
      kind: 'consulate_general',
      countryAlpha2: 'DE',
      city: 'Leipzig',
      lat: 51.34,
      lon: 12.37,
      bureauCode: 'EUR',
    });
    await page.reload();
    const cable = page.getByRole('article', { name: 'Directive E2E PICKERS 1' });
    await expect.poll(() => cable.getByText('Consulate General Leipzig').count()).toBe(1);

    await page.getByRole('button', { name: 'Issue', exact: true }).click();
    await page.getByRole('button', { name: 'Issue now' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Issued');
    // Issued: the posts are listed, the choice is history.
    const action = cable.locator('dt', { hasText: 'ACTION' }).locator('xpath=following-sibling::dd[1]').getByRole('listitem');
    await expect
      .poll(() => action.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Embassy Berlin'),
          expect.stringContaining('Embassy Paris'),
          expect.stringContaining('Consulate General Leipzig'),
        ]),
      );
    expect(await cable.getByText('Chosen:').count()).toBe(0);
    const info = cable.locator('dt', { hasText: 'INFO' }).locator('xpath=following-sibling::dd[1]').getByRole('listitem');
    expect(await info.allTextContents()).toEqual([expect.stringContaining('Embassy Tokyo')]);
    await expectAccessible(page, 'the issued directive');
    await page.screenshot({ path: 'test-results/directive-pickers-issued.png', fullPage: true });
    expect(errors).toEqual([]);
  });
});
