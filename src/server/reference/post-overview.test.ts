import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPostOverview } from '../../shared/reference-api';
import { buildEngagement, buildIssuedDirective } from '../testing/builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

describe('a post’s overview', () => {
  let t: TestApp;
  let hq: TestUser;
  let berlinOfficer: TestUser;
  let berlinOfficerU: TestUser;
  let parisOfficer: TestUser;
  let eurAnalyst: TestUser;
  let admin: TestUser;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    hq = await t.user({ role: 'hq_analyst', clearance: 'C' });
    berlinOfficer = await t.user({ role: 'officer', post: 'berlin', clearance: 'C' });
    berlinOfficerU = await t.user({ role: 'officer', post: 'berlin', clearance: 'U' });
    parisOfficer = await t.user({ role: 'officer', post: 'paris', clearance: 'S' });
    eurAnalyst = await t.user({ role: 'bureau_analyst', bureau: 'EUR', clearance: 'S' });
    admin = await t.user({ role: 'admin', clearance: 'S' });

    // Berlin engaged 5 days ago (an SBU meeting) under a 30-day cadence: on time.
    const engaged = await buildIssuedDirective(db, { actionPosts: ['berlin', 'paris'], cadenceDays: 30, issuedAt: daysAgo(60) });
    await buildEngagement(db, { post: 'berlin', draftedBy: berlinOfficer.actor.id, directiveIds: [engaged.id], occurredAt: daysAgo(5), classification: 'SBU' });
    // Never engaged under a 14-day cadence issued 20 days ago: overdue.
    const overdue = await buildIssuedDirective(db, { actionPosts: ['berlin', 'ottawa'], cadenceDays: 14, issuedAt: daysAgo(20) });
    // Not addressed to Berlin, addressed for information only, without a cadence, marked above C: no deadline shown for Berlin.
    const parisOnly = await buildIssuedDirective(db, { actionPosts: ['paris'], cadenceDays: 7, issuedAt: daysAgo(3) });
    const informed = await buildIssuedDirective(db, { actionPosts: ['paris'], infoPosts: ['berlin'], cadenceDays: 7 });
    await buildIssuedDirective(db, { actionPosts: ['berlin'], cadenceDays: null });
    await buildIssuedDirective(db, { actionPosts: ['berlin'], cadenceDays: 10, classification: 'S' });
    Object.assign(refs, { engaged: engaged.reference, overdue: overdue.reference, parisOnly: parisOnly.reference, informed: informed.reference });
  });
  afterAll(async () => t.close());

  const overview = async (code: string, as: TestUser) => {
    const response = await t.request({ method: 'GET', url: `/api/v1/posts/${code}/overview`, as });
    expect(response.statusCode).toBe(200);
    return response.json<TPostOverview>();
  };
  const ALL = { engagements: true, deadlines: true, contacts: true, incidents: true };
  const NONE = { engagements: false, deadlines: false, contacts: false, incidents: false };

  it('gives headquarters the post, every section and its deadlines under each directive addressed to it, the soonest due first', async () => {
    const body = await overview('berlin', hq);
    expect(body.post).toMatchObject({ code: 'berlin', name: 'Embassy Berlin', city: 'Berlin', countryName: 'Germany', bureau: 'EUR' });
    expect(body.sections).toEqual(ALL);
    expect(body.deadlines.map((row) => [row.reference, row.status, row.neverEngaged])).toEqual([
      [refs.overdue, 'overdue', true],
      [refs.engaged, 'on_time', false],
    ]);
    const engaged = body.deadlines[1]!;
    expect(Date.parse(engaged.nextDueAt) - Date.parse(engaged.lastEngagementAt!)).toBe(30 * DAY);
    expect(body.deadlines.every((row) => row.post === 'berlin')).toBe(true);
  });

  it('shows the post’s officers their own deadlines, counting only the engagements they may see', async () => {
    expect((await overview('berlin', berlinOfficer)).deadlines.map((row) => [row.reference, row.status])).toEqual([
      [refs.overdue, 'overdue'],
      [refs.engaged, 'on_time'],
    ]);
    // The SBU meeting does not exist for a U-cleared officer: for them Berlin never engaged, and is overdue.
    const unclassified = await overview('berlin', berlinOfficerU);
    expect(unclassified.sections).toEqual(ALL);
    expect(unclassified.deadlines.map((row) => [row.reference, row.status, row.lastEngagementAt])).toEqual([
      [refs.engaged, 'overdue', null],
      [refs.overdue, 'overdue', null],
    ]);
  });

  it('leaves out every section of a post outside the reader’s scope, and every section for a role that reads no records', async () => {
    const paris = await overview('berlin', parisOfficer);
    expect(paris).toMatchObject({ post: { code: 'berlin' }, sections: NONE, deadlines: [] });
    expect(await overview('ottawa', eurAnalyst)).toMatchObject({ post: { code: 'ottawa' }, sections: NONE, deadlines: [] });
    expect(await overview('berlin', admin)).toMatchObject({ post: { code: 'berlin' }, sections: NONE, deadlines: [] });
    // Within scope: a bureau analyst reads Paris, with the directives only Paris acts on.
    const inBureau = await overview('paris', eurAnalyst);
    expect(inBureau.sections).toEqual(ALL);
    expect(inBureau.deadlines.map((row) => row.reference).sort()).toEqual([refs.engaged, refs.parisOnly, refs.informed].sort());
  });

  it('answers 404 problem+json for a post that does not exist, and 401 without sign-in', async () => {
    const missing = await t.request({ method: 'GET', url: '/api/v1/posts/atlantis/overview', as: hq });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ status: 404, detail: 'Post atlantis does not exist.' });
    expect((await t.request({ method: 'GET', url: '/api/v1/posts/berlin/overview' })).statusCode).toBe(401);
  });
});
