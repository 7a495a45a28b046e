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

  it('answers GET /api/v1/assessments/deadlines for readers', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/assessments/deadlines', as: parisOfficer });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((item: { post: string }) => item.post)).toEqual(['paris', 'paris']);
  });
});
