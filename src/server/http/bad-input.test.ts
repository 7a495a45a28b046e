import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createTestApp, TEST_SESSION_SECRET, type TestApp, type TestUser } from '../testing/test-app';
import { NUL_MESSAGE, SURROGATE_MESSAGE } from './input-guard';

/** The malformed inputs an outside probe found giving 500: each is a 400 problem+json naming the field. */
describe('bad input never gives 500', () => {
  let t: TestApp;
  let officer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    admin = await t.user({ role: 'admin', clearance: 'S' });
  });
  afterAll(async () => t.close());

  const expectField = async (
    response: Promise<{ statusCode: number; headers: Record<string, unknown>; json: () => { errors?: { field: string; message: string }[] } }>,
    field: string,
    message?: string,
  ) => {
    const answer = await response;
    expect(answer.statusCode).toBe(400);
    expect(String(answer.headers['content-type'])).toContain('application/problem+json');
    const errors = answer.json().errors ?? [];
    expect(errors.map((error) => error.field)).toContain(field);
    if (message) expect(errors.find((error) => error.field === field)?.message).toBe(message);
  };

  it('refuses a NUL character in any body field, query filter or path parameter', async () => {
    const contact = { name: 'a\u0000b', title: 'Director', organization: 'Ministry', organizationType: 'ministry_of_interior', country: 'DE' };
    await expectField(t.request({ method: 'POST', url: '/api/v1/contacts', as: officer, payload: contact }), 'body.name', NUL_MESSAGE);
    await expectField(t.request({ method: 'GET', url: '/api/v1/contacts?q=%00', as: officer }), 'query.q', NUL_MESSAGE);
    await expectField(t.request({ method: 'GET', url: '/api/v1/posts/ber%00lin', as: officer }), 'path.code', NUL_MESSAGE);
    await expectField(
      t.request({ method: 'POST', url: '/api/v1/session', payload: { email: 'x\u0000@example.org', password: 'whatever it is' } }),
      'body.email',
      NUL_MESSAGE,
    );
    await expectField(
      t.request({
        method: 'POST',
        url: '/api/v1/engagements',
        as: officer,
        payload: { occurredAt: '2025-12-01T10:00:00Z', kind: 'meeting', classification: 'U', followUps: [{ action: 'x\u0000', dueDate: '2026-01-01' }] },
      }),
      'body.followUps.0.action',
    );
  });

  it('refuses half a character pair (a lone surrogate) in any body field (a URL cannot carry one: its bytes decode to U+FFFD)', async () => {
    // JSON text, as a client would send it: "\ud800" alone is not text in any encoding.
    const lone = (json: string) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, payload: json });
    await expectField(t.request({ url: '/api/v1/session', ...lone('{"email":"\\ud800","password":"whatever it is"}') }), 'body.email', SURROGATE_MESSAGE);
    await expectField(
      t.request({
        url: '/api/v1/contacts',
        as: officer,
        ...lone('{"name":"A\\udc00","title":"T","organization":"O","organizationType":"ngo","country":"DE"}'),
      }),
      'body.name',
      SURROGATE_MESSAGE,
    );
    // A pair is one character, and welcome.
    const paired = await t.request({
      url: '/api/v1/contacts',
      as: officer,
      ...lone('{"name":"Ministry \\ud83d\\ude00","title":"T","organization":"O","organizationType":"ngo","country":"DE"}'),
    });
    expect(paired.statusCode).toBe(201);
  });

  it('refuses dates outside the plausible window (year 0000) in bodies and filters', async () => {
    const base = { kind: 'meeting', classification: 'U' };
    await expectField(
      t.request({ method: 'POST', url: '/api/v1/engagements', as: officer, payload: { ...base, occurredAt: '0000-01-01T00:00:00Z' } }),
      'body.occurredAt',
      'must be a date-time between 1900-01-01 and 2099-12-31',
    );
    await expectField(
      t.request({
        method: 'POST',
        url: '/api/v1/engagements',
        as: officer,
        payload: { ...base, occurredAt: '2025-12-01T10:00:00Z', followUps: [{ action: 'Reply', dueDate: '0000-01-01' }] },
      }),
      'body.followUps.0.dueDate',
      'must be a date between 1900-01-01 and 2099-12-31',
    );
    await expectField(t.request({ method: 'GET', url: '/api/v1/engagements?from=0000-01-01', as: officer }), 'query.from');
    await expectField(t.request({ method: 'GET', url: '/api/v1/audit?from=0000-01-01T00:00:00Z', as: admin }), 'query.from');
    const openapi = (await t.request({ method: 'GET', url: '/api/openapi.json' })).body;
    expect(openapi).toContain('between 1900-01-01 and 2099-12-31');
  });

  it('refuses a crafted cursor on every list', async () => {
    for (const url of [
      '/api/v1/engagements?cursor=WyJ4IiwieSJd',
      '/api/v1/contacts?cursor=WyJ4IiwieSJd',
      '/api/v1/notifications?cursor=WyJ4IiwieSJd',
      '/api/v1/directives?cursor=WyJ4IiwieSJd',
    ]) {
      await expectField(t.request({ method: 'GET', url, as: officer }), 'query.cursor', 'is not a cursor this server issued');
    }
    await expectField(t.request({ method: 'GET', url: '/api/v1/audit?cursor=WyJhYmMiXQ', as: admin }), 'query.cursor');
    await expectField(
      t.request({ method: 'GET', url: `/api/v1/users?cursor=${Buffer.from('["a\\u0000"]').toString('base64url')}`, as: admin }),
      'query.cursor',
    );
  });

  it('answers every crafted cursor on every list that pages with 400 naming query.cursor, never 500', async () => {
    // Each part is wrong for the kind a list may sort by: a day that does not exist, text after a
    // date, an integer beyond PostgreSQL's `integer`, a number where text belongs, a wrong length.
    const crafted = [
      ['2024-02-30', '00000000-0000-4000-8000-000000000000'],
      ['2024-01-01 junk', '00000000-0000-4000-8000-000000000000'],
      ['2024-02-30T10:00:00.000Z', '00000000-0000-4000-8000-000000000000'],
      [2_147_483_648, '00000000-0000-4000-8000-000000000000'],
      [-1e300, '00000000-0000-4000-8000-000000000000'],
      ['DE', 'x', 9_999_999_999],
      ['2024-02-30'],
      [1.5],
      [],
    ].map((key) => Buffer.from(JSON.stringify(key)).toString('base64url'));
    const readers = [officer, admin, await t.user({ role: 'hq_analyst', clearance: 'S' })];
    const document = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: { enum?: string[] } }[] }>>;
    };
    const lists = Object.entries(document.paths).flatMap(([path, methods]) => {
      const parameters = methods.get?.parameters ?? [];
      if (path.includes('{') || !parameters.some((parameter) => parameter.in === 'query' && parameter.name === 'cursor')) return [];
      // A list sorted several ways pages by each sort's own key.
      const sorts = parameters.find((parameter) => parameter.name === 'sort')?.schema?.enum ?? [undefined];
      return sorts.map((sort) => (sort ? `${path}?sort=${sort}&` : `${path}?`));
    });
    expect(lists.length).toBeGreaterThan(10);
    for (const list of lists) {
      let refused = 0;
      for (const cursor of crafted) {
        for (const reader of readers) {
          const answer = await t.request({ method: 'GET', url: `${list}cursor=${cursor}`, as: reader });
          expect(answer.statusCode, `${list} as ${reader.actor.role}`).toBeLessThan(500);
          if (answer.statusCode === 400) {
            expect(answer.json().errors.map((error: { field: string }) => error.field)).toContain('query.cursor');
            refused += 1;
          }
        }
      }
      expect(refused, `${list} refused no crafted cursor`).toBeGreaterThan(0);
    }
  });

  it('answers an over-long path parameter with problem+json', async () => {
    await expectField(t.request({ method: 'GET', url: `/api/v1/engagements/${'a'.repeat(120)}`, as: officer }), 'path.id');
    await expectField(t.request({ method: 'GET', url: `/api/v1/engagements/${'a'.repeat(600)}`, as: officer }), 'path');
  });

  it('refuses http(s)-less source URLs', async () => {
    await expectField(
      t.request({
        method: 'POST',
        url: '/api/v1/engagements',
        as: officer,
        payload: { kind: 'meeting', classification: 'U', occurredAt: '2025-12-01T10:00:00Z', counterpartSourceUrl: 'javascript:alert(1)' },
      }),
      'body.counterpartSourceUrl',
      'must be an http(s) URL such as https://example.org/statement',
    );
  });
});

