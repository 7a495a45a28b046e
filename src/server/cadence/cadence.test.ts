import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCadenceReport, TCoverage } from '../../shared/engagements';
import { buildEngagement, buildIssuedDirective } from '../testing/builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { cadenceStatus } from './cadence-status';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

describe('cadence status', () => {
  const issuedAt = new Date('2026-01-01T00:00:00Z');
  const at = (iso: string) => new Date(iso);
  it('dates a post that never engaged from the issue: on time, due soon, then overdue like any other', () => {
    const status = (now: string) => cadenceStatus({ issuedAt, lastEngagementAt: null, cadenceDays: 30, now: at(now) });
    expect(status('2026-01-10T00:00:00Z')).toEqual({ status: 'on_time', nextDueAt: at('2026-01-31T00:00:00Z') });
    expect(status('2026-01-25T00:00:00Z').status).toBe('due_soon');
    expect(status('2026-06-01T00:00:00Z').status).toBe('overdue');
  });
  it('adds whole days of 24 hours in UTC, across daylight-saving changes', () => {
    // 29 March 2026: clocks go forward in Europe; 8 March: in the United States.
    const due = cadenceStatus({ issuedAt: at('2026-03-20T09:00:00Z'), lastEngagementAt: null, cadenceDays: 30, now: at('2026-03-21T00:00:00Z') }).nextDueAt;
    expect(due.toISOString()).toBe('2026-04-19T09:00:00.000Z');
  });
  it('is on time, then due soon in the last week (or quarter) of the cadence, then overdue', () => {
    const last = at('2026-02-01T00:00:00Z');
    const status = (now: string, cadenceDays = 30) => cadenceStatus({ issuedAt, lastEngagementAt: last, cadenceDays, now: at(now) }).status;
    expect(status('2026-02-20T00:00:00Z')).toBe('on_time');
    expect(status('2026-02-24T00:00:00Z')).toBe('due_soon');
    expect(status('2026-03-03T00:00:00Z')).toBe('due_soon');
    expect(status('2026-03-03T00:00:01Z')).toBe('overdue');
    // A weekly cadence warns a quarter of the way out: 42 hours.
    expect(status('2026-02-06T00:00:00Z', 7)).toBe('on_time');
    expect(status('2026-02-06T12:00:00Z', 7)).toBe('due_soon');
  });
});

