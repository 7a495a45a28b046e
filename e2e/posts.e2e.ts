import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server/main';
import { createE2eUser, E2E_PASSWORD, launchBrowser, signIn, startE2eServer } from './support';

describe('bureaus and posts page', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startE2eServer();
    await createE2eUser(server, { email: 'analyst@example.org', name: 'Hana Analyst', role: 'hq_analyst', clearance: 'SBU' });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) errors.push(message.text());
    });
    await signIn(page, server.url, 'analyst@example.org', E2E_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows posts from the API on a table and a map, and filters by bureau', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bureaus and posts' }).click();
    await page.waitForURL(/\/posts$/);

    const posts = page.getByRole('table', { name: 'Posts' });
    await expect.poll(() => posts.getByRole('row', { name: /Embassy Berlin/ }).count()).toBe(1);
    expect(await posts.getByRole('row', { name: /Embassy Ottawa/ }).count()).toBe(1);

    const map = page.getByTestId('posts-map');
    const points = Number(await map.getAttribute('data-points'));
    expect(points).toBeGreaterThan(150);
    // The map is drawn: country shapes from Natural Earth plus one marker per post.
    await expect.poll(() => map.locator('svg path').count()).toBeGreaterThan(points + 100);

    await page.getByRole('table', { name: 'Bureaus' }).getByRole('button', { name: 'EUR' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /Posts of EUR/ }).count()).toBe(1);
    // Both at once: while the filtered list loads, the table is briefly not there at all.
    await expect
      .poll(async () => [await posts.getByRole('row', { name: /Embassy Berlin/ }).count(), await posts.getByRole('row', { name: /Embassy Ottawa/ }).count()])
      .toEqual([1, 0]);
    expect(Number(await map.getAttribute('data-points'))).toBeLessThan(points);
    expect(page.url()).toContain('bureau=EUR');

    await map.screenshot({ path: 'test-results/posts-map.png' });
    expect(errors).toEqual([]);
  });

  it('shows a page-not-found message for an unknown address', async () => {
    await page.goto(`${server.url}/no-such-page`);
    await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).count()).toBe(1);
  });
});
