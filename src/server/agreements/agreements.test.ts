import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { TAgreement, TAgreementInput, TAgreementPage, TStageChange } from '../../shared/agreements';
import { auditEvents } from '../db/schema/index';
import { buildEngagement } from '../engagements/test-builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';

/**
 * Third-country agreements through the API, on PGlite and PostgreSQL: the stage history with
 * who and when, the moves refused with the allowed ones named, the great-circle distance from
 * the home capital (and sorting by it), links and sources, bad input, and who reads what.
 */
describe('agreements', () => {
  let t: TestApp;
  let hq: TestUser;
  let author: TestUser;
  let hqU: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    hq = await t.user({ role: 'hq_analyst', clearance: 'S', name: 'Casey Analyst' });
    author = await t.user({ role: 'directive_author', clearance: 'S', name: 'Dana Author' });
    hqU = await t.user({ role: 'hq_analyst', clearance: 'U' });
  });
  afterAll(async () => t.close());

  const input = (overrides: Partial<TAgreementInput> = {}): TAgreementInput => ({
    country: 'RW',
    type: 'third_country_nationals',
    classification: 'U',
    synthetic: true,
    ...overrides,
  });
  const record = async (as: TestUser, overrides: Partial<TAgreementInput> = {}) => {
    const response = await t.request({ method: 'POST', url: '/api/v1/agreements', as, payload: input(overrides) });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TAgreement>();
  };
  const move = (id: string, as: TestUser, payload: object) => t.request({ method: 'POST', url: `/api/v1/agreements/${id}/stage`, as, payload });
  const get = (id: string, as: TestUser) => t.request({ method: 'GET', url: `/api/v1/agreements/${id}`, as });
  const list = async (as: TestUser, query = '') => {
    const response = await t.request({ method: 'GET', url: `/api/v1/agreements?limit=500${query}`, as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TAgreementPage>();
  };

  it('keeps every change of stage with its day, note, who made it and when', async () => {
    const before = Date.now();
    const agreement = await record(hq, { stageOn: '2026-01-05' });
    expect(agreement).toMatchObject({ stage: 'identified', stageOn: '2026-01-05', country: 'RW', countryName: 'Rwanda' });
    const approached = await move(agreement.id, hq, { stage: 'approached', on: '2026-01-20', note: 'Note verbale delivered (synthetic).' });
    expect(approached.statusCode, approached.body).toBe(200);
    const negotiating = await move(agreement.id, author, { stage: 'negotiating' });
    expect(negotiating.statusCode, negotiating.body).toBe(200);
    expect(negotiating.json<TAgreement>()).toMatchObject({ stage: 'negotiating', stageOn: new Date().toISOString().slice(0, 10) });

    const history = (await t.request({ method: 'GET', url: `/api/v1/agreements/${agreement.id}/history`, as: hq })).json<TStageChange[]>();
    expect(history.map((change) => [change.from, change.to, change.by?.name, change.note])).toEqual([
      [null, 'identified', 'Casey Analyst', ''],
      ['identified', 'approached', 'Casey Analyst', 'Note verbale delivered (synthetic).'],
      ['approached', 'negotiating', 'Dana Author', ''],
    ]);
    expect(history.map((change) => change.on).slice(0, 2)).toEqual(['2026-01-05', '2026-01-20']);
    for (const change of history) expect(Date.parse(change.at)).toBeGreaterThanOrEqual(before - 1000);
    // The agreement's page carries the same history.
    expect((await get(agreement.id, hq)).json<TAgreement>().history).toEqual(history);

    const events = await t.database.db
      .select({ action: auditEvents.action, change: auditEvents.change, actor: auditEvents.actorEmail })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'agreement'), eq(auditEvents.recordId, agreement.id)));
    expect(events.map((event) => [event.action, event.actor])).toEqual([
      ['agreement.created', hq.email],
      ['agreement.stage_moved', hq.email],
      ['agreement.stage_moved', author.email],
    ]);
    expect(events[1]!.change).toMatchObject({ stage: { from: 'identified', to: 'approached' }, on: '2026-01-20', note: 'given' });

    // The audit trail names the agreement to an administrator (a reader of the whole trail), without a link: they may not open it.
    const admin = await t.user({ role: 'admin', clearance: 'S' });
    const trail = await t.request({ method: 'GET', url: '/api/v1/audit?recordType=agreement&limit=500', as: admin });
    expect(trail.statusCode, trail.body).toBe(200);
    const named = trail
      .json<{ items: { record: { id: string; name: string | null; href: string | null } }[] }>()
      .items.find((item) => item.record.id === agreement.id);
    expect(named?.record).toMatchObject({ name: 'Rwanda · Acceptance of third-country nationals', href: null });
  });

  it('refuses a move the stage does not allow, naming the stage and the allowed ones', async () => {
    const agreement = await record(hq, { stage: 'approached' });
    const skip = await move(agreement.id, hq, { stage: 'signed' });
    expect(skip.statusCode).toBe(409);
    expect(skip.headers['content-type']).toContain('application/problem+json');
    expect(skip.json()).toMatchObject({
      detail: 'An agreement at the stage Approached cannot move to Signed; from Approached it moves to Identified, Negotiating, Declined or Suspended.',
      stage: 'approached',
      allowedStages: ['identified', 'negotiating', 'declined', 'suspended'],
    });
    const same = await move(agreement.id, hq, { stage: 'approached' });
    expect(same.statusCode).toBe(409);
    expect(same.json().detail).toBe('The agreement is already at the stage Approached.');
    // Nothing was written by the refused moves.
    expect((await get(agreement.id, hq)).json<TAgreement>().history).toHaveLength(1);
  });

  it('declines and suspends, and reopens only at the stage where it stopped', async () => {
    const agreement = await record(hq, { stage: 'negotiating', country: 'UG' });
    expect(agreement.nextStages).toEqual(['approached', 'text_agreed', 'declined', 'suspended']);
    const declined = (await move(agreement.id, hq, { stage: 'declined', note: 'Counterpart declined (synthetic).' })).json<TAgreement>();
    expect(declined.nextStages).toEqual(['negotiating']);
    const wrong = await move(agreement.id, hq, { stage: 'signed' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().allowedStages).toEqual(['negotiating']);
    const reopened = await move(agreement.id, hq, { stage: 'negotiating' });
    expect(reopened.json<TAgreement>()).toMatchObject({ stage: 'negotiating', nextStages: ['approached', 'text_agreed', 'declined', 'suspended'] });

    const inForce = await record(hq, { stage: 'in_force', country: 'PY' });
    // In force: suspended is the only way out (not declined, not back).
    expect(inForce.nextStages).toEqual(['suspended']);
    const suspended = (await move(inForce.id, hq, { stage: 'suspended' })).json<TAgreement>();
    expect(suspended.nextStages).toEqual(['in_force']);
  });

  it('refuses a day in the future or before the previous change, naming the field', async () => {
    const agreement = await record(hq, { stageOn: '2026-02-01' });
    const early = await move(agreement.id, hq, { stage: 'approached', on: '2026-01-15' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([{ field: 'body.on', message: 'must be on or after 2026-02-01, the day of the previous change of stage' }]);
    const future = await move(agreement.id, hq, { stage: 'approached', on: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('body.on');
    const stage = await move(agreement.id, hq, { stage: 'finished' });
    expect(stage.statusCode).toBe(400);
    expect(stage.json().errors[0].field).toBe('body.stage');
  });

  it('measures the great-circle distance from Washington to the counterpart’s capital within 1% of the known distances', async () => {
    // Great-circle distances between the capitals (the reference data's coordinates: GeoNames).
    const known: [string, number][] = [
      ['GB', 5_900], // Washington–London
      ['RW', 11_600], // Washington–Kigali
      ['AU', 15_950], // Washington–Canberra
      ['JP', 10_900], // Washington–Tokyo
      ['CA', 735], // Washington–Ottawa
    ];
    for (const [country, km] of known) {
      const agreement = await record(hq, { country, type: 'readmission' });
      expect(Math.abs(agreement.distanceKm! - km) / km, `${country}: ${agreement.distanceKm} km`).toBeLessThan(0.01);
    }
    const page = await list(hq, '&type=readmission&sort=distance');
    expect(page.home).toEqual({ country: 'US', countryName: 'United States', capital: 'Washington D.C.', located: true });
    expect(page.items.map((item) => item.country)).toEqual(['CA', 'GB', 'JP', 'RW', 'AU']);
    const farthest = await list(hq, '&type=readmission&sort=distance&order=desc');
    expect(farthest.items.map((item) => item.country)).toEqual(['AU', 'RW', 'JP', 'GB', 'CA']);
    // Paged two at a time, the same order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await t.request({
        method: 'GET',
        url: `/api/v1/agreements?type=readmission&sort=distance&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        as: hq,
      });
      const page2 = response.json<TAgreementPage>();
      seen.push(...page2.items.map((item) => item.country));
      cursor = page2.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['CA', 'GB', 'JP', 'RW', 'AU']);
  });

  it('measures from another home capital when configured', async () => {
    const other = await createTestApp();
    try {
      await other.app.close();
      const { buildApp } = await import('../app');
      const app = await buildApp({ database: other.database, webDir: '/nonexistent', sessionSecret: 'x'.repeat(40), homeCountry: 'GB' });
      const writer = await other.user({ role: 'hq_analyst' });
      const created = await app.inject({ method: 'POST', url: '/api/v1/agreements', headers: writer.headers, payload: input({ country: 'FR' }) });
      expect(created.statusCode, created.body).toBe(201);
      // London–Paris: about 344 km.
      expect(Math.abs(created.json<TAgreement>().distanceKm! - 344) / 344).toBeLessThan(0.01);
      const page = (await app.inject({ method: 'GET', url: '/api/v1/agreements', headers: writer.headers })).json<TAgreementPage>();
      expect(page.home).toMatchObject({ country: 'GB', capital: 'London' });
      await app.close();
    } finally {
      await other.database.close();
    }
  });

  it('sorts by stage in pipeline order and filters by stage, type and country', async () => {
    const page = await list(hq, '&sort=stage');
    const order = page.items.map((item) => item.stage);
    const ranks = order.map((stage) =>
      ['identified', 'approached', 'negotiating', 'text_agreed', 'signed', 'in_force', 'declined', 'suspended'].indexOf(stage),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const negotiating = await list(hq, '&stage=negotiating,approached');
    expect(negotiating.items.length).toBeGreaterThan(0);
    expect(new Set(negotiating.items.map((item) => item.stage))).toEqual(new Set(['negotiating', 'approached']));
    const uganda = await list(hq, '&country=ug');
    expect(uganda.items.map((item) => item.country)).toEqual(['UG']);
  });

  it('answers bad input with problem+json naming each field', async () => {
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/agreements',
      as: hq,
      payload: { country: 'ZZ', type: 'treaty', classification: 'U', annualCapacity: -3, nationalities: ['XX'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['body.annualCapacity', 'body.type']);
    const unknown = await t.request({ method: 'POST', url: '/api/v1/agreements', as: hq, payload: input({ country: 'ZZ', nationalities: ['SV', 'XX'] }) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { field: 'body.country', message: 'no country has the code "ZZ"' },
      { field: 'body.nationalities.1', message: 'no country has the code "XX"' },
    ]);
    const above = await t.request({ method: 'POST', url: '/api/v1/agreements', as: hqU, payload: input({ classification: 'C' }) });
    expect(above.json().errors).toEqual([{ field: 'body.classification', message: 'must be at or below your clearance (U)' }]);
    const closed = await t.request({ method: 'POST', url: '/api/v1/agreements', as: hq, payload: input({ stage: 'declined' as never }) });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().errors[0].field).toBe('body.stage');
    const sort = await t.request({ method: 'GET', url: '/api/v1/agreements?sort=size', as: hq });
    expect(sort.statusCode).toBe(400);
    expect(sort.json().errors[0].field).toBe('query.sort');
    const cursor = await t.request({ method: 'GET', url: '/api/v1/agreements?sort=distance&cursor=abc', as: hq });
    expect(cursor.statusCode).toBe(400);
    const id = await t.request({ method: 'GET', url: '/api/v1/agreements/not-an-id', as: hq });
    expect(id.statusCode).toBe(400);
  });

  it('updates terms and links, auditing only what changed', async () => {
    const officer = await t.user({ role: 'officer', post: 'kigali', clearance: 'S' });
    const approved = await buildEngagement(t.database.db, { post: 'kigali', draftedBy: officer.actor.id, status: 'approved' });
    const secret = await buildEngagement(t.database.db, { post: 'kigali', draftedBy: officer.actor.id, status: 'approved', classification: 'S' });
    const agreement = await record(hq, { country: 'RW', type: 'return_hub', engagements: [approved.id, secret.id] });
    expect(agreement.engagements.map((engagement) => engagement.id).sort()).toEqual([approved.id, secret.id].sort());

    // A U reader sees the agreement and only the engagement it may see; the other is not mentioned.
    const shown = (await get(agreement.id, hqU)).json<TAgreement>();
    expect(shown.engagements.map((engagement) => engagement.id)).toEqual([approved.id]);
    // A U writer replacing the links keeps the link it cannot see.
    const cleared = await t.request({ method: 'PATCH', url: `/api/v1/agreements/${agreement.id}`, as: hqU, payload: { engagements: [] } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((await get(agreement.id, hq)).json<TAgreement>().engagements.map((engagement) => engagement.id)).toEqual([secret.id]);
    const hidden = await t.request({ method: 'PATCH', url: `/api/v1/agreements/${agreement.id}`, as: hqU, payload: { engagements: [secret.id] } });
    expect(hidden.json().errors).toEqual([{ field: 'body.engagements.0', message: 'is not an engagement you may see' }]);

    const updated = await t.request({
      method: 'PATCH',
      url: `/api/v1/agreements/${agreement.id}`,
      as: hq,
      payload: { annualCapacity: 500, nationalities: ['SV', 'HN'], reviewOn: '2027-06-30', assistanceOffered: 'Synthetic capacity-building package.' },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<TAgreement>()).toMatchObject({
      annualCapacity: 500,
      reviewOn: '2027-06-30',
      nationalities: [
        { code: 'SV', name: 'El Salvador' },
        { code: 'HN', name: 'Honduras' },
      ],
    });
    const again = await t.request({ method: 'PATCH', url: `/api/v1/agreements/${agreement.id}`, as: hq, payload: { annualCapacity: 500 } });
    expect(again.statusCode).toBe(200);
    const events = await t.database.db
      .select({ action: auditEvents.action, change: auditEvents.change })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, agreement.id), eq(auditEvents.action, 'agreement.updated')))
      .then((rows) => rows as { action: string; change: Record<string, unknown> }[]);
    expect(events.map(({ change: { tokenId, ...change } }) => change)).toEqual([
      { engagements: { added: [], removed: [approved.id] } },
      {
        annualCapacity: { from: null, to: 500 },
        nationalities: { from: [], to: ['SV', 'HN'] },
        reviewOn: { from: null, to: '2027-06-30' },
        assistanceOffered: 'changed',
      },
    ]);
  });

  it('marks the events that name linked engagements as high as those engagements', async () => {
    const officer = await t.user({ role: 'officer', post: 'kigali', clearance: 'S' });
    const open = await buildEngagement(t.database.db, { post: 'kigali', draftedBy: officer.actor.id, status: 'approved' });
    const secret = await buildEngagement(t.database.db, { post: 'kigali', draftedBy: officer.actor.id, status: 'approved', classification: 'S' });
    const agreement = await record(hq, { country: 'RW', type: 'readmission', classification: 'U', engagements: [open.id, secret.id] });
    await t.request({ method: 'PATCH', url: `/api/v1/agreements/${agreement.id}`, as: hq, payload: { notes: 'Synthetic: talks resumed.' } });
    await t.request({ method: 'PATCH', url: `/api/v1/agreements/${agreement.id}`, as: hq, payload: { engagements: [open.id] } });
    const events = await t.database.db
      .select({ action: auditEvents.action, classification: auditEvents.classification, change: auditEvents.change })
      .from(auditEvents)
      .where(eq(auditEvents.recordId, agreement.id))
      .orderBy(auditEvents.id);
    // The creation and the removal name the S engagement; the change of the notes names none.
    expect(events.map((event) => [event.action, event.classification])).toEqual([
      ['agreement.created', 'S'],
      ['agreement.updated', 'U'],
      ['agreement.updated', 'S'],
    ]);
    expect(events[2]?.change).toMatchObject({ engagements: { added: [], removed: [secret.id] } });
    // A U-cleared administrator reads only the event that names nothing above U.
    const admin = await t.user({ role: 'admin', clearance: 'U' });
    const trail = await t.request({ method: 'GET', url: `/api/v1/audit?recordType=agreement&recordId=${agreement.id}&limit=50`, as: admin });
    expect(trail.statusCode, trail.body).toBe(200);
    expect(trail.json<{ items: { action: string }[] }>().items.map((item) => item.action)).toEqual(['agreement.updated']);
    expect(trail.body).not.toContain(secret.id);
  });

  it('adds and removes sources (the shared source model), audited', async () => {
    const agreement = await record(hq, {
      country: 'SV',
      sources: [
        { url: 'https://example.org/synthetic/agreement', outlet: 'Synthetic gazette', language: 'es', type: 'official', reliability: 'B', credibility: 2 },
      ],
    });
    expect(agreement.sources.map((source) => source.outlet)).toEqual(['Synthetic gazette']);
    const added = await t.request({
      method: 'POST',
      url: `/api/v1/agreements/${agreement.id}/sources`,
      as: author,
      payload: { url: 'https://example.org/synthetic/report', outlet: 'Synthetic wire', language: 'en', type: 'media', reliability: 'C', credibility: 3 },
    });
    expect(added.statusCode, added.body).toBe(200);
    const withTwo = added.json<TAgreement>();
    expect(withTwo.sources.map((source) => [source.outlet, source.addedBy?.name])).toEqual([
      ['Synthetic gazette', 'Casey Analyst'],
      ['Synthetic wire', 'Dana Author'],
    ]);
    const badUrl = await t.request({ method: 'POST', url: `/api/v1/agreements/${agreement.id}/sources`, as: hq, payload: { url: 'ftp://x', outlet: '' } });
    expect(badUrl.statusCode).toBe(400);
    const removed = await t.request({ method: 'DELETE', url: `/api/v1/agreements/${agreement.id}/sources/${withTwo.sources[0]!.id}`, as: hq });
    expect(removed.json<TAgreement>().sources.map((source) => source.outlet)).toEqual(['Synthetic wire']);
    const actions = await t.database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.recordId, agreement.id));
    expect(actions.map((event) => event.action)).toEqual(['agreement.created', 'agreement.source_added', 'agreement.source_removed']);
  });

  it('shows an agreement to headquarters, its bureau and its country’s post only, at or below their clearance', async () => {
    const rw = await record(hq, { country: 'RW', classification: 'C', type: 'safe_third_country' });
    const rwSecret = await record(hq, { country: 'RW', classification: 'S', type: 'safe_third_country' });
    const kigaliOfficer = await t.user({ role: 'officer', post: 'kigali', clearance: 'C' });
    const berlinOfficer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    const af = await t.user({ role: 'bureau_analyst', bureau: 'AF', clearance: 'C' });
    const eur = await t.user({ role: 'bureau_analyst', bureau: 'EUR', clearance: 'S' });
    const admin = await t.user({ role: 'admin', clearance: 'S' });
    const ids = async (as: TestUser) => (await list(as, '&type=safe_third_country&country=RW')).items.map((item) => item.id);

    expect(await ids(kigaliOfficer)).toEqual([rw.id]);
    expect(await ids(af)).toEqual([rw.id]);
    expect(await ids(berlinOfficer)).toEqual([]);
    expect(await ids(eur)).toEqual([]);
    expect((await ids(hq)).sort()).toEqual([rw.id, rwSecret.id].sort());
    expect((await get(rwSecret.id, kigaliOfficer)).statusCode).toBe(404);
    expect((await get(rw.id, berlinOfficer)).statusCode).toBe(404);
    expect((await get(rw.id, admin)).statusCode).toBe(403);
    // Readers who may not move agreements are offered no move, and refused one.
    expect((await get(rw.id, kigaliOfficer)).json<TAgreement>()).toMatchObject({ nextStages: [], allowedActions: [] });
    expect((await move(rw.id, kigaliOfficer, { stage: 'approached' })).statusCode).toBe(403);
    expect((await move(rwSecret.id, hqU, { stage: 'approached' })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/v1/agreements', as: af, payload: input() })).statusCode).toBe(403);
  });
});
