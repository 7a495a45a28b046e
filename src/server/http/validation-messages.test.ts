import { sample } from 'openapi-sampler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDirective, buildEngagement } from '../engagements/test-builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';

/**
 * Every field of every route, sent a value of each kind a person gets wrong (missing, the wrong
 * type, too long, too short, too big, not an id, not a date, not one of the options, an unknown
 * field), must be refused in words a person reads: never Zod's own text.
 */
const RAW_LIBRARY_TEXT =
  /expected|received|Too big|Too small|Invalid input|Invalid option|Invalid string|Invalid (UUID|email|URL|ISO)|Unrecognized key|<=|>=|NaN/;

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  maxLength?: number;
  minLength?: number;
  maximum?: number;
  minimum?: number;
  maxItems?: number;
  minItems?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Operation = { method: string; path: string; parameters: { name: string; in: string; schema?: Schema }[]; body?: Schema };

/** Values a person might send instead of what the schema wants, each aimed at one kind of issue. */
function badValues(schema: Schema): unknown[] {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const values: unknown[] = [];
  if (types.includes('string')) {
    values.push(12345, { nested: true });
    if (schema.maxLength !== undefined) values.push('x'.repeat(schema.maxLength + 1));
    if (schema.minLength) values.push('');
    if (schema.format || schema.pattern) values.push('not in the right form');
    if (schema.enum) values.push('not_an_option');
  }
  if (types.includes('number') || types.includes('integer')) {
    values.push('abc', 1.5);
    if (schema.maximum !== undefined) values.push(schema.maximum + 1);
    if (schema.minimum !== undefined) values.push(schema.minimum - 1);
  }
  if (types.includes('boolean')) values.push('yes');
  if (types.includes('array')) {
    values.push('a list was wanted', [{ weird: true }]);
    if (schema.maxItems !== undefined) values.push(Array.from({ length: schema.maxItems + 1 }, () => 'x'));
    if (schema.minItems) values.push([]);
  }
  if (types.includes('object')) values.push('an object was wanted', [1]);
  if (schema.enum && !types.length) values.push('not_an_option', 7);
  for (const option of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) values.push(...badValues(option));
  return values.length ? values : ['not in the right form', 12345];
}

/** Query values as text (a query has no types): too long, not a number, not a date, not an option. */
function badQueryValues(schema: Schema): string[] {
  const values = ['not in the right form', '-1', '1.5', 'x'.repeat((schema.maxLength ?? 600) + 1)];
  if (schema.maximum !== undefined) values.push(String(schema.maximum + 1));
  if (schema.minimum !== undefined) values.push(String(schema.minimum - 1));
  return values;
}

