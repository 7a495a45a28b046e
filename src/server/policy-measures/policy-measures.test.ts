import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { TPolicyMeasure, TPolicyMeasureInput } from '../../shared/policy-measures';
import { auditEvents, policyAreas, policyMeasureStatuses, policyMeasures } from '../db/schema/index';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { againstUncommitted } from '../testing/races';

/** Policy measures through the API, on PGlite and PostgreSQL: sources, status history, filters, areas and the access rule. */
describe('policy measures', () => {
  let t: TestApp;
  let officer: TestUser;
  let parisOfficer: TestUser;
  let hq: TestUser;
  let hqU: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    parisOfficer = await t.user({ role: 'officer', post: 'paris', clearance: 'S' });
    hq = await t.user({ role: 'hq_analyst', clearance: 'S' });
    hqU = await t.user({ role: 'hq_analyst', clearance: 'U' });
    admin = await t.user({ role: 'admin' });
  });
  afterAll(async () => t.close());

  const gazette = {
    url: 'https://example.org/gazette/1',
    outlet: 'Synthetic federal gazette',
    language: 'de',
    type: 'official',
    reliability: 'A',
    credibility: 1,
  } as const;
  const input = (overrides: Partial<TPolicyMeasureInput> = {}): TPolicyMeasureInput => ({
    area: 'asylum_procedure',
    title: 'Synthetic accelerated border procedure act',
    status: 'adopted',
    statusOn: '2026-02-10',
    direction: 'more_restrictive',
    summary: 'Synthetic: asylum claims from safe countries of origin are decided within a week at the border.',
    sources: [gazette],
    synthetic: true,
    ...overrides,
  });
  const record = async (as: TestUser, overrides: Partial<TPolicyMeasureInput> = {}) => {
    const response = await t.request({ method: 'POST', url: '/api/v1/policy-measures', as, payload: input(overrides) });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TPolicyMeasure>();
  };
  const ids = async (as: TestUser, query: string) =>
    (await t.request({ method: 'GET', url: `/api/v1/policy-measures?limit=500${query}`, as })).json<{ items: { id: string }[] }>().items.map((item) => item.id);

  it('records a measure for the post’s country with its first status and source, audited', async () => {
    const measure = await record(officer);
    expect(measure).toMatchObject({
      post: 'berlin',
      country: 'DE',
      area: 'asylum_procedure',
      areaName: 'Asylum procedure',
      status: 'adopted',
      statusOn: '2026-02-10',
    });
    expect(measure.statusHistory.map((step) => [step.status, step.effectiveOn])).toEqual([['adopted', '2026-02-10']]);
    expect(measure.sources.map((source) => source.outlet)).toEqual(['Synthetic federal gazette']);
    expect(measure.allowedActions).toEqual(['update', 'set_status', 'add_source', 'remove_source']);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, measure.id), eq(auditEvents.action, 'policy_measure.created')));
    expect(events).toHaveLength(1);
    // The trail names it to an administrator (a reader of the whole trail), without a link: they may not open it.
    const trail = await t.request({ method: 'GET', url: '/api/v1/audit?recordType=policy_measure&limit=500', as: admin });
    expect(trail.statusCode, trail.body).toBe(200);
    const named = trail
      .json<{ items: { record: { id: string; typeLabel: string; name: string | null; href: string | null } }[] }>()
      .items.find((item) => item.record.id === measure.id);
    expect(named?.record).toMatchObject({ typeLabel: 'Policy measure', name: 'Synthetic accelerated border procedure act (Germany)', href: null });
  });

  it('needs at least one source, a known area, and the post’s own country', async () => {
    const none = await t.request({ method: 'POST', url: '/api/v1/policy-measures', as: officer, payload: input({ sources: [] }) });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([{ field: 'body.sources', message: 'must have at least one source: an unsourced measure cannot be checked' }]);
    const area = await t.request({ method: 'POST', url: '/api/v1/policy-measures', as: officer, payload: input({ area: 'weather' }) });
    expect(area.json().errors).toEqual([{ field: 'body.area', message: '"weather" is not a policy area: see GET /api/v1/policy-areas' }]);
    const france = await t.request({ method: 'POST', url: '/api/v1/policy-measures', as: officer, payload: input({ country: 'FR' }) });
    expect(france.statusCode).toBe(403);
    expect(france.json().detail).toContain('own country (DE)');
  });

  it('keeps the last source and removes any other, audited', async () => {
    const measure = await record(officer);
    const last = await t.request({ method: 'DELETE', url: `/api/v1/policy-measures/${measure.id}/sources/${measure.sources[0]!.id}`, as: officer });
    expect(last.statusCode).toBe(409);
    expect(last.json().detail).toBe('A policy measure keeps at least one source: add another source before removing this one.');
    const added = await t.request({
      method: 'POST',
      url: `/api/v1/policy-measures/${measure.id}/sources`,
      as: officer,
      payload: { ...gazette, url: 'https://example.org/gazette/2', outlet: 'Second synthetic source' },
    });
    expect(added.statusCode).toBe(200);
    expect(added.json<TPolicyMeasure>().sources).toHaveLength(2);
    const removed = await t.request({ method: 'DELETE', url: `/api/v1/policy-measures/${measure.id}/sources/${measure.sources[0]!.id}`, as: officer });
    expect(removed.json<TPolicyMeasure>().sources.map((source) => source.outlet)).toEqual(['Second synthetic source']);
  });

  it('records status changes forward in time, with their dates, and refuses one dated earlier', async () => {
    const measure = await record(officer, { status: 'proposed', statusOn: '2025-10-01' });
    const inForce = await t.request({
      method: 'POST',
      url: `/api/v1/policy-measures/${measure.id}/status`,
      as: officer,
      payload: { status: 'in_force', effectiveOn: '2026-01-01' },
    });
    expect(inForce.json<TPolicyMeasure>()).toMatchObject({ status: 'in_force', statusOn: '2026-01-01' });
    const earlier = await t.request({
      method: 'POST',
      url: `/api/v1/policy-measures/${measure.id}/status`,
      as: officer,
      payload: { status: 'suspended', effectiveOn: '2025-12-01' },
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().errors).toEqual([{ field: 'body.effectiveOn', message: "must be on or after the latest status's date (2026-01-01, in_force)" }]);
    const page = await t.request({ method: 'GET', url: `/api/v1/policy-measures/${measure.id}`, as: officer });
    expect(page.json<TPolicyMeasure>().statusHistory.map((step) => [step.status, step.effectiveOn])).toEqual([
      ['proposed', '2025-10-01'],
      ['in_force', '2026-01-01'],
    ]);
  });

  it('filters by country, area, status, direction, the dates of status changes and title, under the access rule', async () => {
    const open = await record(officer, {
      area: 'integration',
      title: 'Synthetic language course law',
      direction: 'more_open',
      status: 'in_force',
      statusOn: '2026-04-02',
    });
    const secret = await record(officer, { area: 'integration', title: 'Synthetic secret integration plan', classification: 'S', statusOn: '2026-04-03' });
    const paris = await record(parisOfficer, { area: 'integration', title: 'Synthetic French integration contract', statusOn: '2026-04-04' });
    expect(await ids(hq, '&area=integration')).toEqual([paris.id, secret.id, open.id]);
    expect(await ids(hqU, '&area=integration')).toEqual([paris.id, open.id]);
    expect(await ids(officer, '&area=integration')).toEqual([secret.id, open.id]);
    expect(await ids(hq, '&area=integration&country=FR')).toEqual([paris.id]);
    expect(await ids(hq, '&area=integration&direction=more_open')).toEqual([open.id]);
    expect(await ids(hq, '&area=integration&status=in_force')).toEqual([open.id]);
    expect(await ids(hq, '&area=integration&from=2026-04-03&to=2026-04-03')).toEqual([secret.id]);
    expect(await ids(hq, '&q=language%20course')).toEqual([open.id]);
    expect((await t.request({ method: 'GET', url: `/api/v1/policy-measures/${open.id}`, as: parisOfficer })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/policy-measures/${secret.id}`, as: hqU })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/policy-measures', as: admin })).statusCode).toBe(403);
    const wrongRange = await t.request({ method: 'GET', url: '/api/v1/policy-measures?from=2026-05-01&to=2026-04-01', as: hq });
    expect(wrongRange.statusCode).toBe(400);
  });

  it('lets administrators add and retire areas; a retired area takes no new measures', async () => {
    const created = await t.request({ method: 'POST', url: '/api/v1/policy-areas', as: admin, payload: { code: 'citizenship', name: 'Citizenship' } });
    expect(created.statusCode).toBe(201);
    const retired = await t.request({ method: 'PATCH', url: '/api/v1/policy-areas/citizenship', as: admin, payload: { retired: true } });
    expect(retired.json()).toMatchObject({ code: 'citizenship', retired: true, description: '' });
    const refused = await t.request({ method: 'POST', url: '/api/v1/policy-measures', as: officer, payload: input({ area: 'citizenship' }) });
    expect(refused.json().errors).toEqual([{ field: 'body.area', message: '"citizenship" is retired: choose another policy area' }]);
    const areas = await t.request({ method: 'GET', url: '/api/v1/policy-areas', as: officer });
    expect(areas.json().items.map((area: { code: string }) => area.code)).toEqual([
      'asylum_procedure',
      'reception_detention',
      'returns_deportation',
      'return_hubs',
      'legal_pathways',
      'integration',
      'border_control',
      'hate_crime_enforcement',
      'citizenship',
    ]);
    expect((await t.request({ method: 'POST', url: '/api/v1/policy-areas', as: officer, payload: { code: 'x_y', name: 'X' } })).statusCode).toBe(403);
  });

  it('answers a code already taken with a 409 in words, also when two administrators add it at once', async () => {
    const add = (code: string, name: string) => t.request({ method: 'POST', url: '/api/v1/policy-areas', as: admin, payload: { code, name } });
    expect((await add('family_reunion', 'Family reunion')).statusCode).toBe(201);
    const again = await add('family_reunion', 'Family reunification');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      detail: 'A policy area with the code "family_reunion" already exists (Family reunion): choose another code.',
      errors: [{ field: 'body.code', message: '"family_reunion" is taken: choose another code' }],
    });
    // The other administrator's area is written but not committed: the check cannot see it, the key decides.
    const raced = await againstUncommitted(
      t,
      (tx) => tx.insert(policyAreas).values({ code: 'labour_market', name: 'Labour market' }),
      () => add('labour_market', 'Labour market access'),
    );
    expect(raced.statusCode, raced.body).toBe(409);
    expect(raced.json().detail).toMatch(/^A policy area with the code "labour_market" already exists/);
    expect(raced.json().errors).toEqual([{ field: 'body.code', message: '"labour_market" is taken: choose another code' }]);
    const [area] = await t.database.db.select({ name: policyAreas.name }).from(policyAreas).where(eq(policyAreas.code, 'labour_market'));
    expect(area?.name).toBe('Labour market');
  });

  it('records one of two identical status changes made at once, and answers the other that it is already so', async () => {
    const measure = await record(officer, { statusOn: '2026-02-10' });
    const raced = await againstUncommitted(
      t,
      async (tx) => {
        await tx.insert(policyMeasureStatuses).values({ measureId: measure.id, status: 'in_force', effectiveOn: '2026-03-01', recordedBy: officer.actor.id });
        await tx.update(policyMeasures).set({ status: 'in_force', statusOn: '2026-03-01' }).where(eq(policyMeasures.id, measure.id));
      },
      () =>
        t.request({
          method: 'POST',
          url: `/api/v1/policy-measures/${measure.id}/status`,
          as: officer,
          payload: { status: 'in_force', effectiveOn: '2026-03-01' },
        }),
    );
    expect(raced.statusCode, raced.body).toBe(409);
    expect(raced.json().detail).toBe('The measure is already in force (since 2026-03-01).');
    const after = await t.request({ method: 'GET', url: `/api/v1/policy-measures/${measure.id}`, as: officer });
    expect(after.json<TPolicyMeasure>().statusHistory.map((step) => step.status)).toEqual(['adopted', 'in_force']);
  });

  it('lets only the recording post change a measure', async () => {
    const measure = await record(officer);
    const other = await t.request({ method: 'PATCH', url: `/api/v1/policy-measures/${measure.id}`, as: hq, payload: { title: 'Changed' } });
    expect(other.statusCode).toBe(403);
    const changed = await t.request({
      method: 'PATCH',
      url: `/api/v1/policy-measures/${measure.id}`,
      as: officer,
      payload: { title: 'Synthetic renamed act', summary: 'New summary.' },
    });
    expect(changed.json<TPolicyMeasure>().title).toBe('Synthetic renamed act');
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, measure.id), eq(auditEvents.action, 'policy_measure.updated')));
    expect(event?.change).toMatchObject({ title: { from: 'Synthetic accelerated border procedure act', to: 'Synthetic renamed act' }, summary: 'changed' });
  });
});
