import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TClearance, TRole, TUserCreate } from '../../shared/identity';
import type { TBureauCode } from '../../shared/reference';
import { buildApp } from '../app';
import { SYSTEM } from '../audit/audit-context';
import { loadActor, type Actor } from '../identity/actor';
import { createApiToken } from '../identity/api-tokens';
import { createUser } from '../identity/create-user';
import { fastifyTrustProxy, type TrustProxy } from '../identity/trusted-proxies';
import { seedReference } from '../reference/seed-reference';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_SESSION_SECRET = 'test-session-secret-that-is-long-enough-for-cookies';
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  actor: Actor;
  email: string;
  password: string;
  /** Authorization header of an API token of this user. */
  headers: { authorization: string };
}

export interface TestSession {
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie request; with `csrf`, for a write. */
  headers(options?: { csrf?: boolean }): Record<string, string>;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** Creates a user (builder) with an API token for requests. */
  user(options: { role: TRole; post?: string; bureau?: TBureauCode; clearance?: TClearance; email?: string; name?: string }): Promise<TestUser>;
  /** Signs in through the API like a browser; the session's cookie and CSRF token. */
  signIn(email: string, password?: string, address?: string): Promise<TestSession>;
  /** Injects a request as this user (API token), or anonymously. */
  request(options: InjectOptions & { as?: TestUser }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The whole app on an isolated database with reference data loaded. */
export async function createTestApp(options: { seed?: boolean; trustProxy?: TrustProxy } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  if (options.seed !== false) await seedReference(database.db);
  const app = await buildApp({ database, webDir: '/nonexistent', sessionSecret: TEST_SESSION_SECRET, trustProxy: fastifyTrustProxy(options.trustProxy) });
  return {
    app,
    database,
    async user({ role, post, bureau, clearance = 'S', email, name }) {
      const input: TUserCreate = {
        email: email ?? `${role}-${randomBytes(4).toString('hex')}@demarche.test`,
        name: name ?? `Test ${role.replace('_', ' ')}`,
        role,
        post: post ?? (role === 'officer' || role === 'approver' ? 'berlin' : null),
        bureau: bureau ?? (role === 'bureau_analyst' ? 'EUR' : null),
        clearance,
        password: TEST_PASSWORD,
      };
      const user = await createUser(database.db, input, SYSTEM);
      const actor = await loadActor(database.db, user.id);
      if (!actor) throw new Error('created user not found');
      const token = await createApiToken(database.db, actor, { name: 'tests', expiresInDays: 1 }, SYSTEM);
      return { actor, email: user.email, password: TEST_PASSWORD, headers: { authorization: `Bearer ${token.token}` } };
    },
    async signIn(email, password = TEST_PASSWORD, address = '127.0.0.1') {
      const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress: address });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'demarche_session');
      if (!cookie) throw new Error('sign-in set no session cookie');
      const session = { cookie: `demarche_session=${cookie.value}`, csrfToken: response.json<{ csrfToken: string }>().csrfToken };
      return {
        ...session,
        headers: (options = {}) => ({ cookie: session.cookie, ...(options.csrf ? { 'x-csrf-token': session.csrfToken } : {}) }),
      };
    },
    request({ as, ...inject }) {
      return app.inject({ ...inject, headers: { ...(inject.headers ?? {}), ...(as?.headers ?? {}) } });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