describe('validation messages are written for people', () => {
  let t: TestApp;
  let officer: TestUser;
  let admin: TestUser;
  let operations: Operation[];
  let document: { components?: { schemas?: Record<string, Schema> } };
  const ids: Record<string, string> = {};
  const seen: { label: string; field: string; message: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    admin = await t.user({ role: 'admin', clearance: 'S' });
    const directive = await buildDirective(t.database.db, { actionPosts: ['berlin'], points: ['A synthetic point.'] });
    const engagement = await buildEngagement(t.database.db, { post: 'berlin', draftedBy: officer.actor.id, followUps: 1, directives: [directive.id] });
    Object.assign(ids, { engagements: engagement.id, followUpId: engagement.followUpIds[0]!, directives: directive.id, posts: 'berlin', countries: 'DE' });
    document = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = (
      document as unknown as {
        paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
      }
    ).paths;
    operations = Object.entries(paths)
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

  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema) return {};
    if (schema.$ref) return resolve(document.components?.schemas?.[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  };
  const urlOf = (operation: Operation) =>
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const collection = operation.path.split('/')[3] ?? '';
      return encodeURIComponent(name === 'id' ? (ids[collection] ?? '00000000-0000-4000-8000-000000000000') : (ids[name] ?? ids[collection] ?? 'x'));
    });

  async function send(operation: Operation, url: string, payload?: unknown) {
    const as = operation.path.startsWith('/api/v1/users') || operation.path.startsWith('/api/v1/audit') ? admin : officer;
    const response = await t.request({ method: operation.method as 'GET', url, as, ...(payload === undefined ? {} : { payload: payload as object }) });
    const label = `${operation.method} ${operation.path} with ${JSON.stringify(payload)?.slice(0, 160) ?? url}`;
    if (response.statusCode !== 400) return;
    const problem = response.json<{ detail?: string; errors?: { field: string; message: string }[] }>();
    for (const error of problem.errors ?? []) seen.push({ label, ...error });
    expect(problem.detail ?? '', label).not.toMatch(RAW_LIBRARY_TEXT);
  }

  it('words every refusal of a body field, of a query or path parameter, as a person would', { timeout: 300_000 }, async () => {
    for (const operation of operations) {
      for (const parameter of operation.parameters) {
        for (const value of badQueryValues(resolve(parameter.schema))) {
          if (parameter.in === 'query') await send(operation, `${urlOf(operation)}?${parameter.name}=${encodeURIComponent(value)}`);
          if (parameter.in === 'path')
            await send(operation, urlOf(operation).replace(encodeURIComponent(ids[parameter.name] ?? ''), encodeURIComponent(value)));
        }
      }
      const body = resolve(operation.body);
      if (!body.properties) continue;
      const base = sample(operation.body as never, { skipReadOnly: true, quiet: true }, document) as Record<string, unknown>;
      await send(operation, urlOf(operation), {});
      await send(operation, urlOf(operation), { ...base, notAField: 1 });
      for (const [field, fieldSchema] of Object.entries(body.properties)) {
        const resolved = resolve(fieldSchema);
        for (const value of badValues(resolved)) await send(operation, urlOf(operation), { ...base, [field]: value });
        const item = resolve(resolved.items);
        if (item.properties && Array.isArray(base[field]) && (base[field] as unknown[])[0]) {
          for (const [inner, innerSchema] of Object.entries(item.properties)) {
            for (const value of badValues(resolve(innerSchema))) {
              await send(operation, urlOf(operation), { ...base, [field]: [{ ...((base[field] as object[])[0] as object), [inner]: value }] });
            }
          }
        }
      }
    }
    // The walk reached the validators: each kind of issue was refused somewhere.
    expect(seen.length).toBeGreaterThan(200);
    const raw = seen.filter((error) => RAW_LIBRARY_TEXT.test(error.message));
    expect(raw.map((error) => `${error.label}: ${error.field} ${error.message}`)).toEqual([]);
  });

  it('says what is wrong in words: limits with their unit, required fields, ids, dates, options', async () => {
    const create = (payload: object) => t.request({ method: 'POST', url: '/api/v1/engagements', as: officer, payload });
    const base = { occurredAt: '2025-12-01T10:00:00Z', kind: 'meeting', classification: 'U' };
    const messages = async (payload: object) =>
      Object.fromEntries(((await create(payload)).json().errors as { field: string; message: string }[]).map((error) => [error.field, error.message]));

    expect(await messages({ ...base, ourReadout: 'x'.repeat(20_001) })).toEqual({ 'body.ourReadout': 'must be at most 20,000 characters' });
    expect(await messages({ kind: 'meeting', classification: 'U' })).toEqual({ 'body.occurredAt': 'is required' });
    expect(await messages({ ...base, directives: ['not-an-id'] })).toEqual({
      'body.directives.0': 'must be an id such as 0b6f3a52-6f1e-4c2a-9d0e-2f4b8c1d7e90',
    });
    expect(await messages({ ...base, ourReadout: 42 })).toEqual({ 'body.ourReadout': 'must be text' });
    expect(await messages({ ...base, synthetic: 'yes' })).toEqual({ 'body.synthetic': 'must be true or false' });
    expect(await messages({ ...base, followUps: Array.from({ length: 51 }, () => ({ action: 'Reply', dueDate: '2026-01-01' })) })).toEqual({
      'body.followUps': 'must have at most 50 items',
    });
    const contact = { name: 'x'.repeat(201), title: 'Director', organization: 'Ministry', organizationType: 'embassy', country: 'DE' };
    const refused = await t.request({ method: 'POST', url: '/api/v1/contacts', as: officer, payload: contact });
    expect(refused.json().errors).toEqual([
      { field: 'body.name', message: 'must be at most 200 characters' },
      { field: 'body.organizationType', message: expect.stringMatching(/^must be one of ministry_of_interior, /) },
    ]);
  });

  it('refuses a date filter whose From is after its To on every list, naming both fields', async () => {
    const lists = [
      { url: '/api/v1/engagements?from=2026-03-01&to=2026-01-31', as: officer, from: '2026-03-01', to: '2026-01-31' },
      { url: '/api/v1/incidents?from=2026-03-01&to=2026-01-31', as: officer, from: '2026-03-01', to: '2026-01-31' },
      { url: '/api/v1/incidents/map?from=2026-03-01&to=2026-01-31', as: officer, from: '2026-03-01', to: '2026-01-31' },
      { url: '/api/v1/audit?from=2026-03-01T00:00:00Z&to=2026-01-31T23:59:59Z', as: admin, from: '2026-03-01T00:00:00Z', to: '2026-01-31T23:59:59Z' },
    ];
    for (const list of lists) {
      const response = await t.request({ method: 'GET', url: list.url, as: list.as });
      expect(response.statusCode, list.url).toBe(400);
      expect(response.json().errors, list.url).toEqual([
        { field: 'query.from', message: `must be on or before to (${list.to})` },
        { field: 'query.to', message: `must be on or after from (${list.from})` },
      ]);
    }
    // One day is a range.
    expect((await t.request({ method: 'GET', url: '/api/v1/engagements?from=2026-01-31&to=2026-01-31', as: officer })).statusCode).toBe(200);
  });
});
