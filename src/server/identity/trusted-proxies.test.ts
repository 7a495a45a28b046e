import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { auditEvents } from '../db/schema/index';
import { createTestApp, TEST_PASSWORD, TEST_SESSION_SECRET, type TestApp, type TestUser } from '../testing/test-app';
import { createTestDatabase } from '../testing/test-database';
import { MAX_FAILURES_PER_ADDRESS } from './sign-in-limits';
import { fastifyTrustProxy, UNTRUSTED_FORWARDING_WARNING } from './trusted-proxies';

/** The address the audit trail recorded for the last failed sign-in of `email`. */
async function auditedAddress(t: TestApp, email: string): Promise<string | null | undefined> {
  const [event] = await t.database.db
    .select({ address: auditEvents.address })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'session.sign_in_failed'), sql`${auditEvents.change}->>'email' = ${email}`))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return event?.address;
}

describe('behind one trusted proxy (TRUST_PROXY=1)', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ trustProxy: 1 });
    user = await t.user({ role: 'hq_analyst' });
  });
  afterAll(async () => t.close());

  const signIn = (email: string, password: string, forwardedFor: string) =>
    t.request({ method: 'POST', url: '/api/v1/session', payload: { email, password }, headers: { 'x-forwarded-for': forwardedFor } });

  it('audits the address the proxy saw, not one the client prepended', async () => {
    expect((await signIn('forger@demarche.test', 'guessing-away', '198.51.100.1, 203.0.113.9')).statusCode).toBe(401);
    expect(await auditedAddress(t, 'forger@demarche.test')).toBe('203.0.113.9');
  });

  it('keeps a locked address locked whatever the client prepends', async () => {
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_ADDRESS; attempt++) {
      await signIn(`guess${attempt}@demarche.test`, 'guessing-away', '203.0.113.9');
    }
    const forged = await signIn(user.email, TEST_PASSWORD, '198.51.100.1, 203.0.113.9');
    expect(forged.statusCode).toBe(429);
    // Another client behind the same proxy is not locked out.
    expect((await signIn(user.email, TEST_PASSWORD, '203.0.113.10')).statusCode).toBe(200);
  });
});

describe('behind proxies at listed addresses (TRUST_PROXY=10.0.0.0/8)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ trustProxy: ['10.0.0.0/8'] });
  });
  afterAll(async () => t.close());

  const signIn = (email: string, remoteAddress: string, forwardedFor: string) =>
    t.request({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email, password: 'guessing-away' },
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('takes the address from a listed proxy, and ignores the header from anyone else', async () => {
    await signIn('via-proxy@demarche.test', '10.0.0.5', '198.51.100.1, 203.0.113.9');
    expect(await auditedAddress(t, 'via-proxy@demarche.test')).toBe('203.0.113.9');
    await signIn('direct@demarche.test', '192.0.2.7', '203.0.113.9');
    expect(await auditedAddress(t, 'direct@demarche.test')).toBe('192.0.2.7');
  });
});

describe('forwarded requests without TRUST_PROXY', () => {
  it('warns once that every client shares the proxy address', async () => {
    const lines: string[] = [];
    const database = await createTestDatabase();
    const app = await buildApp({
      database,
      webDir: '/nonexistent',
      sessionSecret: TEST_SESSION_SECRET,
      logger: { level: 'warn', stream: { write: (line: string) => lines.push(line) } },
    });
    const warnings = () => lines.filter((line) => line.includes(UNTRUSTED_FORWARDING_WARNING));
    try {
      await app.inject({ method: 'GET', url: '/api/health' });
      expect(warnings()).toEqual([]);
      for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      expect(warnings()).toHaveLength(1);
      expect(JSON.parse(warnings()[0] ?? '{}')).toMatchObject({ level: 40, msg: UNTRUSTED_FORWARDING_WARNING });
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('does not warn when a proxy is trusted', async () => {
    const lines: string[] = [];
    const database = await createTestDatabase();
    const app = await buildApp({
      database,
      webDir: '/nonexistent',
      sessionSecret: TEST_SESSION_SECRET,
      trustProxy: fastifyTrustProxy(1),
      logger: { level: 'warn', stream: { write: (line: string) => lines.push(line) } },
    });
    try {
      await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-for': '198.51.100.1' } });
      expect(lines.filter((line) => line.includes(UNTRUSTED_FORWARDING_WARNING))).toEqual([]);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
