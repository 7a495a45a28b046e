import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../testing/test-app';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from './sign-in-limits';

const MINUTE = 60_000;

describe('sign-in limits', () => {
  let t: TestApp;
  let officer: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'SBU' });
  });
  afterAll(async () => t.close());
  afterEach(() => vi.useRealTimers());

  const signIn = (email: string, password: string, remoteAddress: string) =>
    t.request({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress });
  const statuses = (responses: { statusCode: number }[]) => responses.map((response) => response.statusCode).sort();

  it('rate-limits failed sign-ins per account with 429 and Retry-After', async () => {
    const target = await t.user({ role: 'hq_analyst' });
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_ACCOUNT; attempt++) {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: target.email, password: `wrong ${attempt}` },
        remoteAddress: `10.1.0.${attempt}`,
      });
      expect(response.statusCode).toBe(401);
    }
    const locked = await t.request({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: target.email, password: TEST_PASSWORD },
      remoteAddress: '10.1.1.1',
    });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect(locked.json().detail).toMatch(/Too many failed sign-ins/);
    // Other accounts are unaffected.
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/session', payload: { email: officer.email, password: TEST_PASSWORD }, remoteAddress: '10.1.1.1' }))
        .statusCode,
    ).toBe(200);
    // The window passes.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 16 * MINUTE);
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/session', payload: { email: target.email, password: TEST_PASSWORD }, remoteAddress: '10.1.1.1' }))
        .statusCode,
    ).toBe(200);
  });

  it('rate-limits one address trying many accounts', async () => {
    const address = '10.2.0.1';
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_ADDRESS; attempt++) {
      await t.request({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: `guess${attempt}@demarche.test`, password: 'guessing-away' },
        remoteAddress: address,
      });
    }
    const blocked = await t.request({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: officer.email, password: TEST_PASSWORD },
      remoteAddress: address,
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('lets at most 5 of 20 parallel wrong passwords for one account through, then refuses even the right one', async () => {
    const target = await t.user({ role: 'hq_analyst' });
    const attempts = Array.from({ length: 20 }, (_, i) => signIn(target.email, `wrong guess ${i}`, `10.3.0.${i + 1}`));
    const answers = await Promise.all(attempts);
    const expected = [...Array(MAX_FAILURES_PER_ACCOUNT).fill(401), ...Array(20 - MAX_FAILURES_PER_ACCOUNT).fill(429)];
    expect(statuses(answers)).toEqual(expected);

    const right = await signIn(target.email, TEST_PASSWORD, '10.3.1.1');
    expect(right.statusCode).toBe(429);
    expect(right.json().detail).toMatch(/Too many failed sign-ins/);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 16 * MINUTE);
    expect((await signIn(target.email, TEST_PASSWORD, '10.3.1.1')).statusCode).toBe(200);
  });

  it('lets at most 20 parallel failures from one address through', async () => {
    const attempts = Array.from({ length: 30 }, (_, i) => signIn(`parallel${i}@demarche.test`, 'guessing-away', '10.4.0.1'));
    const answers = await Promise.all(attempts);
    const expected = [...Array(MAX_FAILURES_PER_ADDRESS).fill(401), ...Array(30 - MAX_FAILURES_PER_ADDRESS).fill(429)];
    expect(statuses(answers)).toEqual(expected);
    expect((await signIn(officer.email, TEST_PASSWORD, '10.4.0.1')).statusCode).toBe(429);
  });

  it('does not count successful sign-ins against the address', async () => {
    const address = '10.5.0.1';
    for (let attempt = 1; attempt < MAX_FAILURES_PER_ADDRESS; attempt++) {
      expect((await signIn(`typo${attempt}@demarche.test`, 'guessing-away', address)).statusCode).toBe(401);
    }
    for (let success = 1; success <= 3; success++) expect((await signIn(officer.email, TEST_PASSWORD, address)).statusCode).toBe(200);
    expect((await signIn('last-typo@demarche.test', 'guessing-away', address)).statusCode).toBe(401);
    expect((await signIn(officer.email, TEST_PASSWORD, address)).statusCode).toBe(429);
  });
});
