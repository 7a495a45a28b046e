import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDirective, TTalkingPoint } from '../../shared/directives';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { directiveInput, pointsForAll } from './directive-test-builders';

/** A directive shaped like the 21 Nov 2025 instruction: 12 points for all posts, 3 for European posts. */
const europeanPoints = [1, 2, 3].map((n) => ({
  text: `European point ${n}`,
  scope: 'bureaus' as const,
  bureaus: ['EUR' as const],
  rationale: n === 1 ? 'European posts were asked for more.' : null,
  counterArguments: n === 1 ? [{ argument: 'Studies find no link.', rebuttal: 'Our concern is the policy, not the people.' }] : [],
}));
const migrationDirective = () =>
  directiveInput({
    subject: 'Migration and public safety',
    classification: 'SBU',
    tags: ['SMIG', 'KCRM', 'PHUM'],
    actionPosts: { bureaus: ['EUR'], countries: ['CA', 'AU', 'NZ'], posts: [] },
    infoPosts: { bureaus: [], countries: [], posts: ['tokyo', 'berlin'] },
    engagementCadenceDays: 30,
    talkingPoints: [...pointsForAll(12), ...europeanPoints],
  });

describe('directive lifecycle', () => {
  let t: TestApp;
  let author: TestUser;
  let admin: TestUser;
  let berlin: TestUser;
  let ottawa: TestUser;
  let tokyo: TestUser;
  let hq: TestUser;
  let draft: TDirective;

  beforeAll(async () => {
    t = await createTestApp();
    author = await t.user({ role: 'directive_author', clearance: 'S' });
    admin = await t.user({ role: 'admin' });
    berlin = await t.user({ role: 'officer', post: 'berlin', clearance: 'SBU' });
    ottawa = await t.user({ role: 'approver', post: 'ottawa', clearance: 'SBU' });
    tokyo = await t.user({ role: 'officer', post: 'tokyo', clearance: 'SBU' });
    hq = await t.user({ role: 'hq_analyst', clearance: 'SBU' });
  });
  afterAll(async () => t.close());

  const get = (id: string, as: TestUser) => t.request({ method: 'GET', url: `/api/v1/directives/${id}`, as });
  const points = async (id: string, as: TestUser, post?: string) => {
    const response = await t.request({ method: 'GET', url: `/api/v1/directives/${id}/talking-points${post ? `?post=${post}` : ''}`, as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: TTalkingPoint[] }>().items;
  };
  const post = (url: string, as: TestUser, payload?: object) => t.request({ method: 'POST', url, as, ...(payload ? { payload } : {}) });

  it('drafts a directive addressed by bureau and by country, with points numbered in order', async () => {
    const response = await post('/api/v1/directives', author, migrationDirective());
    expect(response.statusCode, response.body).toBe(201);
    draft = response.json<TDirective>();
    expect(draft).toMatchObject({
      status: 'draft',
      classification: 'SBU',
      issuedAt: null,
      tags: ['KCRM', 'PHUM', 'SMIG'],
      allowedActions: ['update', 'issue'],
    });
    expect(draft.talkingPoints.map((p) => p.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(draft.talkingPoints[12]).toMatchObject({
      text: 'European point 1',
      scope: 'bureaus',
      bureaus: ['EUR'],
      rationale: 'European posts were asked for more.',
      counterArguments: [{ argument: 'Studies find no link.', rebuttal: 'Our concern is the policy, not the people.' }],
    });
    const actionCodes = draft.actionPosts.map((p) => p.code);
    expect(actionCodes).toEqual(expect.arrayContaining(['berlin', 'paris', 'ottawa', 'canberra', 'wellington']));
    expect(actionCodes).not.toContain('tokyo');
    expect(draft.actionPosts.every((p) => p.bureau === 'EUR' || ['CA', 'AU', 'NZ'].includes(p.country))).toBe(true);
    expect(draft.actionPostCount).toBe(draft.actionPosts.length);
    // Berlin was named as info too, but a post that must act is an action post.
    expect(draft.infoPosts.map((p) => p.code)).toEqual(['tokyo']);
  });

  it('keeps a draft out of sight of the posts until it is issued', async () => {
    expect((await get(draft.id, berlin)).statusCode).toBe(404);
    const list = await t.request({ method: 'GET', url: '/api/v1/directives', as: berlin });
    expect(list.json().items).toEqual([]);
  });

  it('changes only the fields a PATCH sends, while it is a draft', async () => {
    const response = await t.request({
      method: 'PATCH',
      url: `/api/v1/directives/${draft.id}`,
      as: author,
      payload: { subject: 'Migration and public safety (revised)' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ subject: 'Migration and public safety (revised)', tags: ['KCRM', 'PHUM', 'SMIG'], engagementCadenceDays: 30 });
    expect(response.json().talkingPoints).toHaveLength(15);
    expect(response.json().actionPosts).toHaveLength(draft.actionPosts.length);
  });

  it('issues the draft; each post then sees exactly the points that apply to it', async () => {
    const issued = await post(`/api/v1/directives/${draft.id}/issue`, author);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', allowedActions: ['rescind'] });
    expect(Date.parse(issued.json().issuedAt)).toBeGreaterThan(Date.now() - 60_000);

    const inBerlin = (await get(draft.id, berlin)).json<TDirective>();
    expect(inBerlin.talkingPoints).toHaveLength(15);
    expect(inBerlin.allowedActions).toEqual([]);
    const inOttawa = (await get(draft.id, ottawa)).json<TDirective>();
    expect(inOttawa.talkingPoints.map((p) => p.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));

    expect(await points(draft.id, berlin)).toHaveLength(15);
    expect((await points(draft.id, ottawa)).map((p) => p.text)).not.toContain('European point 1');
    // Headquarters reads all points, or those of any post it names.
    expect(await points(draft.id, hq)).toHaveLength(15);
    expect(await points(draft.id, hq, 'ottawa')).toHaveLength(12);
    expect(await points(draft.id, hq, 'berlin')).toHaveLength(15);
    expect((await get(draft.id, hq)).json().talkingPoints).toHaveLength(15);
  });

  it('shows the directive to an info post, which has no points to deliver', async () => {
    const response = await get(draft.id, tokyo);
    expect(response.statusCode).toBe(200);
    expect(response.json().talkingPoints).toEqual([]);
    expect(await points(draft.id, tokyo)).toEqual([]);
  });

  it('lets a post read its own points only, and names an unknown post', async () => {
    const other = await t.request({ method: 'GET', url: `/api/v1/directives/${draft.id}/talking-points?post=ottawa`, as: berlin });
    expect(other.statusCode).toBe(403);
    expect(await points(draft.id, berlin, 'berlin')).toHaveLength(15);
    const unknown = await t.request({ method: 'GET', url: `/api/v1/directives/${draft.id}/talking-points?post=atlantis`, as: hq });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'query.post', message: 'no post has the code "atlantis"' }]);
  });

  it('freezes the text once issued: a change is refused and nothing changes', async () => {
    const before = (await get(draft.id, author)).json<TDirective>();
    const response = await t.request({
      method: 'PATCH',
      url: `/api/v1/directives/${draft.id}`,
      as: author,
      payload: { subject: 'Quietly changed', talkingPoints: [{ text: 'A new point' }] },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toBe('Issued directives are frozen; draft a new directive that supersedes it.');
    expect((await get(draft.id, author)).json()).toEqual(before);
    const again = await post(`/api/v1/directives/${draft.id}/issue`, author);
    expect(again.statusCode).toBe(409);
  });

  it('supersedes the issued directive when its replacement is issued', async () => {
    const replacement = await post('/api/v1/directives', author, {
      ...migrationDirective(),
      subject: 'Migration and public safety (replaces the first)',
      supersedes: draft.id,
    });
    expect(replacement.statusCode, replacement.body).toBe(201);
    const id = replacement.json().id as string;
    expect((await get(draft.id, author)).json()).toMatchObject({ status: 'issued', supersededBy: null });

    const issued = await post(`/api/v1/directives/${id}/issue`, author);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', supersedes: draft.id });
    const old = (await get(draft.id, berlin)).json<TDirective>();
    expect(old).toMatchObject({ status: 'superseded', supersededBy: id, allowedActions: [] });
    expect((await get(draft.id, author)).json().allowedActions).toEqual([]);

    // A superseded directive is out of force already; it cannot be rescinded or superseded again.
    expect((await post(`/api/v1/directives/${draft.id}/rescind`, author)).statusCode).toBe(409);
    const second = await post('/api/v1/directives', author, { ...migrationDirective(), supersedes: draft.id });
    expect(second.statusCode).toBe(400);
    expect(second.json().errors).toEqual([{ field: 'body.supersedes', message: 'must be an issued directive; that one is superseded' }]);
  });

  it('rescinds an issued directive, once', async () => {
    const created = await post('/api/v1/directives', author, directiveInput());
    const id = created.json().id as string;
    expect((await post(`/api/v1/directives/${id}/rescind`, author)).statusCode).toBe(409);
    await post(`/api/v1/directives/${id}/issue`, author);
    const rescinded = await post(`/api/v1/directives/${id}/rescind`, author);
    expect(rescinded.statusCode).toBe(200);
    expect(rescinded.json()).toMatchObject({ status: 'rescinded', allowedActions: [] });
    expect((await get(id, berlin)).json().status).toBe('rescinded');
    const twice = await post(`/api/v1/directives/${id}/rescind`, author);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toBe('Only an issued directive can be rescinded; this directive is rescinded.');
  });

  it('records every write in the audit trail, with who did it', async () => {
    const audit = await t.request({ method: 'GET', url: `/api/v1/audit?recordType=directive&limit=500`, as: admin });
    const events = audit.json().items as { action: string; recordId: string; actorEmail: string | null }[];
    const about = (id: string) =>
      events
        .filter((e) => e.recordId === id)
        .map((e) => e.action)
        .reverse();
    expect(about(draft.id)).toEqual(['directive.created', 'directive.updated', 'directive.issued', 'directive.superseded']);
    expect(events.every((e) => e.actorEmail === author.email)).toBe(true);
    expect(events.map((e) => e.action)).toContain('directive.rescinded');
    const updated = await t.request({ method: 'GET', url: `/api/v1/audit?action=directive.updated`, as: admin });
    expect(updated.json().items[0].change).toMatchObject({ subject: { from: 'Migration and public safety', to: 'Migration and public safety (revised)' } });
  });
});
