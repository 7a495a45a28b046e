import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCadenceReport } from '../../shared/engagements';
import { buildDirective } from '../engagements/test-builders';
import { buildEngagement, buildIssuedDirective } from '../testing/builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { isoWeekStartUtc } from './cadence-report';
import { runReminders } from './reminders';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/** What the cadence claims, checked against the rules a reader relies on (and in any server time zone). */
describe('cadence tells the truth', () => {
  let t: TestApp;
  let hq: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    hq = await t.user({ role: 'hq_analyst', clearance: 'S' });
    officer = await t.user({ role: 'officer', post: 'warsaw', clearance: 'S' });
  });
  afterAll(async () => t.close());

  const rowOf = async (directiveId: string, post: string) => {
    const body = (await t.request({ method: 'GET', url: `/api/v1/cadence?directive=${directiveId}`, as: hq })).json<TCadenceReport>();
    return body.rows.find((row) => row.post === post)!;
  };

  it('makes a post that never engaged overdue after issue + cadence, and reminds its staff', async () => {
    const directive = await buildIssuedDirective(t.database.db, { actionPosts: ['warsaw'], cadenceDays: 30, issuedAt: daysAgo(40) });
    expect(await rowOf(directive.id, 'warsaw')).toMatchObject({ status: 'overdue', neverEngaged: true, lastEngagementAt: null });
    await runReminders(t.database.db, new Date());
    const titles = (await t.request({ method: 'GET', url: '/api/v1/notifications', as: officer })).json().items.map((n: { title: string }) => n.title);
    expect(titles).toContain(`Engagement overdue: ${directive.reference}`);
  });

  it('does not start the clock with an engagement dated before the issue, nor stop it with one dated in the future', async () => {
    const directive = await buildIssuedDirective(t.database.db, { actionPosts: ['warsaw'], cadenceDays: 30, issuedAt: daysAgo(40) });
    await buildEngagement(t.database.db, { post: 'warsaw', draftedBy: officer.actor.id, directiveIds: [directive.id], occurredAt: daysAgo(45) });
    await buildEngagement(t.database.db, {
      post: 'warsaw',
      draftedBy: officer.actor.id,
      directiveIds: [directive.id],
      occurredAt: new Date(Date.now() + 200 * DAY),
    });
    expect(await rowOf(directive.id, 'warsaw')).toMatchObject({ status: 'overdue', neverEngaged: true });
    const counted = daysAgo(3);
    await buildEngagement(t.database.db, { post: 'warsaw', draftedBy: officer.actor.id, directiveIds: [directive.id], occurredAt: counted });
    expect(await rowOf(directive.id, 'warsaw')).toMatchObject({ status: 'on_time', neverEngaged: false, lastEngagementAt: counted.toISOString() });
  });

  it('puts an engagement on Monday 03:00 UTC in that Monday’s week, whatever the server’s time zone', async () => {
    const monday = isoWeekStartUtc(daysAgo(7));
    const at = new Date(monday.getTime() + 3 * 3_600_000);
    const directive = await buildIssuedDirective(t.database.db, { actionPosts: ['warsaw'], cadenceDays: 30, issuedAt: daysAgo(20) });
    await buildEngagement(t.database.db, { post: 'warsaw', draftedBy: officer.actor.id, directiveIds: [directive.id], occurredAt: at });
    const body = (await t.request({ method: 'GET', url: `/api/v1/cadence?directive=${directive.id}`, as: hq })).json<TCadenceReport>();
    const week = body.heatmap.weeks.indexOf(monday.toISOString().slice(0, 10));
    expect(week).toBeGreaterThanOrEqual(0);
    expect(body.heatmap.counts[0]![week]).toBe(1);
  });

  it('shows the latest 52 weeks of an old directive, starting from the engagements before them', async () => {
    const directive = await buildIssuedDirective(t.database.db, { actionPosts: ['warsaw'], cadenceDays: 365, issuedAt: daysAgo(60 * 7) });
    await buildEngagement(t.database.db, { post: 'warsaw', draftedBy: officer.actor.id, directiveIds: [directive.id], occurredAt: daysAgo(56 * 7) });
    const body = (await t.request({ method: 'GET', url: `/api/v1/cadence?directive=${directive.id}`, as: hq })).json<TCadenceReport>();
    expect(body.heatmap.weeks).toHaveLength(52);
    // Due a year after the engagement 56 weeks ago, before the first week shown: on time at
    // first (it would be overdue from the start if that engagement were forgotten), overdue now.
    expect(body.heatmap.statuses[0]![0]).toBe('on_time');
    expect(body.heatmap.statuses[0]!.at(-1)).toBe('overdue');
    expect(body.heatmap.counts[0]!.every((n) => n === 0)).toBe(true);
  });

  it('refuses dates that cannot be so: a future engagement, a future or earlier counterpart account, a follow-up due before the engagement', async () => {
    const directive = await buildDirective(t.database.db, { actionPosts: ['warsaw'] });
    const tomorrowPlus = new Date(Date.now() + 3 * DAY).toISOString();
    const post = (payload: object) =>
      t.request({
        method: 'POST',
        url: '/api/v1/engagements',
        as: officer,
        payload: { kind: 'meeting', classification: 'U', directives: [directive.id], ...payload },
      });
    const fields = async (payload: object) => (await post(payload)).json().errors as { field: string; message: string }[];
    expect(await fields({ occurredAt: tomorrowPlus })).toEqual([
      { field: 'body.occurredAt', message: 'must not be more than 24 hours in the future: record an engagement once it has taken place' },
    ]);
    expect(await fields({ occurredAt: '2026-01-10T10:00:00Z', counterpartDate: '2099-01-01' })).toEqual([
      { field: 'body.counterpartDate', message: 'must not be in the future: give the date the account was published' },
    ]);
    expect(await fields({ occurredAt: '2026-01-10T10:00:00Z', counterpartDate: '2026-01-09' })).toEqual([
      { field: 'body.counterpartDate', message: 'must be on or after the engagement’s date (2026-01-10)' },
    ]);
    expect(await fields({ occurredAt: '2026-01-10T10:00:00Z', followUps: [{ action: 'Reply', dueDate: '2026-01-05' }] })).toEqual([
      { field: 'body.followUps.0.dueDate', message: 'must be on or after the engagement’s date (2026-01-10)' },
    ]);
    expect((await post({ occurredAt: new Date(Date.now() + 3_600_000).toISOString(), synthetic: true })).statusCode).toBe(201);
  });
});
