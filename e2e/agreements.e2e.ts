import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import type { TAgreement } from '../src/shared/agreements';
import { apiWrite, createE2eUser, launchBrowser, newSignedInPage, startE2eServer } from './support';

/**
 * Headquarters moves agreements on the board, by keyboard and by mouse, confirms each move,
 * and finds it in the agreement's history; the table sorts by distance and the map colours
 * the counterparts by stage.
 */
describe('the agreements board, table and map', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const ids = { rwanda: '', uganda: '', canada: '' };

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'hq@example.org', name: 'Hana Headquarters', role: 'hq_analyst', clearance: 'SBU' });
    browser = await launchBrowser();
    page = await newSignedInPage(browser, server.url, 'hq@example.org', errors);
    const record = async (country: string, type: string) =>
      (
        (await apiWrite(page, server.url, 'POST', '/api/v1/agreements', {
          country,
          type,
          stage: 'approached',
          classification: 'U',
          synthetic: true,
        })) as TAgreement
      ).id;
    ids.rwanda = await record('RW', 'third_country_nationals');
    ids.uganda = await record('UG', 'readmission');
    ids.canada = await record('CA', 'safe_third_country');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const column = (stage: string) => page.locator(`.board-column-${stage}`);

  it('moves an agreement from approached to negotiating by keyboard, confirmed, and its history shows the move', async () => {
    await page.goto(`${server.url}/agreements`);
    await expect.poll(() => column('approached').getByText('Rwanda').count()).toBe(1);
    // Focus the card, move to its drag handle (right arrow), and pick it up (Enter).
    await column('approached')
      .getByRole('row', { name: /Rwanda/ })
      .focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    // Tab through the drop targets (only the columns this stage may move to) to Negotiating.
    for (let step = 0; step < 6; step += 1) {
      const inNegotiating = await page.evaluate(() => Boolean(document.activeElement?.closest('.board-column-negotiating')));
      if (inNegotiating) break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.board-column-negotiating')))).toBe(true);
    await page.keyboard.press('Enter');

    const confirm = page.getByRole('form', { name: /Move Rwanda · Acceptance of third-country nationals from Approached to Negotiating\?/ });
    await confirm.waitFor();
    await confirm.getByLabel('Note (optional)').fill('Talks opened on the draft text (synthetic).');
    await confirm.getByRole('button', { name: 'Move to Negotiating' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Moved Rwanda · Acceptance of third-country nationals to Negotiating.');
    await expect.poll(() => column('negotiating').getByText('Rwanda').count()).toBe(1);

    await page.goto(`${server.url}/agreements/${ids.rwanda}`);
    const history = page.getByRole('list', { name: 'History of stages' });
    await expect.poll(() => history.textContent()).toContain('Approached → Negotiating');
    await expect.poll(() => history.textContent()).toContain('by Hana Headquarters');
    await expect.poll(() => history.textContent()).toContain('Talks opened on the draft text (synthetic).');
    expect(errors).toEqual([]);
  });

  it('moves an agreement by dragging its card with the mouse', async () => {
    await page.goto(`${server.url}/agreements`);
    await expect.poll(() => column('approached').getByText('Uganda').count()).toBe(1);
    // A native drag, as a person makes it: press on the card, move in steps (Chromium starts the
    // drag only after the pointer has moved), release over the column.
    await column('approached')
      .getByRole('row', { name: /Uganda/ })
      .hover();
    await page.mouse.down();
    const target = await column('negotiating').getByRole('grid').boundingBox();
    if (!target) throw new Error('the Negotiating column is not on the page');
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 20 });
    await page.mouse.up();
    const confirm = page.getByRole('form', { name: /Move Uganda · Readmission from Approached to Negotiating\?/ });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Move to Negotiating' }).click();
    await expect.poll(() => column('negotiating').getByText('Uganda').count()).toBe(1);
    const history = (await (await page.request.get(`${server.url}/api/v1/agreements/${ids.uganda}/history`)).json()) as { from: string; to: string }[];
    expect(history.map((change) => [change.from, change.to])).toEqual([
      [null, 'approached'],
      ['approached', 'negotiating'],
    ]);
  });

  it('records an agreement through the form, choosing the counterpart by keyboard', async () => {
    await page.goto(`${server.url}/agreements/new`);
    const country = page.getByRole('combobox', { name: 'Counterpart country' });
    await country.fill('Namib');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => country.inputValue()).toContain('Namibia');
    await page.getByLabel('Type', { exact: true }).selectOption('readmission');
    await page.getByLabel('Annual capacity (people a year)').fill('200');
    await page.getByRole('button', { name: 'Record the agreement' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Namibia · Readmission');
    await expect.poll(() => page.getByRole('list', { name: 'History of stages' }).textContent()).toContain('Recorded at Identified');
    await expect.poll(() => page.getByText('200 people a year').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('sorts the table by distance from Washington and draws the map', async () => {
    await page.goto(`${server.url}/agreements/table`);
    const rows = page.locator('table.agreements-table tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    await expect.poll(async () => (await rows.locator('td:first-child a').allTextContents()).join(',')).toBe('Canada,Rwanda,Uganda,Namibia');
    await page.getByRole('button', { name: /Distance/ }).click();
    await expect.poll(async () => (await rows.locator('td:first-child a').allTextContents()).join(',')).toBe('Namibia,Uganda,Rwanda,Canada');

    await page.goto(`${server.url}/agreements/map`);
    await page.getByTestId('agreement-map').locator('svg').waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Counterpart countries and their stage' }).textContent()).toContain('Rwanda: Negotiating');
    expect(errors).toEqual([]);
  });
});