describe('cadence, coverage and reminders', () => {
  let t: TestApp;
  let hq: TestUser;
  let hqSecret: TestUser;
  let eurAnalyst: TestUser;
  let berlinOfficer: TestUser;
  let berlinApprover: TestUser;
  let parisOfficer: TestUser;
  let directive: Awaited<ReturnType<typeof buildIssuedDirective>>;
  let old: Awaited<ReturnType<typeof buildIssuedDirective>>;

  beforeAll(async () => {
    t = await createTestApp();
    hq = await t.user({ role: 'hq_analyst', clearance: 'C' });
    hqSecret = await t.user({ role: 'hq_analyst', clearance: 'S' });
    eurAnalyst = await t.user({ role: 'bureau_analyst', bureau: 'EUR', clearance: 'S' });
    berlinOfficer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    berlinApprover = await t.user({ role: 'approver', post: 'berlin', clearance: 'S' });
    parisOfficer = await t.user({ role: 'officer', post: 'paris', clearance: 'S' });
    const db = t.database.db;
    directive = await buildIssuedDirective(db, {
      actionPosts: ['berlin', 'paris', 'ottawa'],
      cadenceDays: 30,
      issuedAt: daysAgo(60),
      points: [
        { text: 'A point for all posts' },
        { text: 'A point for Europe', scope: 'bureaus', bureaus: ['EUR'] },
        { text: 'A point for Canada', scope: 'countries', countries: ['CA'] },
      ],
    });
    const [all, europe] = directive.pointIds as [string, string, string];
    await buildEngagement(db, {
      post: 'berlin',
      draftedBy: berlinOfficer.actor.id,
      directiveIds: [directive.id],
      occurredAt: daysAgo(5),
      points: [
        { talkingPointId: all, delivered: true, reception: 'receptive' },
        { talkingPointId: europe, delivered: true, reception: 'disagreed' },
      ],
    });
    // An earlier Berlin delivery: Berlin still counts once, with its latest reception.
    await buildEngagement(db, {
      post: 'berlin',
      draftedBy: berlinOfficer.actor.id,
      directiveIds: [directive.id],
      occurredAt: daysAgo(70),
      points: [{ talkingPointId: all, delivered: true, reception: 'disagreed' }],
    });
    await buildEngagement(db, {
      post: 'paris',
      draftedBy: parisOfficer.actor.id,
      directiveIds: [directive.id],
      occurredAt: daysAgo(25),
      points: [
        { talkingPointId: all, delivered: true, reception: 'noncommittal' },
        { talkingPointId: europe, delivered: false },
      ],
    });
    // Drafts and submitted engagements do not count; nor, for those not cleared, a secret one.
    await buildEngagement(db, { post: 'ottawa', draftedBy: hq.actor.id, directiveIds: [directive.id], occurredAt: daysAgo(1), status: 'submitted' });
    await buildEngagement(db, {
      post: 'ottawa',
      draftedBy: hq.actor.id,
      directiveIds: [directive.id],
      occurredAt: daysAgo(2),
      classification: 'S',
      points: [{ talkingPointId: all, delivered: true, reception: 'receptive' }],
    });
    old = await buildIssuedDirective(db, { actionPosts: ['berlin'], cadenceDays: 14, issuedAt: daysAgo(90) });
    await buildEngagement(db, {
      post: 'berlin',
      draftedBy: berlinOfficer.actor.id,
      directiveIds: [old.id],
      occurredAt: daysAgo(20),
      followUps: [
        { action: 'Send the non-paper to the interior ministry', ownerId: berlinOfficer.actor.id, dueDate: daysAgo(3).toISOString().slice(0, 10) },
        { action: 'Already done', ownerId: berlinOfficer.actor.id, dueDate: daysAgo(3).toISOString().slice(0, 10), done: true },
      ],
    });
    // Not issued, or without a cadence: not in the dashboard.
    await buildIssuedDirective(db, { actionPosts: ['berlin'], cadenceDays: null });
    await buildIssuedDirective(db, { actionPosts: ['berlin'], status: 'draft' });
  });
  afterAll(async () => t.close());

  const report = async (as: TestUser, query = '') => {
    const response = await t.request({ method: 'GET', url: `/api/v1/cadence${query}`, as });
    expect(response.statusCode).toBe(200);
    return response.json<TCadenceReport>();
  };
  const statusOf = (body: TCadenceReport, id: string) =>
    Object.fromEntries(body.rows.filter((row) => row.directiveId === id).map((row) => [row.post, row.status]));

  it('shows each action post on time, due soon or overdue, a post that never engaged overdue after its first due date', async () => {
    const body = await report(hq);
    expect(statusOf(body, directive.id)).toEqual({ berlin: 'on_time', paris: 'due_soon', ottawa: 'overdue' });
    expect(body.rows.filter((row) => row.neverEngaged).map((row) => row.post)).toEqual(['ottawa']);
    expect(statusOf(body, old.id)).toEqual({ berlin: 'overdue' });
    expect(body.rows).toHaveLength(4);
    const berlin = body.rows.find((row) => row.directiveId === directive.id && row.post === 'berlin')!;
    expect(new Date(berlin.nextDueAt).getTime() - new Date(berlin.lastEngagementAt!).getTime()).toBe(30 * DAY);
  });

  it('counts only engagements the viewer may see, and shows only posts in scope', async () => {
    expect(statusOf(await report(hqSecret), directive.id).ottawa).toBe('on_time');
    expect(Object.keys(statusOf(await report(eurAnalyst), directive.id)).sort()).toEqual(['berlin', 'paris']);
    expect(Object.keys(statusOf(await report(berlinOfficer), directive.id))).toEqual(['berlin']);
    expect((await report(hq, '?bureau=WHA')).rows.map((row) => row.post)).toEqual(['ottawa']);
    expect((await report(hq, `?directive=${old.id}`)).rows).toHaveLength(1);
    const admin = await t.user({ role: 'admin' });
    expect((await t.request({ method: 'GET', url: '/api/v1/cadence', as: admin })).statusCode).toBe(403);
  });

  it('draws the weeks since the directive’s issue, each post’s status at every week’s end', async () => {
    const body = await report(hq, `?directive=${directive.id}`);
    // Issued 60 days ago: its ISO week and every week since, Mondays in UTC.
    const issueWeek = new Date(Date.now() - 60 * DAY);
    issueWeek.setUTCDate(issueWeek.getUTCDate() - ((issueWeek.getUTCDay() + 6) % 7));
    expect(body.heatmap.weeks[0]).toBe(issueWeek.toISOString().slice(0, 10));
    expect(new Date(`${body.heatmap.weeks.at(-1)}T00:00:00Z`).getTime()).toBeGreaterThan(Date.now() - 7 * DAY);
    expect(body.heatmap.directiveId).toBe(directive.id);
    // Grouped by bureau, then by name.
    expect(body.heatmap.posts.map((post) => post.code)).toEqual(['berlin', 'paris', 'ottawa']);
    const row = (post: string) => body.heatmap.posts.findIndex((p) => p.code === post);
    const total = (post: string) => body.heatmap.counts[row(post)]!.reduce((a, b) => a + b, 0);
    // The Berlin engagement 70 days ago came before the issue: it does not count.
    expect([total('berlin'), total('paris'), total('ottawa')]).toEqual([1, 1, 0]);
    // Ottawa never engaged: on time at first, overdue once 30 days have passed since the issue.
    const ottawa = body.heatmap.statuses[row('ottawa')]!;
    expect(ottawa.at(-1)).toBe('overdue');
    expect(ottawa.find((status) => status !== null)).toBe('on_time');
    expect(body.heatmap.statuses[row('berlin')]!.at(-1)).toBe('on_time');
  });

  it('shows the last weeks, counts only, without a chosen directive', async () => {
    const body = await report(hq, '?weeks=8');
    expect(body.heatmap.weeks).toHaveLength(8);
    expect(body.heatmap.directiveId).toBeNull();
    expect(body.heatmap.statuses.flat().every((status) => status === null)).toBe(true);
    expect(new Date(`${body.heatmap.weeks[0]}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('rolls up each directive: posts by status, never engaged, points delivered and reception by month', async () => {
    const body = await report(hq, `?directive=${directive.id}`);
    expect(body.rollup).toHaveLength(1);
    const [rollup] = body.rollup;
    expect(rollup).toMatchObject({
      directiveId: directive.id,
      actionPosts: 3,
      statuses: { on_time: 1, due_soon: 1, overdue: 1 },
      neverEngaged: 1,
      // Point 1 applies to 3 posts, point 2 to Berlin and Paris, point 3 to Ottawa: 6 pairs; Berlin 2, Paris 1.
      points: { delivered: 3, applicable: 6 },
    });
    const months = rollup!.receptionByMonth;
    const sum = (key: 'receptive' | 'noncommittal' | 'disagreed') => months.reduce((total, month) => total + month[key], 0);
    // Deliveries since the issue by engagements a C reader may see: Berlin (2) and Paris (1).
    expect([sum('receptive'), sum('noncommittal'), sum('disagreed')]).toEqual([1, 1, 1]);
    // With a bureau chosen, the roll-up counts that bureau's posts only: Europe's 4 pairs, 3 delivered.
    const [europe] = (await report(hq, `?directive=${directive.id}&bureau=EUR`)).rollup;
    expect(europe).toMatchObject({
      actionPosts: 2,
      statuses: { on_time: 1, due_soon: 1, overdue: 0 },
      neverEngaged: 0,
      points: { delivered: 3, applicable: 4 },
    });
  });

  it('counts delivery and reception per talking point in posts, over the posts it applies to', async () => {
    const response = await t.request({ method: 'GET', url: `/api/v1/directives/${directive.id}/coverage`, as: hq });
    const coverage = response.json<TCoverage>();
    const [all, europe, canada] = coverage.points;
    expect(all).toMatchObject({ number: 1, applicablePosts: 3, deliveredPosts: 2, reception: { receptive: 1, noncommittal: 1, disagreed: 0 } });
    // Every country the point applies to, with its applicable posts: Canada has not delivered it.
    expect(all!.byCountry.map((row) => [row.country, row.applicable, row.delivered])).toEqual([
      ['CA', 1, 0],
      ['DE', 1, 1],
      ['FR', 1, 1],
    ]);
    // The European point is not for Canada: Canada is not listed under it.
    expect(europe!.byCountry.map((row) => row.country)).toEqual(['DE', 'FR']);
    expect(europe).toMatchObject({ applicablePosts: 2, deliveredPosts: 1, reception: { receptive: 0, noncommittal: 0, disagreed: 1 } });
    expect(canada).toMatchObject({ applicablePosts: 1, deliveredPosts: 0 });
    const cleared = (await t.request({ method: 'GET', url: `/api/v1/directives/${directive.id}/coverage`, as: hqSecret })).json<TCoverage>();
    expect(cleared.points[0]).toMatchObject({ deliveredPosts: 3, reception: { receptive: 2 } });
    const berlinView = (await t.request({ method: 'GET', url: `/api/v1/directives/${directive.id}/coverage`, as: berlinOfficer })).json<TCoverage>();
    expect(berlinView.points[0]).toMatchObject({ applicablePosts: 1, deliveredPosts: 1 });
  });

  it('creates reminders once, for the staff of late posts and the owners of late follow-ups', async () => {
    const { runReminders } = await import('./reminders');
    const first = await runReminders(t.database.db, new Date());
    const again = await runReminders(t.database.db, new Date());
    expect(again.created).toBe(0);
    const titles = async (user: TestUser) =>
      (await t.request({ method: 'GET', url: '/api/v1/notifications', as: user }))
        .json()
        .items.map((n: { title: string }) => n.title)
        .sort();
    expect(await titles(berlinOfficer)).toEqual([`Engagement overdue: ${old.reference}`, 'Follow-up overdue']);
    expect(await titles(berlinApprover)).toEqual([`Engagement overdue: ${old.reference}`]);
    expect(await titles(parisOfficer)).toEqual([`Engagement due soon: ${directive.reference}`]);
    expect(first.created).toBe(4);
  });

  it('lets users read, count and clear their own notifications only', async () => {
    const count = async (user: TestUser) => (await t.request({ method: 'GET', url: '/api/v1/notifications/unread-count', as: user })).json().count;
    expect(await count(berlinOfficer)).toBe(2);
    const [first] = (await t.request({ method: 'GET', url: '/api/v1/notifications', as: berlinOfficer })).json().items;
    expect((await t.request({ method: 'POST', url: `/api/v1/notifications/${first.id}/read`, as: parisOfficer })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/v1/notifications/${first.id}/read`, as: berlinOfficer })).statusCode).toBe(204);
    expect(await count(berlinOfficer)).toBe(1);
    expect((await t.request({ method: 'POST', url: '/api/v1/notifications/read-all', as: berlinOfficer })).json()).toEqual({ updated: 1 });
    expect(await count(berlinOfficer)).toBe(0);
    const unread = await t.request({ method: 'GET', url: '/api/v1/notifications?unread=true', as: berlinOfficer });
    expect(unread.json().items).toEqual([]);
  });

  it('publishes follow-ups and due dates at a secret calendar URL that rotation replaces', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/calendar', as: berlinOfficer })).json()).toEqual({ url: null, rotatedAt: null });
    const made = (await t.request({ method: 'POST', url: '/api/v1/calendar/rotate', as: berlinOfficer })).json();
    expect(made.url).toMatch(/^http:\/\/localhost(:\d+)?\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const path = new URL(made.url).pathname;
    const feed = await t.request({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect(feed.body).toContain('Follow-up due: Send the non-paper to the interior ministry');
    expect(feed.body).not.toContain('Already done');
    expect(feed.body).toContain(`Engagement due: ${old.reference}`);

    const rotated = (await t.request({ method: 'POST', url: '/api/v1/calendar/rotate', as: berlinOfficer })).json();
    expect((await t.request({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: new URL(rotated.url).pathname })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/calendar', as: berlinOfficer })).json().rotatedAt).toBe(rotated.rotatedAt);
    expect((await t.request({ method: 'GET', url: '/api/calendar/not-a-secret.ics' })).statusCode).toBe(400);
  });
});
