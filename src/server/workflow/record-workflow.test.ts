import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TActivityItem } from '../../shared/workflow';
import { comments, engagements } from '../db/schema/index';
import { runReminders } from '../cadence/reminders';
import { buildEngagement as buildApprovedEngagement, buildIssuedDirective } from '../testing/builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { buildContact, buildDirective } from '../engagements/test-builders';

/**
 * The shared record workflow, through engagements (its first record type): four eyes against
 * every editor, returns that reach the drafter, the activity timeline and comments, and
 * notifications and calendar feeds that follow the reader's access as it is now.
 */
describe('record workflow: four eyes, returns, timeline and notifications', () => {
  let t: TestApp;
  let officer: TestUser;
  let approverA: TestUser;
  let approverB: TestUser;
  let admin: TestUser;
  let hq: TestUser;
  let directive: { id: string; pointIds: string[] };
  let contactId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    approverA = await t.user({ role: 'approver', post: 'berlin', clearance: 'S' });
    approverB = await t.user({ role: 'approver', post: 'berlin', clearance: 'S' });
    admin = await t.user({ role: 'admin', clearance: 'S' });
    hq = await t.user({ role: 'hq_analyst', clearance: 'S' });
    directive = await buildDirective(t.database.db, { actionPosts: ['berlin'], points: ['Raise the synthetic point.'] });
    contactId = await buildContact(t.database.db, { post: 'berlin' });
  });
  afterAll(async () => t.close());

  const create = async (as: TestUser, classification = 'SBU') =>
    (
      await t.request({
        method: 'POST',
        url: '/api/v1/engagements',
        as,
        payload: {
          occurredAt: '2025-12-03T10:00:00Z',
          kind: 'meeting',
          classification,
          directives: [directive.id],
          contacts: [contactId],
          points: [{ talkingPointId: directive.pointIds[0], delivered: true, reception: 'receptive' }],
          ourReadout: 'Synthetic readout as the officer wrote it.',
          synthetic: true,
        },
      })
    ).json();
  const act = (id: string, action: string, as: TestUser, payload?: object) =>
    t.request({ method: 'POST', url: `/api/v1/engagements/${id}/${action}`, as, ...(payload ? { payload } : {}) });
  const patch = (id: string, as: TestUser, payload: object) => t.request({ method: 'PATCH', url: `/api/v1/engagements/${id}`, as, payload });
  const get = (id: string, as: TestUser) => t.request({ method: 'GET', url: `/api/v1/engagements/${id}`, as });
  const activity = async (id: string, as: TestUser) =>
    (await t.request({ method: 'GET', url: `/api/v1/engagements/${id}/activity`, as })).json().items as TActivityItem[];
  const notificationsOf = async (user: TestUser) =>
    (await t.request({ method: 'GET', url: '/api/v1/notifications?limit=500', as: user })).json().items as {
      kind: string;
      title: string;
      body: string;
      recordId: string;
      readAt: string | null;
      resolvedAt: string | null;
      resolution: string | null;
    }[];
  const unread = async (user: TestUser) => (await t.request({ method: 'GET', url: '/api/v1/notifications/unread-count', as: user })).json().count as number;

  it('refuses approval to an approver who returned, rewrote and resubmitted someone else’s engagement', async () => {
    const draft = await create(officer);
    expect((await act(draft.id, 'submit', officer)).statusCode).toBe(200);
    expect((await act(draft.id, 'return', approverA, { reason: 'Tighten the readout.' })).statusCode).toBe(200);
    expect((await patch(draft.id, approverA, { ourReadout: 'The readout as the approver rewrote it.' })).statusCode).toBe(200);
    expect((await act(draft.id, 'submit', approverA)).statusCode).toBe(200);

    // A changed the content: A is one of its authors, and the button is not offered either.
    expect((await get(draft.id, approverA)).json().allowedActions).not.toContain('approve');
    const refused = await act(draft.id, 'approve', approverA);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('You drafted or changed this engagement; someone who did not edit it must approve it (four eyes).');
    expect((await get(draft.id, approverA)).json()).toMatchObject({ status: 'submitted', approvedBy: null });

    const approved = await act(draft.id, 'approve', approverB);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', draftedBy: { id: officer.actor.id }, approvedBy: { id: approverB.actor.id } });
    // The step stamps the record's own columns too.
    const [row] = await t.database.db
      .select({ updatedAt: engagements.updatedAt, approvedAt: engagements.approvedAt })
      .from(engagements)
      .where(eq(engagements.id, draft.id));
    expect(row!.updatedAt.toISOString()).toBe(approved.json().approvedAt);
  });

  it('shows the return’s reason on the drafter’s record and in the timeline, with who edited which fields', async () => {
    const draft = await create(officer);
    await act(draft.id, 'submit', officer);
    await act(draft.id, 'return', approverA, { reason: 'Name the ministry you met.' });

    const returned = (await get(draft.id, officer)).json();
    expect(returned).toMatchObject({ status: 'draft', returned: { reason: 'Name the ministry you met.', by: { id: approverA.actor.id } } });
    await patch(draft.id, officer, { ourReadout: 'Met the Ministry of the Interior (synthetic).', kind: 'call' });
    await act(draft.id, 'submit', officer);
    // Submitted again: the reason has been answered and leaves the record.
    expect((await get(draft.id, officer)).json().returned).toBeNull();
    await act(draft.id, 'approve', approverB);

    const steps = await activity(draft.id, officer);
    expect(steps.map((step) => [step.kind, step.actor?.id, step.fields, step.note])).toEqual([
      ['created', officer.actor.id, [], null],
      ['submitted', officer.actor.id, [], null],
      ['returned', approverA.actor.id, [], 'Name the ministry you met.'],
      ['edited', officer.actor.id, ['kind', 'ourReadout'], null],
      ['submitted', officer.actor.id, [], null],
      ['approved', approverB.actor.id, [], null],
    ]);
  });

  it('resolves everyone’s “awaiting approval” once anyone approves or returns, and notifies only who may approve', async () => {
    const uncleared = await t.user({ role: 'approver', post: 'berlin', clearance: 'U' });
    const first = await create(officer);
    await act(first.id, 'submit', officer);
    const awaiting = async (user: TestUser, id: string) =>
      (await notificationsOf(user)).filter((n) => n.recordId === id && n.kind === 'engagement.awaiting_approval');
    expect(await awaiting(approverA, first.id)).toHaveLength(1);
    expect(await awaiting(uncleared, first.id)).toEqual([]);
    const before = await unread(approverA);

    await act(first.id, 'approve', approverB);
    const [resolved] = await awaiting(approverA, first.id);
    expect(resolved).toMatchObject({ resolution: 'approved', readAt: null });
    expect(resolved!.resolvedAt).not.toBeNull();
    expect(await unread(approverA)).toBe(before - 1);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/notifications?unread=true&limit=500', as: approverA }))
        .json()
        .items.map((n: { recordId: string }) => n.recordId),
    ).not.toContain(first.id);

    const second = await create(officer);
    await act(second.id, 'submit', officer);
    await act(second.id, 'return', approverB, { reason: 'Add the date of the reply.' });
    expect((await awaiting(approverA, second.id))[0]).toMatchObject({ resolution: 'returned' });
    // An approver who edited a record is not asked to approve it.
    await patch(second.id, approverA, { commitments: 'The host will reply (synthetic).' });
    await act(second.id, 'submit', officer);
    expect((await awaiting(approverA, second.id)).filter((n) => n.resolvedAt === null)).toEqual([]);
    expect((await awaiting(approverB, second.id)).filter((n) => n.resolvedAt === null)).toHaveLength(1);
  });

  it('hides existing notifications and their count once the reader’s clearance is lowered or post changes', async () => {
    const reader = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    const secret = await create(reader, 'S');
    await act(secret.id, 'submit', reader);
    await act(secret.id, 'return', approverA, { reason: 'Secret detail to fix.' });
    const plain = await create(reader, 'U');
    await act(plain.id, 'submit', reader);
    await act(plain.id, 'return', approverA, { reason: 'Unclassified detail to fix.' });
    expect((await notificationsOf(reader)).map((n) => n.recordId).sort()).toEqual([plain.id, secret.id].sort());
    expect(await unread(reader)).toBe(2);

    const lower = await t.request({ method: 'PATCH', url: `/api/v1/users/${reader.actor.id}`, as: admin, payload: { clearance: 'C' } });
    expect(lower.statusCode).toBe(200);
    const after = await notificationsOf(reader);
    expect(after.map((n) => n.recordId)).toEqual([plain.id]);
    expect(JSON.stringify(after)).not.toContain('Secret detail');
    expect(await unread(reader)).toBe(1);

    await t.request({ method: 'PATCH', url: `/api/v1/users/${reader.actor.id}`, as: admin, payload: { post: 'paris' } });
    expect(await notificationsOf(reader)).toEqual([]);
    expect(await unread(reader)).toBe(0);
    expect((await t.request({ method: 'POST', url: '/api/v1/notifications/read-all', as: reader })).json()).toEqual({ updated: 0 });
  });

  it('keeps comments with their record: its readers comment, its marking follows, others get 404', async () => {
    const draft = await create(officer, 'C');
    await act(draft.id, 'submit', officer);
    const comment = await t.request({
      method: 'POST',
      url: `/api/v1/engagements/${draft.id}/comments`,
      as: hq,
      payload: { body: '  Which ministry was this?  ' },
    });
    expect(comment.statusCode).toBe(201);
    expect(comment.json()).toMatchObject({ kind: 'comment', actor: { id: hq.actor.id }, note: 'Which ministry was this?' });
    expect((await activity(draft.id, officer)).map((item) => item.kind)).toEqual(['created', 'submitted', 'comment']);

    const empty = await t.request({ method: 'POST', url: `/api/v1/engagements/${draft.id}/comments`, as: hq, payload: { body: ' ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ field: 'body.body', message: 'is empty: write the comment' }]);

    const paris = await t.user({ role: 'officer', post: 'paris', clearance: 'S' });
    const uncleared = await t.user({ role: 'hq_analyst', clearance: 'SBU' });
    for (const outsider of [paris, uncleared]) {
      expect((await t.request({ method: 'GET', url: `/api/v1/engagements/${draft.id}/activity`, as: outsider })).statusCode).toBe(404);
      expect((await t.request({ method: 'POST', url: `/api/v1/engagements/${draft.id}/comments`, as: outsider, payload: { body: 'Hello' } })).statusCode).toBe(
        404,
      );
    }

    await act(draft.id, 'return', approverA, { reason: 'Mark it secret: it names a source.' });
    await patch(draft.id, officer, { classification: 'S' });
    const [stored] = await t.database.db.select({ classification: comments.classification }).from(comments).where(eq(comments.recordId, draft.id));
    expect(stored).toEqual({ classification: 'S' });
  });
});

describe('reminders, coverage and calendar feeds are computed for their reader', () => {
  let t: TestApp;
  const DAY = 86_400_000;
  const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('dates a U reader’s reminder from the engagements a U reader may see, never from an S one', async () => {
    const uOfficer = await t.user({ role: 'officer', post: 'warsaw', clearance: 'U' });
    const sOfficer = await t.user({ role: 'officer', post: 'warsaw', clearance: 'S' });
    const directive = await buildIssuedDirective(t.database.db, { actionPosts: ['warsaw'], cadenceDays: 30, issuedAt: daysAgo(90) });
    const visible = daysAgo(40);
    await buildApprovedEngagement(t.database.db, {
      post: 'warsaw',
      draftedBy: sOfficer.actor.id,
      directiveIds: [directive.id],
      occurredAt: visible,
      classification: 'U',
    });
    await buildApprovedEngagement(t.database.db, {
      post: 'warsaw',
      draftedBy: sOfficer.actor.id,
      directiveIds: [directive.id],
      occurredAt: daysAgo(5),
      classification: 'S',
    });

    await runReminders(t.database.db, new Date());
    const items = async (user: TestUser) =>
      (await t.request({ method: 'GET', url: '/api/v1/notifications', as: user }))
        .json()
        .items.map((n: { title: string; body: string }) => `${n.title} | ${n.body}`);
    const due = new Date(visible.getTime() + 30 * DAY).toISOString().slice(0, 10);
    expect(await items(uOfficer)).toEqual([
      `Engagement overdue: ${directive.reference} | Embassy Warsaw should report an engagement under ${directive.reference} by ${due}.`,
    ]);
    // The S officer sees the engagement five days ago: on time, nothing to remind.
    expect(await items(sOfficer)).toEqual([]);
  });

  it('gives an Ottawa officer the coverage of Ottawa’s points only, never a Europe-only point’s text', async () => {
    const ottawa = await t.user({ role: 'officer', post: 'ottawa', clearance: 'S' });
    const hq = await t.user({ role: 'hq_analyst', clearance: 'S' });
    const directive = await buildIssuedDirective(t.database.db, {
      actionPosts: ['berlin', 'ottawa'],
      points: [
        { text: 'A point for every action post' },
        { text: 'A Europe-only point', scope: 'bureaus', bureaus: ['EUR'] },
        { text: 'A point for Canada', scope: 'countries', countries: ['CA'] },
      ],
    });
    const coverage = async (user: TestUser) => (await t.request({ method: 'GET', url: `/api/v1/directives/${directive.id}/coverage`, as: user })).json();
    const seen = await coverage(ottawa);
    expect(seen.points.map((point: { text: string }) => point.text)).toEqual(['A point for every action post', 'A point for Canada']);
    expect(JSON.stringify(seen)).not.toContain('Europe-only');
    expect((await coverage(hq)).points).toHaveLength(3);
  });

  it('drops the old post’s follow-ups from a calendar feed once its owner moves post', async () => {
    const admin = await t.user({ role: 'admin', clearance: 'S' });
    const mover = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    const directive = await buildIssuedDirective(t.database.db, { actionPosts: ['berlin'], cadenceDays: null });
    await buildApprovedEngagement(t.database.db, {
      post: 'berlin',
      draftedBy: mover.actor.id,
      directiveIds: [directive.id],
      occurredAt: daysAgo(3),
      followUps: [{ action: 'Send the Berlin non-paper (synthetic)', ownerId: mover.actor.id, dueDate: '2027-01-15' }],
    });
    const { url } = (await t.request({ method: 'POST', url: '/api/v1/calendar/rotate', as: mover })).json();
    const feed = async () => (await t.request({ method: 'GET', url: new URL(url).pathname })).body;
    expect(await feed()).toContain('Send the Berlin non-paper');

    expect((await t.request({ method: 'PATCH', url: `/api/v1/users/${mover.actor.id}`, as: admin, payload: { post: 'paris' } })).statusCode).toBe(200);
    expect(await feed()).not.toContain('Berlin non-paper');
  });
});
