import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { lastEndedPeriod, parsePeriod, periodDueOn, periodKindForCadence, shiftPeriod } from '../../shared/assessment-periods';
import { assessments, directives } from '../db/schema/index';
import { buildIssuedDirective } from '../testing/builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { assessmentDeadlines } from './assessment-deadlines';
import { buildAssessment } from './test-builders';

/** Assessments owed under a directive's cadence, computed for each reader (PGlite and PostgreSQL). */
describe('assessment deadlines', () => {
  let t: TestApp;
  let officer: TestUser;
  let approver: TestUser;
  let hq: TestUser;
  let hqU: TestUser;
  let parisOfficer: TestUser;
  let directiveId: string;
  const now = new Date('2026-05-15T12:00:00Z');

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    approver = await t.user({ role: 'approver', post: 'berlin', clearance: 'S' });
    parisOfficer = await t.user({ role: 'officer', post: 'paris', clearance: 'S' });
    hq = await t.user({ role: 'hq_analyst', clearance: 'S' });
    hqU = await t.user({ role: 'hq_analyst', clearance: 'U' });
    const directive = await buildIssuedDirective(t.database.db, {
      actionPosts: ['berlin', 'paris', 'ottawa'],
      issuedAt: new Date('2025-06-01T00:00:00Z'),
      cadenceDays: null,
    });
    directiveId = directive.id;
    await t.database.db.update(directives).set({ assessmentCadenceDays: 90 }).where(eq(directives.id, directive.id));
  });
  afterAll(async () => t.close());

  it('names calendar periods and their due dates on UTC dates', () => {
    expect(periodKindForCadence(null)).toBe('quarter');
    expect(periodKindForCadence(30)).toBe('month');
    expect(periodKindForCadence(90)).toBe('quarter');
    expect(periodKindForCadence(180)).toBe('half');
    expect(periodKindForCadence(365)).toBe('year');
    expect(lastEndedPeriod(now, 'quarter')).toMatchObject({ name: '2026-Q1', start: '2026-01-01', end: '2026-03-31' });
    expect(lastEndedPeriod(new Date('2026-01-01T00:00:00Z'), 'quarter').name).toBe('2025-Q4');
    expect(periodDueOn(parsePeriod('2026-Q1')!)).toBe('2026-04-30');
    expect(periodDueOn(parsePeriod('2025-12')!)).toBe('2026-01-31');
    expect(shiftPeriod(parsePeriod('2026-H1')!, -1).name).toBe('2025-H2');
    expect(parsePeriod('2026-Q5')).toBeNull();
  });

  it('marks a post overdue after the due date until its assessment for the last ended period is submitted or approved, for each reader', async () => {
    const rows = async (reader: TestUser) =>
      (await assessmentDeadlines(t.database.db, reader.actor, now)).items
        .filter((item) => item.directive.id === directiveId)
        .map((item) => [item.post, item.period, item.dueOn, item.status]);
    expect(await rows(hq)).toEqual([
      ['berlin', '2026-Q1', '2026-04-30', 'overdue'],
      ['ottawa', '2026-Q1', '2026-04-30', 'overdue'],
      ['paris', '2026-Q1', '2026-04-30', 'overdue'],
    ]);
    // A draft counts for nobody; a submitted one counts for whoever may see it.
    const draft = await buildAssessment(t.database.db, { post: 'berlin', draftedBy: officer.actor.id, period: '2026-Q1' });
    expect((await rows(officer))[0]).toEqual(['berlin', '2026-Q1', '2026-04-30', 'overdue']);
    await t.database.db.update(assessments).set({ status: 'submitted', classification: 'S' }).where(eq(assessments.id, draft));
    expect(await rows(officer)).toEqual([['berlin', '2026-Q1', '2026-04-30', 'submitted']]);
    expect(await rows(hq)).toEqual([
      ['ottawa', '2026-Q1', '2026-04-30', 'overdue'],
      ['paris', '2026-Q1', '2026-04-30', 'overdue'],
      ['berlin', '2026-Q1', '2026-04-30', 'submitted'],
    ]);
    // A U-cleared reader may not see the S assessment: for them Berlin is still overdue.
    expect((await rows(hqU)).map((row) => row[3])).toEqual(['overdue', 'overdue', 'overdue']);
    expect(await rows(parisOfficer)).toEqual([['paris', '2026-Q1', '2026-04-30', 'overdue']]);
    // Before the due date the period is due, not overdue.
    const early = await assessmentDeadlines(t.database.db, parisOfficer.actor, new Date('2026-04-20T00:00:00Z'));
    expect(early.items.map((item) => [item.post, item.status])).toEqual([['paris', 'due']]);
    expect(approver.actor.postCode).toBe('berlin');
  });

  it('starts an assessment for the post’s last ended period by default: a quarter, or the period of a directive’s assessment cadence', async () => {
    const quarter = await t.request({ method: 'POST', url: '/api/v1/assessments', as: officer, payload: {} });
    expect(quarter.statusCode, quarter.body).toBe(201);
    expect(quarter.json().period).toBe(lastEndedPeriod(new Date(), 'quarter').name);
    const monthly = await buildIssuedDirective(t.database.db, { actionPosts: ['paris'], cadenceDays: null });
    await t.database.db.update(directives).set({ assessmentCadenceDays: 30 }).where(eq(directives.id, monthly.id));
    const month = await t.request({ method: 'POST', url: '/api/v1/assessments', as: parisOfficer, payload: {} });
    expect(month.json().period).toBe(lastEndedPeriod(new Date(), 'month').name);
    const paris = (await assessmentDeadlines(t.database.db, parisOfficer.actor)).items.map((item) => [item.directive.id, item.periodKind]);
    expect(paris).toEqual(
      expect.arrayContaining([
        [monthly.id, 'month'],
        [directiveId, 'quarter'],
      ]),
    );
  });

  it('counts a post’s monthly assessments towards a directive’s quarter when another directive makes the post assess by month', async () => {
    const tokyo = await t.user({ role: 'officer', post: 'tokyo', clearance: 'S' });
    const issuedAt = new Date('2025-06-01T00:00:00Z');
    const quarterly = await buildIssuedDirective(t.database.db, { actionPosts: ['tokyo'], issuedAt, cadenceDays: null });
    const monthly = await buildIssuedDirective(t.database.db, { actionPosts: ['tokyo'], issuedAt, cadenceDays: null });
    await t.database.db.update(directives).set({ assessmentCadenceDays: 90 }).where(eq(directives.id, quarterly.id));
    await t.database.db.update(directives).set({ assessmentCadenceDays: 30 }).where(eq(directives.id, monthly.id));
    const rows = async (reader: TestUser) =>
      (await assessmentDeadlines(t.database.db, reader.actor, now)).items
        .filter((item) => item.post === 'tokyo')
        .map((item) => [item.directive.id === quarterly.id ? 'quarterly' : 'monthly', item.period, item.status, item.assessmentId]);
    // The shortest cadence sets the post's period: Tokyo assesses by month, and 2026-Q1 can never be started.
    const month = (period: string, status: 'draft' | 'submitted' | 'approved', classification: 'U' | 'S' = 'U') =>
      buildAssessment(t.database.db, { post: 'tokyo', draftedBy: tokyo.actor.id, period, status, classification });
    await month('2026-01', 'approved');
    const february = await month('2026-02', 'approved', 'S');
    const march = await month('2026-03', 'draft');
    const quarter = await t.request({ method: 'POST', url: '/api/v1/assessments', as: tokyo, payload: { period: '2026-Q1' } });
    expect(quarter.statusCode).toBe(409);
    // With March still a draft, the quarter is not covered: overdue after 30 April, linked to the
    // latest month the reader may see (headquarters sees no drafts).
    expect(await rows(tokyo)).toEqual([
      ['quarterly', '2026-Q1', 'overdue', march],
      ['monthly', '2026-04', 'due', null],
    ]);
    expect((await rows(hq))[0]).toEqual(['quarterly', '2026-Q1', 'overdue', february]);
    await t.database.db.update(assessments).set({ status: 'submitted', submittedAt: new Date() }).where(eq(assessments.id, march));
    expect(await rows(hq)).toEqual([
      ['monthly', '2026-04', 'due', null],
      ['quarterly', '2026-Q1', 'submitted', march],
    ]);
    await t.database.db.update(assessments).set({ status: 'approved', approvedAt: new Date() }).where(eq(assessments.id, march));
    const april = await month('2026-04', 'submitted');
    expect(await rows(hq)).toEqual([
      ['monthly', '2026-04', 'submitted', april],
      ['quarterly', '2026-Q1', 'approved', march],
    ]);
    // A U-cleared reader does not see February's S assessment: for them the quarter has a gap.
    expect(await rows(hqU)).toEqual([
      ['quarterly', '2026-Q1', 'overdue', march],
      ['monthly', '2026-04', 'submitted', april],
    ]);
  });

  it('answers GET /api/v1/assessments/deadlines for readers', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/assessments/deadlines', as: parisOfficer });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((item: { post: string }) => item.post)).toEqual(['paris', 'paris']);
  });
});
