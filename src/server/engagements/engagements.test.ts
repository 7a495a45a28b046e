import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engagementDirectives, engagementPoints } from '../db/schema/index';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { buildContact, buildDirective } from './test-builders';

describe('engagements: recording, four eyes and validation', () => {
  let t: TestApp;
  let officer: TestUser;
  let approver: TestUser;
  let secondApprover: TestUser;
  let parisOfficer: TestUser;
  let admin: TestUser;
  let directive: { id: string; pointIds: string[] };
  let otherDirective: { id: string; pointIds: string[] };
  let contactId: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'C' });
    approver = await t.user({ role: 'approver', post: 'berlin' });
    secondApprover = await t.user({ role: 'approver', post: 'berlin' });
    parisOfficer = await t.user({ role: 'officer', post: 'paris' });
    admin = await t.user({ role: 'admin' });
    // Synthetic directive: one point for every action post, one for EUR, one for France only.
    directive = await buildDirective(t.database.db, {
      actionPosts: ['berlin', 'paris'],
      points: [
        'Raise the synthetic point for every action post.',
        { text: 'Raise the European point.', scope: 'bureaus', bureaus: ['EUR'] },
        { text: 'Raise the French point.', scope: 'countries', countries: ['FR'] },
      ],
    });
    otherDirective = await buildDirective(t.database.db, { actionPosts: ['berlin'], points: ['A point of another directive.'] });
    contactId = await buildContact(t.database.db, { post: 'berlin', name: 'Synthetic Director' });
  });
  afterAll(async () => t.close());

  const valid = () => ({
    occurredAt: '2025-12-03T10:00:00Z',
    kind: 'demarche',
    classification: 'SBU',
    directives: [directive.id],
    contacts: [contactId],
    points: [
      { talkingPointId: directive.pointIds[0], delivered: true, reception: 'noncommittal' },
      { talkingPointId: directive.pointIds[1], delivered: false },
    ],
    ourReadout: 'Synthetic readout: the host listened.',
    followUps: [{ action: 'Send the synthetic non-paper.', dueDate: '2026-01-10' }],
    synthetic: true,
  });
  const create = (as: TestUser, payload: Record<string, unknown> = valid()) => t.request({ method: 'POST', url: '/api/v1/engagements', payload, as });
  const act = (id: string, action: string, as: TestUser, payload?: object) =>
    t.request({ method: 'POST', url: `/api/v1/engagements/${id}/${action}`, as, ...(payload ? { payload } : {}) });
  const get = (id: string, as: TestUser) => t.request({ method: 'GET', url: `/api/v1/engagements/${id}`, as });
  const auditActions = async (id: string) =>
    (await t.request({ method: 'GET', url: `/api/v1/audit?recordId=${id}`, as: admin })).json().items.map((e: { action: string }) => e.action);

  it('records a draft at the home post, submits it, and an approver approves it, each step audited', async () => {
    const created = await create(officer);
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({
      post: 'berlin',
      country: 'DE',
      status: 'draft',
      classification: 'SBU',
      directives: [{ id: directive.id }],
      contacts: [{ id: contactId, name: 'Synthetic Director' }],
      officers: [{ id: officer.actor.id }],
      points: [
        { talkingPointId: directive.pointIds[0], number: 1, delivered: true, reception: 'noncommittal' },
        { talkingPointId: directive.pointIds[1], number: 2, delivered: false, reception: null },
      ],
      followUps: [{ action: 'Send the synthetic non-paper.', owner: officer.actor.id, dueDate: '2026-01-10', done: false }],
      draftedBy: { id: officer.actor.id },
      approvedBy: null,
      allowedActions: ['update', 'submit', 'update_follow_up', 'comment'],
    });

    const submitted = await act(draft.id, 'submit', officer);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', allowedActions: ['update_follow_up', 'comment'] });
    expect(submitted.json().submittedAt).not.toBeNull();
    expect((await get(draft.id, approver)).json().allowedActions).toEqual(['approve', 'return', 'update_follow_up', 'comment']);

    const approved = await act(draft.id, 'approve', approver);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: { id: approver.actor.id } });
    expect(await auditActions(draft.id)).toEqual(['engagement.approved', 'engagement.submitted', 'engagement.created']);
  });

  it('notifies the post’s approvers on submit, and the drafter when it is returned', async () => {
    const titles = async (user: TestUser) =>
      (await t.request({ method: 'GET', url: '/api/v1/notifications?limit=500', as: user }))
        .json()
        .items.map((n: { title: string; link: string }) => `${n.title} ${n.link}`);
    const uncleared = await t.user({ role: 'approver', post: 'berlin', clearance: 'U' });
    const draft = (await create(officer)).json();
    expect(draft.classification).toBe('SBU');
    await act(draft.id, 'submit', officer);
    expect(await titles(approver)).toContain(`Engagement awaiting approval /engagements/${draft.id}`);
    expect(await titles(uncleared)).toEqual([]);
    expect(await titles(secondApprover)).toContain(`Engagement awaiting approval /engagements/${draft.id}`);
    expect(await titles(officer)).not.toContain(`Engagement awaiting approval /engagements/${draft.id}`);
    expect((await act(draft.id, 'return', approver, { reason: 'Name the ministry.' })).statusCode).toBe(200);
    expect(await titles(officer)).toContain(`Engagement returned to draft /engagements/${draft.id}`);
    const [returned] = (await t.request({ method: 'GET', url: '/api/v1/notifications', as: officer })).json().items;
    expect(returned.body).toBe(`${approver.actor.name} returned your demarche at Embassy Berlin on 2025-12-03: “Name the ministry.”`);
  });

  it('never lets the drafter approve their own engagement (four eyes); another approver can', async () => {
    const draft = (await create(approver)).json();
    await act(draft.id, 'submit', approver);
    expect((await get(draft.id, approver)).json().allowedActions).toEqual(['return', 'update_follow_up', 'comment']);
    const own = await act(draft.id, 'approve', approver);
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toMatch(/four eyes/);
    expect((await act(draft.id, 'approve', secondApprover)).statusCode).toBe(200);
  });

  it('leaves only approvers to approve, and only submitted engagements', async () => {
    const draft = (await create(officer)).json();
    expect((await act(draft.id, 'approve', approver)).statusCode).toBe(409);
    await act(draft.id, 'submit', officer);
    expect((await act(draft.id, 'approve', officer)).statusCode).toBe(403);
  });

  it('freezes an approved engagement, but its follow-ups can still be ticked off', async () => {
    const draft = (await create(officer)).json();
    await act(draft.id, 'submit', officer);
    await act(draft.id, 'approve', approver);
    const patch = await t.request({ method: 'PATCH', url: `/api/v1/engagements/${draft.id}`, payload: { ourReadout: 'Rewritten.' }, as: officer });
    expect(patch.statusCode).toBe(409);
    for (const action of ['submit', 'approve', 'return']) expect((await act(draft.id, action, secondApprover)).statusCode, action).toBe(409);
    expect((await get(draft.id, officer)).json().ourReadout).toBe('Synthetic readout: the host listened.');

    const followUpId = draft.followUps[0].id;
    const url = `/api/v1/engagements/${draft.id}/follow-ups/${followUpId}`;
    const done = await t.request({ method: 'PATCH', url, payload: { done: true }, as: officer });
    expect(done.statusCode).toBe(200);
    expect(done.json().followUps[0]).toMatchObject({ id: followUpId, done: true });
    const undone = await t.request({ method: 'PATCH', url, payload: { done: false }, as: approver });
    expect(undone.json().followUps[0].done).toBe(false);
    expect((await auditActions(followUpId)).filter((a: string) => a === 'follow_up.updated')).toHaveLength(2);
    // A follow-up is addressed through its own engagement only.
    const other = (await create(officer)).json();
    const wrong = await t.request({ method: 'PATCH', url: `/api/v1/engagements/${other.id}/follow-ups/${followUpId}`, payload: { done: true }, as: officer });
    expect(wrong.statusCode).toBe(404);
  });

  it('returns a submitted engagement to draft, with the reason, and it can then change', async () => {
    const draft = (await create(officer)).json();
    await act(draft.id, 'submit', officer);
    const returned = await act(draft.id, 'return', approver, { reason: 'Add the host’s commitments.' });
    expect(returned.json()).toMatchObject({ status: 'draft', submittedAt: null });
    const patch = await t.request({
      method: 'PATCH',
      url: `/api/v1/engagements/${draft.id}`,
      payload: { commitments: 'The host will reply in writing.' },
      as: officer,
    });
    expect(patch.statusCode).toBe(200);
    await act(draft.id, 'submit', officer);
    // A return says why: without a reason, or with only spaces, it is refused and nothing changes.
    for (const payload of [undefined, {}, { reason: '   ' }]) {
      const refused = await act(draft.id, 'return', approver, payload);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([{ field: 'body.reason', message: 'is required: say what the drafter should change' }]);
    }
    expect((await get(draft.id, officer)).json().status).toBe('submitted');
    expect((await act(draft.id, 'return', approver, { reason: 'Say when the reply is due.' })).statusCode).toBe(200);
    const events = (await t.request({ method: 'GET', url: `/api/v1/audit?recordId=${draft.id}&action=engagement.returned`, as: admin })).json().items;
    expect(events.map((e: { change: { reason?: string } }) => e.change.reason ?? null)).toEqual(['Say when the reply is due.', 'Add the host’s commitments.']);
  });

  it('changes only the fields a PATCH sends', async () => {
    const draft = (await create(officer)).json();
    const patch = await t.request({ method: 'PATCH', url: `/api/v1/engagements/${draft.id}`, payload: { kind: 'call', ourReadout: 'Shorter.' }, as: officer });
    expect(patch.json()).toMatchObject({
      kind: 'call',
      ourReadout: 'Shorter.',
      classification: 'SBU',
      directives: draft.directives,
      contacts: draft.contacts,
      points: draft.points,
      followUps: draft.followUps,
    });
  });

  it('rejects talking points the post does not have to deliver, naming each one', async () => {
    const response = await create(officer, {
      ...valid(),
      points: [
        { talkingPointId: directive.pointIds[0], delivered: true, reception: 'receptive' },
        { talkingPointId: directive.pointIds[2], delivered: true, reception: 'receptive' }, // France only
        { talkingPointId: otherDirective.pointIds[0], delivered: true }, // directive not listed
        { talkingPointId: directive.pointIds[0], delivered: false },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'body.points.1.talkingPointId', message: 'is not a talking point that the listed directives give berlin to deliver' },
      { field: 'body.points.2.talkingPointId', message: 'is not a talking point that the listed directives give berlin to deliver' },
      { field: 'body.points.3.talkingPointId', message: 'is listed twice' },
    ]);
    // Paris has the French point.
    const paris = await create(parisOfficer, {
      ...valid(),
      contacts: [],
      points: [{ talkingPointId: directive.pointIds[2], delivered: true, reception: 'disagreed' }],
    });
    expect(paris.statusCode).toBe(201);
  });

  it('refuses to submit an engagement that records no directive, no contact and no readout, saying what it lacks', async () => {
    const empty = (await create(officer, { occurredAt: '2025-12-03T10:00:00Z', kind: 'call', classification: 'U', synthetic: true })).json();
    const refused = await act(empty.id, 'submit', officer);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(
      'This engagement cannot be submitted yet: it records no directive, no contact and no readout: add the directive it answers, the contact met or our readout.',
    );
    expect((await get(empty.id, officer)).json()).toMatchObject({ status: 'draft', submittedAt: null });
    // Any one of them is something an approver can check.
    await t.request({ method: 'PATCH', url: `/api/v1/engagements/${empty.id}`, as: officer, payload: { ourReadout: 'The minister called back (synthetic).' } });
    expect((await act(empty.id, 'submit', officer)).statusCode).toBe(200);
  });

  it('refuses a delivered point without its reception, on save and on submit, naming the point', async () => {
    const points = [
      { talkingPointId: directive.pointIds[0], delivered: false },
      { talkingPointId: directive.pointIds[1], delivered: true },
    ];
    const refused = await create(officer, { ...valid(), points });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'body.points.1.reception', message: 'point 2 is marked delivered: choose how it was received' }]);
    const draft = (await create(officer)).json();
    const patched = await t.request({ method: 'PATCH', url: `/api/v1/engagements/${draft.id}`, as: officer, payload: { points } });
    expect(patched.json().errors).toEqual([{ field: 'body.points.1.reception', message: 'point 2 is marked delivered: choose how it was received' }]);
    // One stored before the rule (or written around the API) is stopped at submit.
    await t.database.db.update(engagementPoints).set({ reception: null }).where(eq(engagementPoints.engagementId, draft.id));
    const submit = await act(draft.id, 'submit', officer);
    expect(submit.statusCode).toBe(409);
    expect(submit.json().detail).toBe('This engagement cannot be submitted yet: point 1 is marked delivered: choose how it was received.');
  });

  it('rejects a reception for a point that was not delivered', async () => {
    const response = await create(officer, { ...valid(), points: [{ talkingPointId: directive.pointIds[0], delivered: false, reception: 'receptive' }] });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'body.points.0.reception', message: 'a point not delivered has no reception' }]);
  });

  it('checks directives, contacts, officers and follow-up owners against the post', async () => {
    const draftDirective = await buildDirective(t.database.db, { actionPosts: ['berlin'], status: 'draft' });
    const infoOnly = await buildDirective(t.database.db, { actionPosts: ['paris'], infoPosts: ['berlin'] });
    const parisContact = await buildContact(t.database.db, { post: 'paris' });
    const response = await create(officer, {
      ...valid(),
      directives: [directive.id, draftDirective.id, infoOnly.id, '00000000-0000-4000-8000-000000000000'],
      contacts: [contactId, parisContact],
      officers: [approver.actor.id, parisOfficer.actor.id],
      followUps: [{ action: 'Call back.', dueDate: '2026-01-10', owner: parisOfficer.actor.id }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'body.directives.1', message: 'is a draft directive; only issued directives can be answered' },
      { field: 'body.directives.2', message: 'does not name berlin as an action post' },
      { field: 'body.directives.3', message: 'no directive with this id' },
      { field: 'body.contacts.1', message: 'no contact with this id' },
      { field: 'body.officers.1', message: 'is not an officer or approver at berlin' },
      { field: 'body.followUps.0.owner', message: 'is not an officer or approver at berlin' },
    ]);
  });

  it('counts the points delivered out of those of its directives that apply to the post, the same in the list and on its page, never a hidden directive’s', async () => {
    // Berlin: the directive's point for all action posts and its EUR point apply, not the French one; the other directive adds one.
    // A confidential directive's two points apply too, but a reader cleared for SBU must not learn of them.
    const confidential = await buildDirective(t.database.db, { actionPosts: ['berlin'], classification: 'C', points: ['A confidential point.', 'Another.'] });
    const created = await create(officer, {
      ...valid(),
      classification: 'C',
      directives: [directive.id, otherDirective.id, confidential.id],
      points: [
        { talkingPointId: directive.pointIds[0], delivered: true, reception: 'receptive' },
        { talkingPointId: confidential.pointIds[0], delivered: true, reception: 'receptive' },
      ],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    // Two recorded, five that apply: the three not recorded count as not delivered.
    expect(created.json()).toMatchObject({ pointsApplicable: 5 });
    expect(created.json().points).toHaveLength(2);
    const listed = (await t.request({ method: 'GET', url: `/api/v1/engagements?directive=${otherDirective.id}&limit=200`, as: approver })).json().items;
    expect(listed.find((e: { id: string }) => e.id === id)).toMatchObject({ pointsApplicable: 5 });
    expect((await get(id, approver)).json().pointsApplicable).toBe(5);

    // Marked down to SBU is refused (it cites a C directive), so the SBU reader is one who cannot see it: same post, lower clearance.
    const sbu = await create(officer, { ...valid(), directives: [directive.id, otherDirective.id], points: [] });
    expect(sbu.json()).toMatchObject({ pointsApplicable: 3, points: [] });
    await t.database.db.insert(engagementDirectives).values({ engagementId: sbu.json().id, directiveId: confidential.id });
    const reader = await t.user({ role: 'approver', post: 'berlin', clearance: 'SBU' });
    expect((await get(sbu.json().id, reader)).json()).toMatchObject({ pointsApplicable: 3, directives: [{}, {}] });
    expect((await get(sbu.json().id, approver)).json()).toMatchObject({ pointsApplicable: 5 });

    // No directive: nothing to deliver.
    expect((await create(officer, { ...valid(), directives: [], points: [] })).json()).toMatchObject({ pointsApplicable: 0 });
  });

  it('records only at the home post, within the writer’s clearance, and marked at least as high as what it cites', async () => {
    expect((await create(officer, { ...valid(), post: 'paris' })).statusCode).toBe(403);
    expect((await create(officer, { ...valid(), post: 'atlantis' })).json().errors).toEqual([
      { field: 'body.post', message: 'no post has the code "atlantis"' },
    ]);
    expect((await create(officer, { ...valid(), classification: 'S' })).json().errors).toEqual([
      { field: 'body.classification', message: 'must be at or below your clearance (C)' },
    ]);
    const confidential = await buildDirective(t.database.db, { actionPosts: ['berlin'], classification: 'C', reference: 'TEST-CONFIDENTIAL' });
    const low = await create(officer, { ...valid(), directives: [confidential.id], points: [], classification: 'U' });
    expect(low.json().errors).toEqual([{ field: 'body.classification', message: 'must be at least C, the marking of directive TEST-CONFIDENTIAL' }]);
    for (const role of ['bureau_analyst', 'hq_analyst', 'directive_author', 'admin'] as const) {
      expect((await create(await t.user({ role }), valid())).statusCode, role).toBe(403);
    }
  });
  it('lists each engagement as a list shows it: the figures of its record, not its texts, which its own page gives', async () => {
    const created = (
      await create(officer, { ...valid(), counterpartAccount: 'Synthetic account of the host ministry.', commitments: 'Synthetic commitment.' })
    ).json();
    const listed = (await t.request({ method: 'GET', url: `/api/v1/engagements?post=berlin&limit=200`, as: officer })).json().items;
    const item = listed.find((engagement: { id: string }) => engagement.id === created.id);
    expect(item).toMatchObject({
      id: created.id,
      postName: created.postName,
      directives: created.directives,
      contacts: created.contacts,
      pointsApplicable: created.pointsApplicable,
      points: created.points.map(({ text: _text, ...point }: { text: string }) => point),
      hasCounterpartAccount: true,
      openFollowUps: 1,
      allowedActions: created.allowedActions,
    });
    for (const text of ['ourReadout', 'commitments', 'counterpartAccount', 'followUps', 'officers']) expect(item).not.toHaveProperty(text);
    expect(JSON.stringify(item)).not.toContain('Synthetic readout');
    expect((await get(created.id, officer)).json()).toMatchObject({
      ourReadout: 'Synthetic readout: the host listened.',
      commitments: 'Synthetic commitment.',
    });
  });
});