describe('what reaches the log and the wire', () => {
  it('logs an unexpected database error by its code and request id, never its query parameters', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const t = await createTestApp();
    const app = await buildApp({
      database: t.database,
      webDir: '/nonexistent',
      sessionSecret: TEST_SESSION_SECRET,
      logger: { level: 'error', stream },
      extraRoutes: async (instance) => {
        instance.get('/api/test/failing-query', async () => {
          await instance.db.execute(sql`select ${'$argon2id$v=19$secret-hash'}::int`);
          return {};
        });
      },
    });
    const response = await app.inject({ method: 'GET', url: '/api/test/failing-query' });
    expect(response.statusCode).toBe(500);
    const log = lines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toContain(response.headers['x-request-id']);
    expect(log).toContain('"code":"22P02"');
    expect(log).not.toContain('secret-hash');
    await app.close();
    await t.close();
  });

  it('answers a write that lost a race on a unique key with 409 in words, whatever command forgot to', async () => {
    const t = await createTestApp();
    const app = await buildApp({
      database: t.database,
      webDir: '/nonexistent',
      sessionSecret: TEST_SESSION_SECRET,
      extraRoutes: async (instance) => {
        // What a check-then-insert command does when another request inserted between the two.
        instance.post('/api/test/racing-insert', async () => {
          await instance.db.execute(sql`insert into tags (code, name) values ('RACE', 'Synthetic race')`);
          return {};
        });
      },
    });
    expect((await app.inject({ method: 'POST', url: '/api/test/racing-insert' })).statusCode).toBe(200);
    const lost = await app.inject({ method: 'POST', url: '/api/test/racing-insert' });
    expect(lost.statusCode).toBe(409);
    expect(String(lost.headers['content-type'])).toContain('application/problem+json');
    expect(lost.json()).toMatchObject({ status: 409, title: 'Conflict', detail: expect.stringContaining('Nothing of this request was saved') });
    await app.close();
    await t.close();
  });

  it('answers a NUL in a header over real HTTP with problem+json', async () => {
    const t = await createTestApp();
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\u0000\r\nContent-Length: 2\r\n\r\n{}');
      });
      let data = '';
      socket.on('data', (chunk) => {
        data += String(chunk);
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1.1 400/);
    expect(raw).toContain('application/problem+json');
    expect(raw).toContain('"status":400');
    expect(raw).toContain('"field":"headers"');
    await t.close();
  });
});
