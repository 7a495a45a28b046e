import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInbox } from '../../shared/inbox';
import { buildEngagement, buildDirective } from '../engagements/test-builders';
import { buildIncident } from '../incidents/test-builders';
import { buildEngagement as buildApprovedEngagement, buildIssuedDirective } from '../testing/builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';

const DAY = 86_400_000;

/**
 * The home inbox, for each role: what awaits the reader's decision (four eyes; nothing above
 * their clearance or outside their post), their returned drafts with the reason, their post's
 * deadlines, their follow-ups, their unread notifications, and the overdue posts of their scope.
 */
describe('GET /api/v1/inbox', () => {
  let t: TestApp;
  let officer: TestUser;
  let approver: TestUser;
  let secondApprover: TestUser;
  let uApprover: TestUser;
  let parisApprover: TestUser;
  let eurAnalyst: TestUser;
  let hq: TestUser;
  let uHq: TestUser;
  let admin: TestUser;
  let berlinOverdue: { id: string; reference: string };
  let berlinDueLater: { id: string; reference: string };
  let parisOverdue: { id: string; reference: string };
  let ottawaSecret: { id: string; reference: string };

  const inbox = async (as: TestUser): Promise<TInbox> => {
    const response = await t.request({ method: 'GET', url: '/api/v1/inbox', as });
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const act = async (id: string, path: string, as: TestUser, payload?: object) => {
    const response = await t.request({ method: 'POST', url: `/api/v1/${path}/${id}`, as, ...(payload ? { payload } : {}) });
    expect(response.statusCode, response.body).toBe(200);
  };
  const awaitingIds = (box: TInbox) => box.awaitingDecision?.items.map((item) => item.record.id);

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'SBU' });
    approver = await t.user({ role: 'approver', post: 'berlin', clearance: 'SBU' });
    secondApprover = await t.user({ role: 'approver', post: 'berlin', clearance: 'SBU' });
    uApprover = await t.user({ role: 'approver', post: 'berlin', clearance: 'U' });
    parisApprover = await t.user({ role: 'approver', post: 'paris', clearance: 'S' });
    eurAnalyst = await t.user({ role: 'bureau_analyst', bureau: 'EUR', clearance: 'S' });
    hq = await t.user({ role: 'hq_analyst', clearance: 'S' });
    uHq = await t.user({ role: 'hq_analyst', clearance: 'U' });
    admin = await t.user({ role: 'admin', clearance: 'S' });
    const db = t.database.db;
    const now = Date.now();
    // Berlin: one directive 10 days overdue, one due in 20 days; Paris overdue; Ottawa overdue under an S directive.
    berlinOverdue = await buildIssuedDirective(db, { actionPosts: ['berlin'], cadenceDays: 30, issuedAt: new Date(now - 40 * DAY) });
    berlinDueLater = await buildIssuedDirective(db, { actionPosts: ['berlin'], cadenceDays: 30, issuedAt: new Date(now - 10 * DAY) });
    parisOverdue = await buildIssuedDirective(db, { actionPosts: ['paris', 'berlin'], cadenceDays: 14, issuedAt: new Date(now - 60 * DAY) });
    ottawaSecret = await buildIssuedDirective(db, { actionPosts: ['ottawa'], cadenceDays: 7, issuedAt: new Date(now - 30 * DAY), classification: 'S' });
    // Berlin engaged under the Paris directive two days ago: on time there, Paris is not.
    await buildApprovedEngagement(db, { post: 'berlin', draftedBy: officer.actor.id, directiveIds: [parisOverdue.id], occurredAt: new Date(now - 2 * DAY) });
  });
  afterAll(async () => t.close());

  describe('awaiting my decision', () => {
    let officersU: string;
    let officersSbu: string;
    let approversOwn: string;
    let incident: string;

    beforeAll(async () => {
      const db = t.database.db;
      const directive = await buildDirective(db, { actionPosts: ['berlin'] });
      officersU = (await buildEngagement(db, { post: 'berlin', draftedBy: officer.actor.id, directives: [directive.id] })).id;
      officersSbu = (await buildEngagement(db, { post: 'berlin', draftedBy: officer.actor.id, classification: 'SBU', directives: [directive.id] })).id;
      approversOwn = (await buildEngagement(db, { post: 'berlin', draftedBy: approver.actor.id, directives: [directive.id] })).id;
      incident = (await buildIncident(db, { post: 'berlin', draftedBy: officer.actor.id })).id;
      for (const id of [officersU, officersSbu]) await act(`${id}/submit`, 'engagements', officer);
      await act(`${approversOwn}/submit`, 'engagements', approver);
      await act(`${incident}/submit`, 'incidents', officer);
    });

    it('lists the submitted engagements and incidents an approver may decide, the longest waiting first, with who drafted them', async () => {
      const box = await inbox(approver);
      expect(awaitingIds(box)).toEqual([officersU, officersSbu, incident]);
      expect(box.awaitingDecision?.total).toBe(3);
      expect(box.awaitingDecision?.items[0]).toMatchObject({
        record: { recordType: 'engagement', kind: 'meeting', postName: 'Embassy Berlin', classification: 'U' },
        draftedBy: { id: officer.actor.id, name: officer.actor.name },
        link: `/engagements/${officersU}`,
      });
      expect(box.awaitingDecision?.items[2]).toMatchObject({ record: { recordType: 'incident', placeName: 'Synthetic town' }, link: `/incidents/${incident}` });
      // What the inbox lists is what the record's own rules let the approver do.
      for (const item of box.awaitingDecision!.items) {
        const record = (await t.request({ method: 'GET', url: item.link.replace(/^\//, '/api/v1/'), as: approver })).json();
        expect(record.allowedActions).toContain(item.record.recordType === 'incident' ? 'verify' : 'approve');
      }
    });

    it('never lists my own submission as awaiting me (four eyes), but lists it for the other approver', async () => {
      expect(awaitingIds(await inbox(approver))).not.toContain(approversOwn);
      const other = await inbox(secondApprover);
      expect(awaitingIds(other)).toEqual([officersU, officersSbu, approversOwn, incident]);
      expect(other.awaitingDecision?.total).toBe(4);
    });

    it('neither lists nor counts an SBU engagement for a U-cleared approver of Berlin, nor anything of Berlin for the approver of Paris', async () => {
      const u = await inbox(uApprover);
      expect(awaitingIds(u)).toEqual([officersU, approversOwn, incident]);
      expect(u.awaitingDecision?.total).toBe(3);
      const paris = await inbox(parisApprover);
      expect(paris.awaitingDecision).toEqual({ items: [], total: 0, link: '/engagements?status=submitted' });
    });

    it('has no approval section for officers and analysts, who decide nothing', async () => {
      for (const user of [officer, eurAnalyst, hq, admin]) expect((await inbox(user)).awaitingDecision).toBeNull();
    });

    it('drops a record once it is approved, and shows the drafter the return with its reason until they submit again', async () => {
      await act(`${officersU}/approve`, 'engagements', secondApprover);
      expect(awaitingIds(await inbox(approver))).not.toContain(officersU);

      const reason = 'Say which ministry you met.';
      await act(`${officersSbu}/return`, 'engagements', approver, { reason });
      expect(awaitingIds(await inbox(secondApprover))).not.toContain(officersSbu);
      const returned = (await inbox(officer)).returned;
      expect(returned?.total).toBe(1);
      expect(returned?.items).toEqual([
        {
          record: expect.objectContaining({ recordType: 'engagement', id: officersSbu, classification: 'SBU' }),
          returned: { reason, by: { id: approver.actor.id, name: approver.actor.name }, at: expect.any(String) },
          link: `/engagements/${officersSbu}`,
        },
      ]);
      // The approver who returned it did not write it: nothing is returned to them.
      expect((await inbox(approver)).returned).toEqual({ items: [], total: 0, link: '/engagements?status=draft' });

      await act(`${officersSbu}/submit`, 'engagements', officer);
      expect((await inbox(officer)).returned?.total).toBe(0);
      expect(awaitingIds(await inbox(approver))).toContain(officersSbu);
    });

    it('shows a returned incident to its drafter with the verifier’s reason', async () => {
      await act(`${incident}/return`, 'incidents', approver, { reason: 'Add the police report as a source.' });
      const returned = (await inbox(officer)).returned!;
      expect(returned.items.map((item) => [item.record.recordType, item.returned.reason])).toEqual([['incident', 'Add the police report as a source.']]);
      expect(awaitingIds(await inbox(secondApprover))).not.toContain(incident);
    });

    it('does not ask an approver who edited the draft, whoever drafted it (four eyes counts every editor)', async () => {
      const directive = await buildDirective(t.database.db, { actionPosts: ['berlin'] });
      const { id } = await buildEngagement(t.database.db, { post: 'berlin', draftedBy: officer.actor.id, directives: [directive.id] });
      const edited = await t.request({
        method: 'PATCH',
        url: `/api/v1/engagements/${id}`,
        as: secondApprover,
        payload: { ourReadout: 'Edited by the second approver.' },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      await act(`${id}/submit`, 'engagements', officer);
      expect(awaitingIds(await inbox(secondApprover))).not.toContain(id);
      expect(awaitingIds(await inbox(approver))).toContain(id);
    });

    it('counts all that awaits, lists the first ten', async () => {
      const db = t.database.db;
      const many = await t.user({ role: 'officer', post: 'warsaw', clearance: 'U' });
      const warsawApprover = await t.user({ role: 'approver', post: 'warsaw', clearance: 'U' });
      for (let i = 0; i < 12; i += 1) await buildEngagement(db, { post: 'warsaw', draftedBy: many.actor.id, status: 'submitted' });
      const box = await inbox(warsawApprover);
      expect(box.awaitingDecision?.items).toHaveLength(10);
      expect(box.awaitingDecision?.total).toBe(12);
    });
  });

  describe('policy assessments', () => {
    it('lists a submitted assessment for an approver of its post (never its author, nor another post), and a returned one to its author with the reason', async () => {
      const viennaOfficer = await t.user({ role: 'officer', post: 'vienna', clearance: 'S' });
      const viennaApprover = await t.user({ role: 'approver', post: 'vienna', clearance: 'S' });
      const sbuOnly = await t.user({ role: 'approver', post: 'vienna', clearance: 'U' });
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/assessments',
        as: viennaOfficer,
        payload: {
          period: '2025-Q4',
          classification: 'SBU',
          synthetic: true,
          scores: [{ area: 'asylum_procedure', score: -1, justification: 'Synthetic: a border procedure was adopted.' }],
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      expect((await t.request({ method: 'POST', url: `/api/v1/assessments/${id}/submit`, as: viennaOfficer })).statusCode).toBe(200);

      const box = await inbox(viennaApprover);
      expect(box.awaitingDecision?.items).toEqual([
        {
          record: { recordType: 'assessment', id, postName: 'Embassy Vienna', classification: 'SBU', countryName: 'Austria', period: '2025-Q4' },
          submittedAt: expect.any(String),
          draftedBy: { id: viennaOfficer.actor.id, name: viennaOfficer.actor.name },
          link: `/policy/assessments/${id}`,
        },
      ]);
      // Above the approver's clearance, or another post's: neither listed nor counted.
      expect((await inbox(sbuOnly)).awaitingDecision).toMatchObject({ items: [], total: 0 });
      expect(awaitingIds(await inbox(parisApprover))).not.toContain(id);

      const reason = 'Justify the score with the measure it rests on.';
      const returned = await t.request({ method: 'POST', url: `/api/v1/assessments/${id}/return`, as: viennaApprover, payload: { reason } });
      expect(returned.statusCode, returned.body).toBe(200);
      expect((await inbox(viennaApprover)).awaitingDecision?.total).toBe(0);
      const mine = (await inbox(viennaOfficer)).returned;
      expect(mine?.items.map((item) => [item.record.recordType, item.link, item.returned.reason, item.returned.by?.id])).toEqual([
        ['assessment', `/policy/assessments/${id}`, reason, viennaApprover.actor.id],
      ]);
    });
  });

  describe('deadlines', () => {
    it('gives an officer their post’s due dates, the overdue first, computed for their post alone', async () => {
      const deadlines = (await inbox(officer)).deadlines!;
      expect(deadlines.post).toEqual({ code: 'berlin', name: 'Embassy Berlin' });
      expect(deadlines.items.map((row) => [row.reference, row.status])).toEqual([
        [berlinOverdue.reference, 'overdue'],
        // Engaged two days ago under a 14-day cadence: due in 12 days, before the other (20).
        [parisOverdue.reference, 'on_time'],
        [berlinDueLater.reference, 'on_time'],
      ]);
      expect(deadlines.items[0]?.neverEngaged).toBe(true);
      expect(deadlines).toMatchObject({ total: 3, overdue: 1, link: '/posts/berlin' });
      expect((await inbox(parisApprover)).deadlines?.items.map((row) => [row.reference, row.status])).toEqual([[parisOverdue.reference, 'overdue']]);
    });

    it('gives readers of many posts the overdue posts of their scope instead, each marking counted only when cleared', async () => {
      for (const user of [eurAnalyst, hq, admin]) expect((await inbox(user)).deadlines).toBeNull();
      const eur = (await inbox(eurAnalyst)).overduePosts!;
      expect(eur.items.map((post) => [post.post, post.directives.map((d) => d.reference)])).toEqual([
        ['paris', [parisOverdue.reference]],
        ['berlin', [berlinOverdue.reference]],
      ]);
      expect(eur).toMatchObject({ total: 2, overdueDirectives: 2, link: '/dashboard' });
      const all = (await inbox(hq)).overduePosts!;
      expect(all.items.map((post) => post.post)).toEqual(['paris', 'ottawa', 'berlin']);
      expect(all.items[1]).toMatchObject({ post: 'ottawa', bureau: 'WHA', directives: [{ reference: ottawaSecret.reference }], link: '/posts/ottawa' });
      const unclassified = (await inbox(uHq)).overduePosts!;
      expect(unclassified.items.map((post) => post.post)).toEqual(['paris', 'berlin']);
      expect(unclassified.overdueDirectives).toBe(2);
      for (const user of [officer, approver, admin]) expect((await inbox(user)).overduePosts).toBeNull();
    });
  });

  describe('follow-ups and notifications', () => {
    it('lists the follow-ups I own and have not done, the soonest due first, overdue flagged', async () => {
      const db = t.database.db;
      const owner = await t.user({ role: 'officer', post: 'rome', clearance: 'U' });
      const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
      const nextWeek = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
      await buildApprovedEngagement(db, {
        post: 'rome',
        draftedBy: owner.actor.id,
        directiveIds: [],
        occurredAt: new Date(Date.now() - 3 * DAY),
        followUps: [
          { action: 'Send the non-paper', ownerId: owner.actor.id, dueDate: nextWeek },
          { action: 'Call the ministry back', ownerId: owner.actor.id, dueDate: yesterday },
          { action: 'Already done', ownerId: owner.actor.id, dueDate: yesterday, done: true },
          { action: 'Someone else’s', ownerId: officer.actor.id, dueDate: yesterday },
        ],
      });
      // One above the owner's clearance: not theirs to see, so not listed nor counted.
      await buildApprovedEngagement(db, {
        post: 'rome',
        draftedBy: owner.actor.id,
        directiveIds: [],
        occurredAt: new Date(Date.now() - 3 * DAY),
        classification: 'SBU',
        followUps: [{ action: 'Secret errand', ownerId: owner.actor.id, dueDate: yesterday }],
      });
      const followUps = (await inbox(owner)).followUps!;
      expect(followUps.items.map((item) => [item.action, item.dueDate, item.overdue])).toEqual([
        ['Call the ministry back', yesterday, true],
        ['Send the non-paper', nextWeek, false],
      ]);
      expect(followUps).toMatchObject({ total: 2, overdue: 1, link: '/engagements' });
      expect(followUps.items[0]?.link).toMatch(/^\/engagements\//);
      for (const user of [hq, admin]) expect((await inbox(user)).followUps).toBeNull();
    });

    it('counts my unread notifications and shows the newest few', async () => {
      const box = await inbox(secondApprover);
      const unread = (await t.request({ method: 'GET', url: '/api/v1/notifications/unread-count', as: secondApprover })).json().count;
      expect(box.notifications.total).toBe(unread);
      expect(box.notifications.total).toBeGreaterThan(0);
      expect(box.notifications.items.every((item) => item.readAt === null && item.resolvedAt === null)).toBe(true);
      expect(box.notifications.items.map((item) => item.title)).toContain('Engagement awaiting approval');
      expect(box.notifications.link).toBe('/notifications');
      expect((await inbox(admin)).notifications).toEqual({ items: [], total: 0, link: '/notifications' });
    });
  });

  it('answers 401 without a session', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/inbox' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
