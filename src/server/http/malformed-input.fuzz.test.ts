import fc from 'fast-check';
import { sample } from 'openapi-sampler';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { buildContact, buildDirective, buildEngagement } from '../engagements/test-builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';

/**
 * Malformed input of every kind the outside probe used, driven by the OpenAPI document, so a
 * new route is covered the day it is added: to every path parameter, query parameter and body
 * field of every route, as users who may and may not write. The server must answer below
 * 500, and a request it refuses must write no row.
 */
const NASTY_TEXT = [
  '\u0000',
  'a\u0000b',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2025-02-30',
  '-1',
  '1e309',
  'NaN',
  'x'.repeat(5000),
  "'; drop table users; --",
  '../../etc/passwd',
  '%00',
  '\uD800',
  '🙂'.repeat(300),
  '00000000-0000-0000-0000-000000000000',
  Buffer.from('["x","y"]').toString('base64url'),
  Buffer.from('["abc"]').toString('base64url'),
  Buffer.from('[1e309]').toString('base64url'),
  Buffer.from('{}').toString('base64url'),
  'javascript:alert(1)',
];
const NASTY_VALUES: unknown[] = [...NASTY_TEXT, null, -1, 1e308, -1e308, 0.5, true, [], {}, [[[[[]]]]], { a: { b: { c: 'd' } } }, ['\u0000']];

/** Percent-encodes, sending a lone surrogate as the invalid UTF-8 it would be on the wire. */
const encode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
};

type Operation = { method: string; path: string; parameters: { name: string; in: string }[]; body?: object };

describe('malformed input, generated from the OpenAPI document', () => {
  let t: TestApp;
  let actors: TestUser[];
  let operations: Operation[];
  let document: object;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    actors = [
      officer,
      await t.user({ role: 'approver', post: 'berlin', clearance: 'S' }),
      await t.user({ role: 'directive_author', clearance: 'S' }),
      await t.user({ role: 'admin', clearance: 'S' }),
    ];
    const directive = await buildDirective(t.database.db, { actionPosts: ['berlin'], points: ['A synthetic point.'] });
    const engagement = await buildEngagement(t.database.db, { post: 'berlin', draftedBy: officer.actor.id, followUps: 1, directives: [directive.id] });
    Object.assign(ids, {
      engagements: engagement.id,
      followUpId: engagement.followUpIds[0]!,
      contacts: await buildContact(t.database.db, { post: 'berlin' }),
      directives: directive.id,
      users: officer.actor.id,
      posts: 'berlin',
      countries: 'DE',
    });
    document = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    operations = Object.entries(
      (
        document as {
          paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema?: object }> } }>>;
        }
      ).paths,
    )
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          parameters: operation.parameters ?? [],
          body: operation.requestBody?.content?.['application/json']?.schema,
        })),
      );
  });
  afterAll(async () => t.close());

  /** A path with its parameters filled with real ids (so requests reach the commands), or with `override`. */
  const urlOf = (operation: Operation, override?: { name: string; value: string }) =>
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (override?.name === name) return encode(override.value);
      const collection = operation.path.split('/')[3] ?? '';
      return encodeURIComponent(name === 'id' ? (ids[collection] ?? '00000000-0000-4000-8000-000000000000') : (ids[name] ?? ids[collection] ?? 'x'));
    });

  /** Row counts of every table but the sign-in failure log and the audit trail of failed sign-ins. */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await queryRows<{ name: string }>(
      t.database.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('sign_in_failures', 'audit_events', 'sessions')`,
    );
    const union = sql.join(
      tables.map(({ name }) => sql`select ${name} as name, count(*)::int as n from ${sql.identifier(name)}`),
      sql` union all `,
    );
    const rows = await queryRows<{ name: string; n: number }>(t.database.db, union);
    return Object.fromEntries(rows.map((row) => [row.name, row.n]));
  }

  async function send(operation: Operation, as: TestUser, url: string, payload?: unknown) {
    const before = operation.method === 'GET' ? undefined : await rowCounts();
    const response = await t.request({ method: operation.method as 'GET', url, as, ...(payload === undefined ? {} : { payload: payload as object }) });
    const label = `${operation.method} ${url.slice(0, 120)} as ${as.actor.role} with ${JSON.stringify(payload)?.slice(0, 200)}`;
    expect(response.statusCode, `${label} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
    if (response.statusCode >= 400) {
      expect(response.headers['content-type'], label).toContain('application/problem+json');
      if (before) expect(await rowCounts(), `${label} wrote rows`).toEqual(before);
    }
  }

  it('answers every malformed query and path parameter below 500', { timeout: 120_000 }, async () => {
    for (const operation of operations) {
      for (const parameter of operation.parameters) {
        for (const value of NASTY_TEXT) {
          const as = actors[(value.length + parameter.name.length) % actors.length]!;
          if (parameter.in === 'query') await send(operation, as, `${urlOf(operation)}?${parameter.name}=${encode(value)}`);
          if (parameter.in === 'path') await send(operation, as, urlOf(operation, { name: parameter.name, value }));
        }
      }
    }
  });

  it('answers bodies with a malformed field, or malformed whole, below 500 and writes nothing when it refuses', { timeout: 120_000 }, async () => {
    const writes = operations.filter((operation) => operation.body);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writes),
        fc.constantFrom(...actors),
        fc.constantFrom(...NASTY_VALUES),
        fc.nat(),
        async (operation, as, value, pick) => {
          const base = sample(operation.body as never, { skipReadOnly: true, quiet: true }, document);
          // One field of a well-formed body is malformed (one level into arrays of objects too),
          // or, when the body has no fields, the whole body is.
          const fields = base && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base) : [];
          if (fields.length === 0) return send(operation, as, urlOf(operation), value);
          const body = structuredClone(base) as Record<string, unknown>;
          const field = fields[pick % fields.length]!;
          const current = body[field];
          if (Array.isArray(current) && current[0] && typeof current[0] === 'object') {
            const inner = Object.keys(current[0] as object);
            (current[0] as Record<string, unknown>)[inner[pick % inner.length]!] = value;
          } else body[field] = value;
          return send(operation, as, urlOf(operation), body);
        },
      ),
      { numRuns: 400, seed: 20261123 },
    );
    // Anything at all as a whole body.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.constantFrom(...actors), fc.jsonValue(), async (operation, as, body) =>
        send(operation, as, urlOf(operation), body),
      ),
      { numRuns: 150, seed: 20261124 },
    );
  });
});
