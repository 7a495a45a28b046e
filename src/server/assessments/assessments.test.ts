import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { TAssessment, TAssessmentChanges, TAssessmentInput, TAssessmentMap, TAssessmentTimeline, TEvidenceOption } from '../../shared/assessments';
import { assessments, auditEvents } from '../db/schema/index';
import { buildEngagement } from '../engagements/test-builders';
import { buildIncident } from '../incidents/test-builders';
import { buildMeasure } from '../policy-measures/test-builders';
import { againstUncommitted } from '../testing/races';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { buildAssessment, buildStatisticSeries } from './test-builders';

/**
 * Assessments through the API, on PGlite and PostgreSQL: the flag's rule, the shared workflow
 * with four eyes, frozen approved assessments, the copy into the next period, the change view,
 * the map and timeline, and evidence shown only to readers who may see it.
 */
describe('assessments', () => {
  let t: TestApp;
  let officer: TestUser;
  let approver: TestUser;
  let parisOfficer: TestUser;
  let hq: TestUser;
  let hqU: TestUser;
  let measureId: string;
  let parisMeasureId: string;
  let secretIncidentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    approver = await t.user({ role: 'approver', post: 'berlin', clearance: 'S' });
    parisOfficer = await t.user({ role: 'officer', post: 'paris', clearance: 'S' });
    hq = await t.user({ role: 'hq_analyst', clearance: 'S' });
    hqU = await t.user({ role: 'hq_analyst', clearance: 'U' });
    measureId = (
      await buildMeasure(t.database.db, {
        post: 'berlin',
        createdBy: officer.actor.id,
        area: 'integration',
        title: 'Synthetic integration act',
        direction: 'more_open',
      })
    ).id;
    parisMeasureId = (await buildMeasure(t.database.db, { post: 'paris', createdBy: parisOfficer.actor.id })).id;
    secretIncidentId = (await buildIncident(t.database.db, { post: 'berlin', draftedBy: officer.actor.id, status: 'verified', classification: 'S' })).id;
  });
  afterAll(async () => t.close());

  const scores = [
    { area: 'asylum_procedure', score: -1, justification: 'Synthetic: border procedure adopted.' },
    { area: 'integration', score: 1, justification: 'Synthetic: language courses extended.' },
  ];
  const create = (as: TestUser, payload: TAssessmentInput) => t.request({ method: 'POST', url: '/api/v1/assessments', as, payload });
  const created = async (as: TestUser, payload: TAssessmentInput) => {
    const response = await create(as, payload);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<TAssessment>();
  };
  const act = (id: string, step: string, as: TestUser, payload?: object) =>
    t.request({ method: 'POST', url: `/api/v1/assessments/${id}/${step}`, as, ...(payload ? { payload } : {}) });
  const approved = async (payload: TAssessmentInput) => {
    const draft = await created(officer, { synthetic: true, scores, ...payload });
    expect((await act(draft.id, 'submit', officer)).statusCode).toBe(200);
    const response = await act(draft.id, 'approve', approver);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TAssessment>();
  };

  it('sets the flag only with a written rationale and links to records the author may see', async () => {
    const bare = await create(officer, { period: '2024-Q1', scores, flagged: true });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors.map((error: { field: string }) => error.field)).toEqual(['body.flagRationale', 'body.evidence']);
    const noEvidence = await create(officer, { period: '2024-Q1', scores, flagged: true, flagRationale: 'Synthetic rationale.' });
    expect(noEvidence.json().errors).toEqual([
      {
        field: 'body.evidence',
        message: 'must link at least one record the flag rests on (a policy measure, incident, engagement or statistic series) when the flag is set',
      },
    ]);
    const foreign = await create(officer, {
      period: '2024-Q1',
      scores,
      flagged: true,
      flagRationale: 'Synthetic rationale.',
      evidence: [{ type: 'policy_measure', id: parisMeasureId }],
    });
    expect(foreign.json().errors).toEqual([{ field: 'body.evidence.0.id', message: 'is not a policy measure you may see' }]);
    const flagged = await created(officer, {
      period: '2024-Q1',
      scores,
      flagged: true,
      flagRationale: 'Synthetic rationale.',
      evidence: [{ type: 'policy_measure', id: measureId }],
    });
    expect(flagged).toMatchObject({ flagged: true, flagRationale: 'Synthetic rationale.', overall: 0, scoredAreas: 2 });
    expect(flagged.evidence).toEqual([{ type: 'policy_measure', id: measureId, label: 'Synthetic integration act', link: `/policy/measures/${measureId}` }]);
    // Removing the last link while flagged is the same refusal.
    const unlinked = await t.request({ method: 'PATCH', url: `/api/v1/assessments/${flagged.id}`, as: officer, payload: { evidence: [] } });
    expect(unlinked.json().errors.map((error: { field: string }) => error.field)).toEqual(['body.evidence']);
  });

  it('goes draft → submitted → approved through the shared workflow, never approved by its writer, then is frozen', async () => {
    const draft = await created(officer, { period: '2024-Q2', scores, synthetic: true });
    expect(draft.allowedActions).toEqual(['update', 'submit']);
    expect((await act(draft.id, 'submit', officer)).statusCode).toBe(200);
    const own = await act(draft.id, 'approve', officer);
    expect(own.statusCode).toBe(403);
    const returned = await act(draft.id, 'return', approver, { reason: 'Synthetic: justify integration.' });
    expect(returned.json<TAssessment>()).toMatchObject({ status: 'draft', returned: { reason: 'Synthetic: justify integration.' } });
    // An approver who rewrites it becomes an editor and may not approve it either.
    await t.request({ method: 'PATCH', url: `/api/v1/assessments/${draft.id}`, as: approver, payload: { narrative: 'Synthetic narrative by the approver.' } });
    await act(draft.id, 'submit', officer);
    expect((await act(draft.id, 'approve', approver)).statusCode).toBe(403);
    const secondApprover = await t.user({ role: 'approver', post: 'berlin', clearance: 'S' });
    const done = await act(draft.id, 'approve', secondApprover);
    expect(done.json<TAssessment>()).toMatchObject({ status: 'approved', allowedActions: [], approvedBy: { id: secondApprover.actor.id } });

    const edit = await t.request({ method: 'PATCH', url: `/api/v1/assessments/${draft.id}`, as: officer, payload: { narrative: 'Too late.' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toMatch(
      /^The assessment was approved on \d{4}-\d{2}-\d{2} and is frozen: nothing in it changes\. Start the next period's assessment/,
    );
    expect((await act(draft.id, 'submit', officer)).statusCode).toBe(409);
    expect((await act(draft.id, 'return', secondApprover, { reason: 'Reopen.' })).json().detail).toContain('frozen');
    // Below the application, the database refuses too.
    await expect(t.database.db.update(assessments).set({ narrative: 'by hand' }).where(eq(assessments.id, draft.id))).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from assessment_scores where assessment_id = ${draft.id}`)).rejects.toThrow();
    const steps = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.recordId, draft.id))
      .orderBy(auditEvents.id);
    expect(steps.map((step) => step.action)).toEqual([
      'assessment.created',
      'assessment.submitted',
      'assessment.returned',
      'assessment.updated',
      'assessment.submitted',
      'assessment.approved',
    ]);
  });

  it('asks the post’s other approvers on submit and tells the writers why on return', async () => {
    const draft = await created(officer, { period: '2021-Q1', scores });
    await act(draft.id, 'submit', officer);
    const inbox = async (as: TestUser) =>
      (await t.request({ method: 'GET', url: '/api/v1/notifications', as })).json<{ items: { title: string; link: string | null }[] }>().items;
    expect((await inbox(approver)).find((item) => item.link === `/policy/assessments/${draft.id}`)?.title).toBe('Assessment awaiting approval');
    expect((await inbox(hq)).some((item) => item.link === `/policy/assessments/${draft.id}`)).toBe(false);
    await act(draft.id, 'return', approver, { reason: 'Synthetic: say more.' });
    expect((await inbox(officer)).find((item) => item.link === `/policy/assessments/${draft.id}`)?.title).toBe('Assessment returned to draft');
  });

  it('refuses to submit an assessment with no area scored', async () => {
    const empty = await created(officer, { period: '2023-Q1' });
    const refused = await act(empty.id, 'submit', officer);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe('An assessment with no area scored cannot be submitted: score at least one area, with its justification.');
  });

  it('starts the next period from a copy of the latest approved one: scores, justifications, narrative; not the flag', async () => {
    const base = await approved({
      period: '2025-Q3',
      narrative: 'Synthetic narrative of Q3.',
      flagged: true,
      flagRationale: 'Synthetic rationale.',
      evidence: [{ type: 'policy_measure', id: measureId }],
    });
    const next = await created(officer, { period: '2025-Q4' });
    expect(next).toMatchObject({
      status: 'draft',
      narrative: 'Synthetic narrative of Q3.',
      flagged: false,
      flagRationale: null,
      evidence: [],
      copiedFrom: { id: base.id, period: '2025-Q3' },
    });
    expect(next.scores.map(({ area, score, justification }) => ({ area, score, justification }))).toEqual(scores);
    const twice = await create(officer, { period: '2025-Q4' });
    expect(twice.statusCode).toBe(409);
    const overlapping = await create(officer, { period: '2025-11' });
    expect(overlapping.statusCode).toBe(409);
    expect((await create(officer, { period: '2025-Q5' as never })).json().errors).toEqual([
      { field: 'body.period', message: 'must be a period such as 2026-Q1, 2026-H1, 2026-03 or 2026' },
    ]);
  });

  it('shows what moved between two periods, area by area, with the measures whose status changed in the later one', async () => {
    const measure = await buildMeasure(t.database.db, {
      post: 'berlin',
      createdBy: officer.actor.id,
      area: 'asylum_procedure',
      title: 'Synthetic safe-country list',
      statuses: [
        ['proposed', '2026-12-01'],
        ['in_force', '2027-02-15'],
      ],
    });
    // A status change of the earlier period does not explain the later one.
    await buildMeasure(t.database.db, {
      post: 'berlin',
      createdBy: officer.actor.id,
      area: 'asylum_procedure',
      title: 'Older act',
      statuses: [['in_force', '2026-11-01']],
    });
    await approved({ period: '2026-Q4' });
    const later = await created(officer, {
      period: '2027-Q1',
      scores: [{ ...scores[0]!, score: -2, justification: 'Synthetic: safe-country list in force.' }, scores[1]!],
    });
    const response = await t.request({ method: 'GET', url: '/api/v1/assessments/changes?country=DE&from=2026-Q4&to=2027-Q1', as: officer });
    const changes = response.json<TAssessmentChanges>();
    expect(changes).toMatchObject({ country: 'DE', from: '2026-Q4', to: '2027-Q1', later: { assessmentId: later.id, status: 'draft' } });
    expect(
      changes.areas.map((area) => [area.area, area.earlier, area.later, area.change, area.measures.map((m) => [m.title, m.status, m.effectiveOn])]),
    ).toEqual([
      ['asylum_procedure', -1, -2, -1, [['Synthetic safe-country list', 'in_force', '2027-02-15']]],
      ['integration', 1, 1, 0, []],
    ]);
    expect(changes.areas[0]!.measures[0]!.id).toBe(measure.id);
    // Headquarters does not see the draft: for it the later side is the latest it may see.
    const hqView = (await t.request({ method: 'GET', url: '/api/v1/assessments/changes?country=DE', as: hq })).json<TAssessmentChanges>();
    expect(hqView.to).toBe('2026-Q4');
    const reversed = await t.request({ method: 'GET', url: '/api/v1/assessments/changes?country=DE&from=2027-Q1&to=2026-Q4', as: hq });
    expect(reversed.statusCode).toBe(400);
  });

  it('draws the latest approved score per country and its flag, and a timeline, for the reader', async () => {
    await approved({ period: '2028-Q1', flagged: true, flagRationale: 'Synthetic rationale.', evidence: [{ type: 'policy_measure', id: measureId }] });
    const map = (await t.request({ method: 'GET', url: '/api/v1/assessments/map', as: hq })).json<TAssessmentMap>();
    expect(map.items.find((item) => item.country === 'DE')).toMatchObject({ period: '2028-Q1', score: 0, flagged: true, numeric: '276' });
    const integration = (await t.request({ method: 'GET', url: '/api/v1/assessments/map?area=integration', as: hq })).json<TAssessmentMap>();
    expect(integration.items.find((item) => item.country === 'DE')?.score).toBe(1);
    const officerMap = (await t.request({ method: 'GET', url: '/api/v1/assessments/map', as: parisOfficer })).json<TAssessmentMap>();
    expect(officerMap.items.find((item) => item.country === 'DE')).toBeUndefined();
    const timeline = (await t.request({ method: 'GET', url: '/api/v1/assessments/timeline?country=DE', as: hq })).json<TAssessmentTimeline>();
    expect(timeline.items.map((item) => item.period)).toEqual(['2024-Q2', '2025-Q3', '2026-Q4', '2028-Q1']);
    expect(timeline.items[3]).toMatchObject({ flagged: true, scores: { asylum_procedure: -1, integration: 1 } });
    // The trail names the assessment by country and period to an administrator, without a link: they may not open it.
    const admin = await t.user({ role: 'admin', clearance: 'S' });
    const trail = await t.request({ method: 'GET', url: '/api/v1/audit?recordType=assessment&limit=500', as: admin });
    expect(trail.statusCode, trail.body).toBe(200);
    const names = trail.json<{ items: { record: { typeLabel: string; name: string | null; href: string | null } }[] }>().items.map((item) => item.record);
    expect(names).toContainEqual(expect.objectContaining({ typeLabel: 'Policy assessment', name: 'Germany, 2028-Q1', href: null }));
  });

  it('shows each reader only the evidence they may see, and lists under the access rule', async () => {
    const secret = await created(officer, {
      period: '2022-Q1',
      scores,
      flagged: true,
      flagRationale: 'Synthetic rationale.',
      evidence: [
        { type: 'incident', id: secretIncidentId },
        { type: 'policy_measure', id: measureId },
      ],
    });
    await act(secret.id, 'submit', officer);
    const forU = (await t.request({ method: 'GET', url: `/api/v1/assessments/${secret.id}`, as: hqU })).json<TAssessment>();
    expect(forU.evidence.map((link) => link.type)).toEqual(['policy_measure']);
    const forS = (await t.request({ method: 'GET', url: `/api/v1/assessments/${secret.id}`, as: hq })).json<TAssessment>();
    expect(forS.evidence.map((link) => link.type)).toEqual(['incident', 'policy_measure']);
    expect((await t.request({ method: 'GET', url: `/api/v1/assessments/${secret.id}`, as: parisOfficer })).statusCode).toBe(404);
    const drafts = (await t.request({ method: 'GET', url: '/api/v1/assessments?status=draft&limit=500', as: hq })).json<{ items: unknown[] }>();
    expect(drafts.items).toEqual([]);
    const flagged = (await t.request({ method: 'GET', url: '/api/v1/assessments?flagged=true&country=DE&limit=500', as: hq })).json<{
      items: { period: string }[];
    }>();
    expect(flagged.items.map((item) => item.period)).toEqual(['2028-Q1', '2025-Q3', '2022-Q1']);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, secret.id), eq(auditEvents.action, 'assessment.created')));
    expect(events).toHaveLength(1);
  });

  it('names the assessment it was copied from only to readers who may see that one', async () => {
    const secretBase = await approved({ period: '2019-Q1', classification: 'S', narrative: 'Synthetic narrative of a secret quarter.' });
    // An S-cleared officer starts the next quarter from the S copy, marked U.
    const next = await created(officer, { period: '2019-Q2', classification: 'U', narrative: 'Synthetic narrative, rewritten for all readers.', scores });
    expect(next.copiedFrom).toEqual({ id: secretBase.id, period: '2019-Q1' });
    expect((await act(next.id, 'submit', officer)).statusCode).toBe(200);
    const forS = await t.request({ method: 'GET', url: `/api/v1/assessments/${next.id}`, as: hq });
    expect(forS.json<TAssessment>().copiedFrom).toEqual({ id: secretBase.id, period: '2019-Q1' });
    // For a U reader the S assessment does not exist: neither its id nor its period shows through.
    const forU = await t.request({ method: 'GET', url: `/api/v1/assessments/${next.id}`, as: hqU });
    expect(forU.statusCode).toBe(200);
    expect(forU.json<TAssessment>().copiedFrom).toBeNull();
    expect(forU.body).not.toContain(secretBase.id);
    expect(forU.body).not.toContain('2019-Q1');
    const listForU = await t.request({ method: 'GET', url: '/api/v1/assessments?country=DE&limit=500', as: hqU });
    expect(listForU.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toContain(next.id);
    expect(listForU.body).not.toContain(secretBase.id);
    for (const url of [
      `/api/v1/assessments/${next.id}/activity`,
      '/api/v1/assessments/map',
      '/api/v1/assessments/timeline?country=DE',
      '/api/v1/assessments/changes?country=DE&to=2019-Q2',
    ]) {
      const response = await t.request({ method: 'GET', url, as: hqU });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toContain(secretBase.id);
    }
  });

  it('answers the second of two officers starting the same period at once with a 409 in words', async () => {
    const colleague = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    const raced = await againstUncommitted(
      t,
      (tx) => buildAssessment(tx, { post: 'berlin', draftedBy: colleague.actor.id, period: '2018-Q1' }),
      () => create(officer, { period: '2018-Q1', scores }),
    );
    expect(raced.statusCode, raced.body).toBe(409);
    expect(raced.json().detail).toMatch(/^Your post already has an assessment for 2018-Q1/);
    const listed = await t.request({ method: 'GET', url: '/api/v1/assessments?period=2018-Q1&limit=500', as: officer });
    expect(listed.json<{ items: { draftedBy: { id: string } }[] }>().items.map((item) => item.draftedBy.id)).toEqual([colleague.actor.id]);
  });

  it('marks the audit events that name linked records as high as those records', async () => {
    const draft = await created(officer, {
      period: '2017-Q1',
      scores,
      flagged: true,
      flagRationale: 'Synthetic rationale.',
      evidence: [
        { type: 'incident', id: secretIncidentId },
        { type: 'policy_measure', id: measureId },
      ],
    });
    expect(draft.classification).toBe('U');
    const patch = (payload: object) => t.request({ method: 'PATCH', url: `/api/v1/assessments/${draft.id}`, as: officer, payload });
    expect((await patch({ narrative: 'Synthetic: a new narrative.' })).statusCode).toBe(200);
    expect((await patch({ evidence: [{ type: 'policy_measure', id: measureId }] })).statusCode).toBe(200);
    const events = await t.database.db
      .select({ action: auditEvents.action, classification: auditEvents.classification })
      .from(auditEvents)
      .where(eq(auditEvents.recordId, draft.id))
      .orderBy(auditEvents.id);
    // The creation and the removal name the S incident; the new narrative names no record.
    expect(events.map((event) => [event.action, event.classification])).toEqual([
      ['assessment.created', 'S'],
      ['assessment.updated', 'U'],
      ['assessment.updated', 'S'],
    ]);
    const admin = await t.user({ role: 'admin', clearance: 'U' });
    const trail = await t.request({ method: 'GET', url: `/api/v1/audit?recordType=assessment&recordId=${draft.id}&limit=50`, as: admin });
    expect(trail.json<{ items: { action: string }[] }>().items.map((item) => item.action)).toEqual(['assessment.updated']);
    expect(trail.body).not.toContain(secretIncidentId);
    // The creation of a U assessment copied from an S one names the S one's period: it is marked S.
    const [copy] = await t.database.db.select({ id: assessments.id }).from(assessments).where(eq(assessments.period, '2019-Q2'));
    const copyEvents = await t.database.db
      .select({ classification: auditEvents.classification, change: auditEvents.change })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'assessment.created'), eq(auditEvents.recordId, copy!.id)));
    expect(copyEvents).toEqual([{ classification: 'S', change: expect.objectContaining({ copiedFrom: '2019-Q1', classification: 'U' }) }]);
  });

  it('offers as evidence, type by type and by the words typed, the records of the country that the author may link', async () => {
    const db = t.database.db;
    const asylum = await buildStatisticSeries(db, { country: 'DE', indicatorName: 'Synthetic asylum applications' });
    const secretSeries = await buildStatisticSeries(db, { country: 'DE', indicatorName: 'Synthetic restricted indicator', classification: 'S' });
    const french = await buildStatisticSeries(db, { country: 'FR', indicatorName: 'Synthetic French indicator' });
    const harbour = (await buildIncident(db, { post: 'berlin', draftedBy: officer.actor.id, status: 'verified', placeName: 'Synthetic harbour district' })).id;
    const talk = (
      await buildEngagement(db, { post: 'berlin', draftedBy: officer.actor.id, status: 'approved', ourReadout: 'Synthetic talk on reception centres.' })
    ).id;
    const options = async (as: TestUser, query: string) => {
      const response = await t.request({ method: 'GET', url: `/api/v1/assessments/evidence-options?${query}`, as });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: TEvidenceOption[] }>().items;
    };
    const ids = async (as: TestUser, query: string) => (await options(as, query)).map((option) => option.id);

    // Statistic series with figures for the country, at or below the reader's clearance.
    expect(await ids(officer, 'type=statistic&country=DE')).toEqual([asylum, secretSeries]);
    expect(await ids(hqU, 'type=statistic&country=DE')).toEqual([asylum]);
    expect(await ids(officer, 'type=statistic&country=FR')).toEqual([french]);
    expect(await options(officer, 'type=statistic&country=de&q=ASYLUM')).toEqual([
      {
        type: 'statistic',
        id: asylum,
        label: 'Synthetic asylum applications (Synthetic statistics office)',
        detail: 'Foreign nationals (non-citizens), SYN-1',
        link: null,
      },
    ]);
    // Each other type, searched by what a person remembers of it.
    expect(await ids(officer, 'type=incident&country=DE&q=harbour')).toEqual([harbour]);
    expect(await ids(officer, 'type=incident&country=DE&q=Synthetic%20town')).toContain(secretIncidentId);
    expect(await ids(hqU, 'type=incident&country=DE&q=Synthetic%20town')).not.toContain(secretIncidentId);
    expect(await ids(officer, 'type=engagement&country=DE&q=reception%20centres')).toEqual([talk]);
    expect(await ids(officer, 'type=policy_measure&country=DE&q=integration%20act')).toEqual([measureId]);
    expect(await ids(officer, 'type=policy_measure&country=DE&q=100%25')).toEqual([]);
    expect((await options(officer, 'type=policy_measure&country=DE&limit=2')).length).toBe(2);

    // What is offered can be linked, and reads the same on the assessment.
    const linked = await created(officer, {
      period: '2016-Q1',
      scores,
      flagged: true,
      flagRationale: 'Synthetic rationale.',
      evidence: [{ type: 'statistic', id: asylum }],
    });
    expect(linked.evidence).toEqual([{ type: 'statistic', id: asylum, label: 'Synthetic asylum applications (Synthetic statistics office)', link: null }]);

    const bad = await t.request({ method: 'GET', url: '/api/v1/assessments/evidence-options?type=report&country=ZZ1', as: officer });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field)).toEqual(['query.type', 'query.country']);
    const unknown = await t.request({ method: 'GET', url: '/api/v1/assessments/evidence-options?type=incident&country=ZZ', as: officer });
    expect(unknown.json().errors).toEqual([{ field: 'query.country', message: 'no country has the code "ZZ"' }]);
  });
});
