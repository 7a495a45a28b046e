import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCadenceReport, TReadoutComparison } from '../../shared/engagements';
import type { TAgreement, TAgreementPage } from '../../shared/agreements';
import { agreements, directives, engagements, incidents, notifications, users } from '../db/schema/index';
import { createTestApp, type TestApp } from '../testing/test-app';
import { demoEmail, seedDemo, type DemoSeedResult } from './seed-demo';

describe('demo data', () => {
  let t: TestApp;
  let first: DemoSeedResult;
  beforeAll(async () => {
    t = await createTestApp();
    first = await seedDemo(t.database.db);
  });
  afterAll(async () => t.close());

  const signIn = (key: string) => {
    const user = first.users.find((u) => u.email === demoEmail(key))!;
    return t.signIn(user.email, user.password!);
  };

  it('creates users of every role who can sign in with the printed passwords', async () => {
    expect(new Set(first.users.map((user) => user.role))).toEqual(
      new Set(['admin', 'directive_author', 'hq_analyst', 'bureau_analyst', 'officer', 'approver']),
    );
    expect(first.users.every((user) => user.password && user.password.length >= 12)).toBe(true);
    const session = await signIn('berlin.officer');
    const me = await t.request({ method: 'GET', url: '/api/v1/me', headers: session.headers() });
    expect(me.json().user).toMatchObject({ role: 'officer', post: 'berlin' });
  });

  it('changes nothing when run again', async () => {
    const counts = async () => ({
      users: (await t.database.db.select({ n: count() }).from(users))[0]!.n,
      directives: (await t.database.db.select({ n: count() }).from(directives))[0]!.n,
      engagements: (await t.database.db.select({ n: count() }).from(engagements))[0]!.n,
      incidents: (await t.database.db.select({ n: count() }).from(incidents))[0]!.n,
      agreements: (await t.database.db.select({ n: count() }).from(agreements))[0]!.n,
    });
    const before = await counts();
    const again = await seedDemo(t.database.db);
    expect(again).toMatchObject({ directives: 0, engagements: 0, incidents: 0, agreements: 0 });
    expect(again.users.every((user) => user.password === null)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('labels every directive and engagement synthetic and quotes only published wording', async () => {
    expect((await t.database.db.select().from(directives)).every((d) => d.synthetic)).toBe(true);
    expect((await t.database.db.select().from(engagements)).every((e) => e.synthetic)).toBe(true);
    const demoIncidents = await t.database.db.select().from(incidents);
    expect(demoIncidents.length).toBeGreaterThan(0);
    expect(demoIncidents.every((incident) => incident.synthetic && incident.summary.startsWith('Synthetic demo incident: no such event took place.'))).toBe(
      true,
    );
    const session = await signIn('berlin.officer');
    const list = (await t.request({ method: 'GET', url: '/api/v1/directives', headers: session.headers() })).json();
    const migration = list.items.find((d: { reference: string }) => d.reference === 'DEMO 2025-11-21 MIGRATION');
    const detail = (await t.request({ method: 'GET', url: `/api/v1/directives/${migration.id}`, headers: session.headers() })).json();
    // Berlin gets the 12 general points and the 3 European ones.
    expect(detail.talkingPoints).toHaveLength(15);
    const verbatim = detail.talkingPoints.filter((p: { wording: string }) => p.wording === 'verbatim');
    expect(verbatim).toHaveLength(1);
    expect(verbatim[0].text).toContain('negative social impacts of mass migration');
    expect(verbatim[0].attribution).toContain('The New York Times');
    expect(detail.talkingPoints.filter((p: { wording: string }) => p.wording === 'unpublished').length).toBe(13);

    const ottawa = await t.request({
      method: 'GET',
      url: `/api/v1/directives/${migration.id}/talking-points?post=ottawa`,
      headers: (await signIn('hq')).headers(),
    });
    const points = ottawa.json();
    expect(Array.isArray(points) ? points : points.items).toHaveLength(12);
  });

  it('shows cadence from the cable’s date: Berlin on time, Paris due soon, Ottawa never engaged and overdue; no standing cadence for the one-off calls', async () => {
    const session = await signIn('hq');
    const report = (await t.request({ method: 'GET', url: '/api/v1/cadence', headers: session.headers() })).json<TCadenceReport>();
    const row = (post: string) => report.rows.find((r) => r.reference === 'DEMO 2025-11-21 MIGRATION' && r.post === post);
    expect([row('berlin')?.status, row('paris')?.status, row('ottawa')?.status]).toEqual(['on_time', 'due_soon', 'overdue']);
    expect(row('ottawa')).toMatchObject({ neverEngaged: true, issuedAt: '2025-11-21T12:00:00.000Z' });
    expect(report.rows.some((r) => r.post === 'islamabad' || r.post === 'new-delhi')).toBe(false);
  });

  it('leaves no notification about the engagements it approved itself', async () => {
    const [row] = await t.database.db.select({ n: count() }).from(notifications).where(eq(notifications.recordType, 'engagement'));
    expect(row!.n).toBe(0);
  });

  it('adds no second administrator to a database that has one', async () => {
    const other = await createTestApp();
    await other.user({ role: 'admin', email: 'first.admin@demarche.test' });
    const result = await seedDemo(other.database.db);
    expect(result.users.map((user) => user.role)).not.toContain('admin');
    expect((await other.database.db.select({ n: count() }).from(users).where(eq(users.role, 'admin')))[0]!.n).toBe(1);
    await other.close();
  });

  it('compares the State readout of the Pakistan call with the prime minister’s office account', async () => {
    const session = await signIn('hq');
    const list = (await t.request({ method: 'GET', url: '/api/v1/engagements?country=PK', headers: session.headers() })).json();
    expect(list.items).toHaveLength(1);
    const comparison = (
      await t.request({ method: 'GET', url: `/api/v1/engagements/${list.items[0].id}/comparison`, headers: session.headers() })
    ).json<TReadoutComparison>();
    const theirs = comparison.counterpartSentences.find((s) => s.text.includes('press India'));
    expect(theirs?.onlyHere).toBe(true);
    expect(comparison.ourSentences.find((s) => s.text.includes('condemn the attack'))?.onlyHere).toBe(true);
  });

  it('adds synthetic agreements, each saying no such outreach was reported, with their stage history', async () => {
    const session = await signIn('hq');
    const page = (await t.request({ method: 'GET', url: '/api/v1/agreements?sort=stage', headers: session.headers() })).json<TAgreementPage>();
    expect(page.items.map((item) => [item.country, item.stage])).toEqual([
      ['MN', 'identified'],
      ['NA', 'approached'],
      ['FJ', 'negotiating'],
      ['CV', 'text_agreed'],
      ['UY', 'declined'],
    ]);
    expect(page.items.every((item) => item.synthetic)).toBe(true);
    const fiji = (await t.request({ method: 'GET', url: `/api/v1/agreements/${page.items[2]!.id}`, headers: session.headers() })).json<TAgreement>();
    expect(fiji.notes).toMatch(/^Synthetic demo agreement: no such outreach was reported\./);
    expect(fiji.history.map((change) => change.to)).toEqual(['identified', 'approached', 'negotiating']);
  });
});
