import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import type { TIncident, TIncidentInput } from '../../shared/incidents';
import { auditEvents, notifications } from '../db/schema/index';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';

/**
 * Incidents through the API, on PGlite and PostgreSQL: sources, legal status, suspect status
 * as each source states it, four-eyes verification, revisions, merge and undo, filters and
 * exports, and the access rule on every view.
 */
describe('incidents', () => {
  let t: TestApp;
  let officer: TestUser;
  let approver: TestUser;
  let approverB: TestUser;
  let parisOfficer: TestUser;
  let hq: TestUser;
  let hqU: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    approver = await t.user({ role: 'approver', post: 'berlin', clearance: 'S' });
    approverB = await t.user({ role: 'approver', post: 'berlin', clearance: 'S' });
    parisOfficer = await t.user({ role: 'officer', post: 'paris', clearance: 'S' });
    hq = await t.user({ role: 'hq_analyst', clearance: 'S' });
    hqU = await t.user({ role: 'hq_analyst', clearance: 'U' });
  });
  afterAll(async () => t.close());

  const police = {
    url: 'https://example.org/police/1',
    outlet: 'Synthetic police press office',
    language: 'de',
    type: 'police',
    reliability: 'A',
    credibility: 2,
  } as const;
  const paper = { url: 'https://example.org/paper/1', outlet: 'Synthetic daily', language: 'de', type: 'media', reliability: 'C', credibility: 3 } as const;
  const input = (overrides: Partial<TIncidentInput> = {}): TIncidentInput => ({
    placeName: 'Kellburg',
    latitude: 52.1,
    longitude: 13.2,
    geoPrecision: 'town',
    occurredOn: '2026-03-14',
    category: 'anti_migrant_attack',
    summary:
      'Unknown persons set fire to the entrance of a shelter for asylum seekers at night; forty residents were evacuated and two treated for smoke inhalation.',
    classification: 'U',
    sources: [
      { ...police, suspectStatus: 'not_stated' },
      { ...paper, suspectStatus: 'national' },
    ],
    synthetic: true,
    ...overrides,
  });
  const file = async (as: TestUser, overrides: Partial<TIncidentInput> = {}) => {
    const response = await t.request({ method: 'POST', url: '/api/v1/incidents', as, payload: input(overrides) });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TIncident>();
  };
  const act = (id: string, action: string, as: TestUser, payload?: object) =>
    t.request({ method: 'POST', url: `/api/v1/incidents/${id}/${action}`, as, ...(payload ? { payload } : {}) });
  const get = (id: string, as: TestUser) => t.request({ method: 'GET', url: `/api/v1/incidents/${id}`, as });
  const list = async (as: TestUser, query = '') =>
    (await t.request({ method: 'GET', url: `/api/v1/incidents?limit=500${query}`, as })).json<{ items: TIncident[] }>().items;

  it('refuses a marking above the writer’s clearance, saying so, on filing and on editing', async () => {
    const uOfficer = await t.user({ role: 'officer', post: 'berlin', clearance: 'U' });
    const above = await t.request({ method: 'POST', url: '/api/v1/incidents', as: uOfficer, payload: input({ classification: 'SBU' }) });
    expect(above.statusCode).toBe(400);
    expect(above.json().errors).toEqual([{ field: 'body.classification', message: 'must be at or below your clearance (U)' }]);
    const filed = await file(uOfficer);
    const raised = await t.request({ method: 'PATCH', url: `/api/v1/incidents/${filed.id}`, as: uOfficer, payload: { classification: 'SBU' } });
    expect(raised.statusCode).toBe(400);
    expect(raised.json().errors).toEqual([{ field: 'body.classification', message: 'must be at or below your clearance (U)' }]);
  });

  it('files an incident with its sources, the legal status with its label, and each source’s suspect status', async () => {
    const incident = await file(officer, {
      sources: [
        { ...police, suspectStatus: 'foreign_national' },
        { ...paper, suspectStatus: 'national' },
      ],
    });
    expect(incident).toMatchObject({
      status: 'draft',
      post: 'berlin',
      country: 'DE',
      legalStatus: 'reported',
      legalStatusLabel: 'Reported (allegation, no charge)',
    });
    expect(incident.sources.map((source) => [source.outlet, source.reliability, source.suspectStatus])).toEqual([
      ['Synthetic police press office', 'A', 'foreign_national'],
      ['Synthetic daily', 'C', 'national'],
    ]);
    // Two sources disagree: both statuses are shown, each with the source that states it.
    expect(incident.suspectStatusDisputed).toBe(true);
    expect(incident.suspectStatuses).toEqual([
      { status: 'national', sources: [{ id: incident.sources[1]!.id, outlet: 'Synthetic daily' }] },
      { status: 'foreign_national', sources: [{ id: incident.sources[0]!.id, outlet: 'Synthetic police press office' }] },
    ]);
    expect(incident.bestReliability).toBe('A');
    expect(incident.legalHistory).toMatchObject([{ status: 'reported', effectiveOn: '2026-03-14' }]);
  });

  it('refuses an incident without a source, naming the field', async () => {
    const response = await t.request({ method: 'POST', url: '/api/v1/incidents', as: officer, payload: input({ sources: [] }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'body.sources', message: 'needs at least one source: an unsourced claim cannot be verified' }]);
  });

  it('refuses a personal name with its span, and lets a public official through when allowed', async () => {
    const summary = 'Interior Minister Nancy Faeser visited the site. The victim, Jonas Kellermann, was treated in hospital.';
    const refused = await t.request({ method: 'POST', url: '/api/v1/incidents', as: officer, payload: input({ summary }) });
    expect(refused.statusCode).toBe(400);
    const spans = refused.json().spans as { field: string; start: number; end: number; text: string; kind: string }[];
    expect(spans.map((span) => [span.field, span.text, span.kind])).toEqual([
      ['body.summary', 'Nancy Faeser', 'person_name'],
      ['body.summary', 'Jonas Kellermann', 'person_name'],
    ]);
    for (const span of spans) expect(summary.slice(span.start, span.end)).toBe(span.text);
    const stillRefused = await t.request({
      method: 'POST',
      url: '/api/v1/incidents',
      as: officer,
      payload: input({ summary, allowedNames: ['Nancy Faeser'] }),
    });
    expect(stillRefused.json().spans.map((span: { text: string }) => span.text)).toEqual(['Jonas Kellermann']);
    const allowed = await t.request({
      method: 'POST',
      url: '/api/v1/incidents',
      as: officer,
      payload: input({ summary: 'Interior Minister Nancy Faeser visited the site.', allowedNames: ['Nancy Faeser'] }),
    });
    expect(allowed.statusCode, allowed.body).toBe(201);
  });

  it('is verified by a second approver only (four eyes), and the drafter learns of a rejection', async () => {
    const mine = await file(approver);
    expect((await act(mine.id, 'submit', approver)).statusCode).toBe(200);
    const own = await act(mine.id, 'verify', approver);
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toContain('four eyes');
    // The submitting approver is not asked; the other one is.
    const asked = await t.database.db.select().from(notifications).where(eq(notifications.recordId, mine.id));
    expect(asked.map((row) => [row.userId, row.kind])).toEqual([[approverB.actor.id, 'incident.awaiting_approval']]);
    const verified = await act(mine.id, 'verify', approverB);
    expect(verified.json()).toMatchObject({ status: 'verified', verifiedBy: { id: approverB.actor.id } });

    const other = await file(officer);
    await act(other.id, 'submit', officer);
    expect((await act(other.id, 'reject', approver, {})).json().errors[0].field).toBe('body.reason');
    const rejected = await act(other.id, 'reject', approver, { reason: 'The sources describe another event.' });
    expect(rejected.json().status).toBe('rejected');
    const told = await t.request({ method: 'GET', url: '/api/v1/notifications', as: officer });
    expect(told.json().items[0]).toMatchObject({ kind: 'incident.rejected', title: 'Incident rejected' });
    expect(told.json().items[0].body).toContain('The sources describe another event.');
    // Rejected incidents are frozen.
    expect((await t.request({ method: 'PATCH', url: `/api/v1/incidents/${other.id}`, as: officer, payload: { killed: 1 } })).statusCode).toBe(409);
  });

  it('keeps every change to a verified incident as a revision, and the legal status moves only forward with its source', async () => {
    const incident = await file(officer);
    await act(incident.id, 'submit', officer);
    await act(incident.id, 'verify', approver);
    const patched = await t.request({ method: 'PATCH', url: `/api/v1/incidents/${incident.id}`, as: officer, payload: { injured: 2, killed: null } });
    expect(patched.json()).toMatchObject({ status: 'verified', injured: 2 });

    const skip = await act(incident.id, 'legal-status', officer, { status: 'convicted', effectiveOn: '2026-05-01' });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().errors[0].field).toBe('body.status');
    const early = await act(incident.id, 'legal-status', officer, { status: 'charged', effectiveOn: '2026-03-01' });
    expect(early.json().errors[0].field).toBe('body.effectiveOn');
    const charged = await act(incident.id, 'legal-status', officer, { status: 'charged', effectiveOn: '2026-04-02', source: incident.sources[0]!.id });
    expect(charged.json()).toMatchObject({ legalStatus: 'charged', legalStatusLabel: 'Charged (not convicted)' });
    expect(
      charged.json().legalHistory.map((step: { status: string; source: { outlet: string } | null }) => [step.status, step.source?.outlet ?? null]),
    ).toEqual([
      ['reported', null],
      ['charged', 'Synthetic police press office'],
    ]);

    const revisions = (await t.request({ method: 'GET', url: `/api/v1/incidents/${incident.id}/revisions`, as: hq })).json().items;
    expect(
      revisions.map((revision: { statusAtChange: string; change: object; actor: { id: string } }) => [
        revision.actor.id,
        revision.statusAtChange,
        revision.change,
      ]),
    ).toEqual([
      [officer.actor.id, 'verified', { injured: { from: null, to: 2 } }],
      [officer.actor.id, 'verified', { legalStatus: { from: 'reported', to: 'charged', effectiveOn: '2026-04-02', source: incident.sources[0]!.id } }],
    ]);
    // The list and the export carry the status with its label.
    expect((await list(hq)).find((row) => row.id === incident.id)?.legalStatusLabel).toBe('Charged (not convicted)');
  });

  it('keeps the last source and a source that states the legal status', async () => {
    const incident = await file(officer, {
      sources: [{ ...police, suspectStatus: 'not_stated' }],
      legalStatus: { status: 'under_investigation', effectiveOn: '2026-03-15', source: 0 },
    });
    const last = await t.request({ method: 'DELETE', url: `/api/v1/incidents/${incident.id}/sources/${incident.sources[0]!.id}`, as: officer });
    expect(last.statusCode).toBe(409);
    expect(last.json().detail).toContain('at least one source');
    const added = (await act(incident.id, 'sources', officer, { ...paper, suspectStatus: 'unknown' })).json<TIncident>();
    expect(added.sources).toHaveLength(2);
    const stating = await t.request({ method: 'DELETE', url: `/api/v1/incidents/${incident.id}/sources/${incident.sources[0]!.id}`, as: officer });
    expect(stating.statusCode).toBe(409);
    const removed = await t.request({ method: 'DELETE', url: `/api/v1/incidents/${incident.id}/sources/${added.sources[1]!.id}`, as: officer });
    expect(removed.json().sources.map((source: { outlet: string }) => source.outlet)).toEqual(['Synthetic police press office']);
  });

  it('merges a duplicate into its survivor with the sources of both, audited, and undoes it exactly', async () => {
    const survivor = await file(officer, { sources: [{ ...police, suspectStatus: 'not_stated' }] });
    const duplicate = await file(parisOfficer, { country: 'DE', sources: [{ ...paper, suspectStatus: 'national' }], classification: 'SBU' });
    await act(survivor.id, 'submit', officer);
    await act(duplicate.id, 'submit', parisOfficer);
    // Headquarters sees both posts' incidents: the duplicate is a candidate for it…
    const candidates = (await t.request({ method: 'GET', url: `/api/v1/incidents/${duplicate.id}/duplicates`, as: hq })).json().items;
    expect(candidates.map((candidate: { id: string }) => candidate.id)).toContain(survivor.id);
    // …but not for Paris, which does not see Berlin's incidents.
    const check = await t.request({
      method: 'POST',
      url: '/api/v1/incidents/check',
      as: parisOfficer,
      payload: { country: 'DE', occurredOn: '2026-03-14', summary: input().summary },
    });
    expect(check.json().duplicates.map((candidate: { id: string }) => candidate.id)).not.toContain(survivor.id);

    const merged = await act(duplicate.id, 'merge', hq, { into: survivor.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ id: survivor.id, classification: 'SBU', mergedFrom: [duplicate.id] });
    expect(
      merged
        .json()
        .sources.map((source: { outlet: string }) => source.outlet)
        .sort(),
    ).toEqual(['Synthetic daily', 'Synthetic police press office']);
    expect((await get(duplicate.id, hq)).json().mergedInto).toBe(survivor.id);
    expect((await list(hq)).map((row) => row.id)).not.toContain(duplicate.id);
    // The merger added content: four eyes keeps them from verifying, and the approver may.
    expect((await get(survivor.id, approver)).json().allowedActions).toContain('verify');

    const undone = await act(duplicate.id, 'unmerge', hq);
    expect(undone.json()).toMatchObject({ id: duplicate.id, mergedInto: null, sources: [{ outlet: 'Synthetic daily' }] });
    expect((await get(survivor.id, hq)).json()).toMatchObject({ classification: 'U', mergedFrom: [], sources: [{ outlet: 'Synthetic police press office' }] });
    const audit = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'incident'), eq(auditEvents.recordId, survivor.id)));
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['incident.merged', 'incident.unmerged']));
  });

  it('hides an SBU incident of Berlin from an officer in Paris and a U-cleared analyst in the list, map, exports and one by one', async () => {
    const secret = await file(officer, {
      classification: 'SBU',
      placeName: 'Secretville',
      summary: 'A synthetic SBU incident that only some readers may see.',
    });
    await act(secret.id, 'submit', officer);
    for (const reader of [parisOfficer, hqU]) {
      expect((await list(reader)).map((row) => row.id)).not.toContain(secret.id);
      expect((await get(secret.id, reader)).statusCode).toBe(404);
      const map = (await t.request({ method: 'GET', url: '/api/v1/incidents/map', as: reader })).json();
      expect(map.points.map((point: { placeName: string }) => point.placeName)).not.toContain('Secretville');
      const csv = (await t.request({ method: 'GET', url: '/api/v1/incidents?format=csv', as: reader })).body;
      expect(csv).not.toContain(secret.id);
      const geojson = (await t.request({ method: 'GET', url: '/api/v1/incidents?format=geojson', as: reader })).json();
      expect(geojson.features.map((feature: { id: string }) => feature.id)).not.toContain(secret.id);
    }
    expect((await list(hq)).map((row) => row.id)).toContain(secret.id);
    const map = (await t.request({ method: 'GET', url: '/api/v1/incidents/map', as: hq })).json();
    expect(map.label).toBe('Reported incidents, not a crime rate');
    expect(map.points.find((point: { placeName: string }) => point.placeName === 'Secretville')).toMatchObject({ count: 1, byLegalStatus: { reported: 1 } });
  });

  it('filters by suspect status only when asked, any status alike, and by reliability, category and dates', async () => {
    const national = await file(officer, { occurredOn: '2025-06-01', sources: [{ ...paper, suspectStatus: 'national' }], category: 'violent_crime' });
    const foreign = await file(officer, { occurredOn: '2025-06-02', sources: [{ ...police, suspectStatus: 'foreign_national' }], category: 'violent_crime' });
    const window = '&from=2025-06-01&to=2025-06-30';
    expect((await list(officer, window)).map((row) => row.id)).toEqual([foreign.id, national.id]);
    expect((await list(officer, `${window}&suspectStatus=national`)).map((row) => row.id)).toEqual([national.id]);
    expect((await list(officer, `${window}&suspectStatus=national,foreign_national`)).map((row) => row.id)).toEqual([foreign.id, national.id]);
    expect((await list(officer, `${window}&reliability=B`)).map((row) => row.id)).toEqual([foreign.id]);
    expect((await list(officer, `${window}&category=homicide`)).map((row) => row.id)).toEqual([]);
    expect((await list(officer, '&from=2025-06-02&to=2025-06-02')).map((row) => row.id)).toEqual([foreign.id]);

    const csv = parse((await t.request({ method: 'GET', url: `/api/v1/incidents?format=csv${window}`, as: officer })).body, { columns: true }) as Record<
      string,
      string
    >[];
    expect(csv.map((row) => [row.id, row.legal_status_label, row.suspect_status_as_reported])).toEqual([
      [foreign.id, 'Reported (allegation, no charge)', 'Foreign national (Synthetic police press office)'],
      [national.id, 'Reported (allegation, no charge)', 'National (Synthetic daily)'],
    ]);
    const noPlace = await file(officer, { occurredOn: '2025-06-03', latitude: null, longitude: null });
    const geojson = (await t.request({ method: 'GET', url: `/api/v1/incidents?format=geojson${window}`, as: officer })).json();
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features.find((feature: { id: string }) => feature.id === noPlace.id).geometry).toBeNull();
    expect(geojson.features.find((feature: { id: string }) => feature.id === foreign.id).geometry).toEqual({ type: 'Point', coordinates: [13.2, 52.1] });
  });
});
