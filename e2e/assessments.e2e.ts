import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssessment, buildStatisticSeries } from '../src/server/assessments/test-builders';
import type { RunningServer } from '../src/server/main';
import { createE2eUser, launchBrowser, newSignedInPage, startE2eServer } from './support';

/**
 * An officer records a policy measure, corrects its title, and records an assessment that sets
 * the flag, with its rationale and the measure and a statistic series as its evidence, found by
 * search, and submits it; an approver approves it; the map then shows the country flagged, and
 * headquarters compares the periods it chooses.
 */
describe('a policy measure and a flagged assessment, from the form to the map', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let assessmentUrl = '';
  let measureUrl = '';
  let officerId = '';

  beforeAll(async () => {
    server = await startE2eServer();
    officerId = (await createE2eUser(server, { email: 'officer@example.org', name: 'Otto Officer', role: 'officer', post: 'berlin', clearance: 'SBU' })).id;
    await buildStatisticSeries(server.database.db, { country: 'DE', indicatorName: 'Synthetic asylum applications' });
    await createE2eUser(server, { email: 'approver@example.org', name: 'Anna Approver', role: 'approver', post: 'berlin', clearance: 'SBU' });
    await createE2eUser(server, { email: 'hq@example.org', name: 'Hanna Headquarters', role: 'hq_analyst', clearance: 'SBU' });
    browser = await launchBrowser();
    page = await newSignedInPage(browser, server.url, 'officer@example.org', errors);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('records a measure with its source, and corrects its title', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy' }).click();
    await page.getByRole('link', { name: 'Policy measures' }).click();
    await page.getByRole('link', { name: 'Record a measure' }).click();
    const form = page.getByRole('form', { name: 'Policy measure', exact: true });
    await expect.poll(() => form.getByLabel('Area').locator('option').count()).toBeGreaterThan(8);
    await form.getByLabel('Area').selectOption({ label: 'Reception and detention' });
    await form.getByLabel('Title').fill('Synthetic reception benefit act');
    await form.getByLabel('Status', { exact: true }).selectOption({ label: 'In force' });
    await form.getByLabel('Status date').fill('2026-02-01');
    await form.getByLabel('Direction').selectOption({ label: 'More open' });
    await form.getByLabel('Summary').fill('Synthetic: cash benefits for asylum seekers are raised above those of local recipients.');
    await form.getByLabel('Source address (URL)').fill('https://example.org/synthetic-gazette');
    await form.getByLabel('Outlet or institution').fill('Synthetic federal gazette');
    await form.getByRole('button', { name: 'Record measure' }).click();
    // Should the save be refused, the failure says what the form said rather than only that no page came.
    await page.waitForURL(/\/policy\/measures\/[0-9a-f-]{36}$/).catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe form says: ${(await form.getByRole('alert').allTextContents()).join(' | ') || 'nothing'}`);
    });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Synthetic reception benefit act');
    expect(await page.getByText('In force since 2026-02-01').count()).toBe(1);
    measureUrl = page.url();

    // The title had a typo: the recording post corrects it on the edit page.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.waitForURL(`${measureUrl}/edit`);
    const edit = page.getByRole('form', { name: 'Edit policy measure', exact: true });
    await expect.poll(() => edit.getByLabel('Title').inputValue()).toBe('Synthetic reception benefit act');
    await edit.getByLabel('Title').fill('Synthetic reception benefits act');
    await edit.getByLabel('Direction').selectOption({ label: 'More open' });
    await edit.getByRole('button', { name: 'Save measure' }).click();
    await page.waitForURL(measureUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Synthetic reception benefits act');
    expect(await page.getByText('In force since 2026-02-01').count()).toBe(1);
  });

  it('refuses the flag without its rationale, then saves it with the rationale and, found by search, the measure and a statistic series as evidence, and submits', async () => {
    await page.goto(`${server.url}/policy/assessments`);
    const start = page.getByRole('form', { name: 'Start an assessment', exact: true });
    await start.getByLabel('Period').fill('2026-Q1');
    await start.getByRole('button', { name: 'Start an assessment' }).click();
    await page.waitForURL(/\/policy\/assessments\/[0-9a-f-]{36}\/edit$/);
    assessmentUrl = page.url().replace(/\/edit$/, '');
    const form = page.getByRole('form', { name: 'Assessment', exact: true });
    await expect.poll(() => form.getByLabel('Reception and detention: score').count()).toBe(1);
    await form.getByLabel('Reception and detention: score').selectOption('2');
    await form.getByLabel('Reception and detention: justification').fill('Synthetic: benefits above those of local recipients.');
    await form.getByLabel('Integration: score').selectOption('1');
    await form.getByLabel('Integration: justification').fill('Synthetic: courses extended.');
    await form.getByLabel('Narrative').fill('Synthetic narrative of the quarter.');
    await form.getByLabel('Policies unduly favor migrants at the expense of local populations').check();
    await form.getByRole('button', { name: 'Save assessment' }).click();
    await expect
      .poll(() => form.locator('.field-error').allTextContents())
      .toEqual([
        expect.stringContaining('Rationale for the flag is required when the flag is set'),
        expect.stringContaining('Evidence must link at least one record'),
      ]);
    await form.getByLabel('Rationale for the flag').fill('Synthetic rationale: benefits exceed those of local recipients.');
    // Evidence is found by search, one kind at a time, and chosen by keyboard once it is listed.
    const choose = async (box: string, typed: string, option: string) => {
      const combobox = form.getByRole('combobox', { name: box, exact: true });
      await combobox.fill(typed);
      const listed = page.getByRole('option');
      await expect.poll(() => listed.allTextContents()).toEqual([expect.stringContaining(option)]);
      await combobox.press('ArrowDown');
      await combobox.press('Enter');
      await expect.poll(() => form.getByRole('grid', { name: 'Evidence linked', exact: true }).textContent()).toContain(option);
    };
    await choose('Link a policy measure', 'reception', 'Synthetic reception benefits act');
    await choose('Link a statistic series', 'asylum', 'Synthetic asylum applications (Synthetic statistics office)');
    await form.getByRole('button', { name: 'Save assessment' }).click();
    await page.waitForURL(assessmentUrl);
    await expect.poll(() => page.getByRole('region', { name: 'Flag' }).textContent()).toContain('Synthetic rationale');
    expect(await page.getByRole('link', { name: 'Synthetic reception benefits act' }).count()).toBe(1);
    expect(await page.getByText('Statistic series: Synthetic asylum applications (Synthetic statistics office)').count()).toBe(1);
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByRole('button', { name: 'Submit now' }).click();
    await expect.poll(() => page.locator('.status-badge').first().textContent()).toBe('Submitted');
  });

  it('is approved by a second person, frozen, and the map shows Germany flagged', async () => {
    page = await newSignedInPage(browser, server.url, 'approver@example.org', errors, page);
    // The approver finds it in their home inbox, waiting for them.
    await page.goto(`${server.url}/`);
    const awaiting = page.getByRole('region', { name: /Awaiting your approval/ });
    await expect.poll(() => awaiting.getByRole('link', { name: 'Germany, 2026-Q1' }).count()).toBe(1);
    await expect.poll(() => awaiting.textContent()).toContain('Policy assessment drafted by');
    await awaiting.getByRole('link', { name: 'Germany, 2026-Q1' }).click();
    await page.waitForURL(assessmentUrl);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('button', { name: 'Approve now' }).click();
    await expect.poll(() => page.locator('.status-badge').first().textContent()).toBe('Approved');
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);

    page = await newSignedInPage(browser, server.url, 'hq@example.org', errors, page);
    await page.goto(`${server.url}/policy/map`);
    await expect.poll(() => page.getByTestId('flagged-countries').textContent()).toBe('Flagged: Germany.');
    await expect.poll(() => page.getByTestId('policy-map').locator('svg path').count()).toBeGreaterThan(100);
    const row = page.getByRole('row', { name: /Germany/ });
    await expect.poll(() => row.textContent()).toContain('Flagged');
    expect(await row.textContent()).toContain('+1.50');
    await page.getByLabel('Score shown').selectOption({ label: 'Reception and detention' });
    await expect.poll(() => page.getByRole('row', { name: /Germany/ }).textContent()).toContain('+2 (Most open)');
    await page.getByRole('button', { name: 'Timeline of Germany' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Timeline' }).textContent()).toContain('2026-Q1');
    await page.screenshot({ path: 'test-results/policy-map.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('lets headquarters compare any two approved periods of the country, and not edit the post’s measure', async () => {
    // Two earlier quarters, approved (synthetic, written straight to the database).
    const earlier = { post: 'berlin', draftedBy: officerId, status: 'approved' as const };
    await buildAssessment(server.database.db, { ...earlier, period: '2025-Q3', scores: { reception_detention: 0, integration: 0 } });
    await buildAssessment(server.database.db, { ...earlier, period: '2025-Q4', scores: { reception_detention: 1, integration: 1 } });
    await page.goto(assessmentUrl);
    const moved = page.getByRole('region', { name: /^What moved/ });
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /^What moved/ }).textContent()).toBe('What moved from 2025-Q4 to 2026-Q1');
    const periods = page.getByRole('form', { name: 'Periods compared', exact: true });
    await periods.getByLabel('Earlier period').selectOption('2025-Q3');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /^What moved/ }).textContent()).toBe('What moved from 2025-Q3 to 2026-Q1');
    await expect.poll(() => moved.getByRole('row', { name: /Reception and detention/ }).textContent()).toContain('+2');
    await periods.getByLabel('Later period').selectOption('2025-Q4');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /^What moved/ }).textContent()).toBe('What moved from 2025-Q3 to 2025-Q4');
    await expect.poll(() => moved.getByRole('row', { name: /Reception and detention/ }).textContent()).toContain('+1');
    expect(page.url()).toContain('from=2025-Q3');

    // The measure belongs to the post that recorded it: headquarters reads it, without Edit.
    await page.goto(measureUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Synthetic reception benefits act');
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
    await page.goto(`${measureUrl}/edit`);
    await expect.poll(() => page.getByRole('note').textContent()).toContain('Only officers and approvers of Embassy Berlin');
    expect(await page.getByRole('form', { name: 'Edit policy measure', exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
