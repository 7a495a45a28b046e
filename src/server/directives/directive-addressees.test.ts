import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDirective } from '../../shared/directives';
import { posts } from '../db/schema/index';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { directiveInput } from './directive-test-builders';

/**
 * A draft keeps its addressees as they were chosen (a bureau, a country, single posts): the
 * form edits that choice, and the posts it stands for follow the reference data until the
 * directive is issued. Issuing resolves it once; from then on its posts never change.
 */
describe('directive addressees as chosen', () => {
  let t: TestApp;
  let author: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    author = await t.user({ role: 'directive_author', clearance: 'S' });
    admin = await t.user({ role: 'admin' });
  });
  afterAll(async () => t.close());

  const get = async (id: string, as = author) => {
    const response = await t.request({ method: 'GET', url: `/api/v1/directives/${id}`, as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TDirective>();
  };
  const create = (overrides: Record<string, unknown>) =>
    t.request({ method: 'POST', url: '/api/v1/directives', as: author, payload: { ...directiveInput(), ...overrides } });
  const patch = (id: string, payload: object) => t.request({ method: 'PATCH', url: `/api/v1/directives/${id}`, as: author, payload });
  const issue = (id: string) => t.request({ method: 'POST', url: `/api/v1/directives/${id}/issue`, as: author });
  const codes = (refs: TDirective['actionPosts']) => refs.map((post) => post.code);
  /** A new post in the European bureau, as an import of posts would add it. */
  const addEuropeanPost = (code: string, city: string) =>
    t.database.db
      .insert(posts)
      .values({ code, name: `Consulate General ${city}`, kind: 'consulate_general', countryAlpha2: 'DE', city, lat: 50, lon: 8, bureauCode: 'EUR' });

  it('keeps the choice through saving and editing, exactly as chosen, beside the posts it stands for', async () => {
    const actionChoice = { bureaus: ['EUR'], countries: ['CA', 'AU'], posts: ['tokyo'] };
    const infoChoice = { bureaus: [], countries: [], posts: ['nairobi', 'berlin'] };
    const created = await create({ actionPosts: actionChoice, infoPosts: infoChoice });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json<TDirective>();
    expect(draft.actionChoice).toEqual(actionChoice);
    expect(draft.infoChoice).toEqual(infoChoice);
    expect(codes(draft.actionPosts)).toEqual(expect.arrayContaining(['berlin', 'paris', 'ottawa', 'canberra', 'tokyo']));
    expect(draft.actionPosts.every((post) => post.bureau === 'EUR' || ['CA', 'AU'].includes(post.country) || post.code === 'tokyo')).toBe(true);
    // Berlin is chosen as info too, but a post that must act is an action post.
    expect(codes(draft.infoPosts)).toEqual(['nairobi']);
    expect(draft.actionPostCount).toBe(draft.actionPosts.length);

    // Changing another field leaves the choice alone; reading it back gives it unchanged.
    expect((await patch(draft.id, { subject: 'Renamed' })).statusCode).toBe(200);
    expect(await get(draft.id)).toMatchObject({ subject: 'Renamed', actionChoice, infoChoice });

    // Sending the choice back as the form does keeps it as it was: no wall of post codes.
    const again = await patch(draft.id, { actionPosts: actionChoice, infoPosts: infoChoice });
    expect(again.json()).toMatchObject({ actionChoice, infoChoice });

    // A new choice replaces the old one (a code given twice counts once); the other list stays.
    const changed = await patch(draft.id, { actionPosts: { countries: ['DE', 'DE'], posts: ['ottawa'] } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ actionChoice: { bureaus: [], countries: ['DE'], posts: ['ottawa'] }, infoChoice });
    expect(codes(changed.json<TDirective>().actionPosts)).toEqual(expect.arrayContaining(['berlin', 'ottawa']));
    expect(codes(changed.json<TDirective>().actionPosts)).not.toContain('paris');
  });

  it('includes a post added to a chosen bureau after the draft was saved, and freezes the posts at issue', async () => {
    const created = await create({ actionPosts: { bureaus: ['EUR'], countries: [], posts: [] } });
    const draft = created.json<TDirective>();
    expect(codes(draft.actionPosts)).not.toContain('leipzig');

    await addEuropeanPost('leipzig', 'Leipzig');
    const later = await get(draft.id);
    expect(codes(later.actionPosts)).toContain('leipzig');
    expect(later.actionPostCount).toBe(draft.actionPostCount + 1);
    expect(later.actionChoice).toEqual({ bureaus: ['EUR'], countries: [], posts: [] });

    const issued = await issue(draft.id);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(codes(issued.json<TDirective>().actionPosts)).toContain('leipzig');
    const frozen = issued.json<TDirective>().actionPosts;

    // After issue, a post added to the bureau is not among its addressees, and does not see it.
    await addEuropeanPost('hamburg', 'Hamburg');
    const after = await get(draft.id);
    expect(after.actionPosts).toEqual(frozen);
    expect(codes(after.actionPosts)).not.toContain('hamburg');
    expect(after.actionPostCount).toBe(frozen.length);
    expect(after.actionChoice).toEqual({ bureaus: ['EUR'], countries: [], posts: [] });
    const hamburg = await t.user({ role: 'officer', post: 'hamburg', clearance: 'S' });
    expect((await t.request({ method: 'GET', url: `/api/v1/directives/${draft.id}`, as: hamburg })).statusCode).toBe(404);
    const leipzig = await t.user({ role: 'officer', post: 'leipzig', clearance: 'S' });
    expect((await get(draft.id, leipzig)).talkingPoints).toHaveLength(1);

    // The trail records the posts it was issued to.
    const audit = await t.request({ method: 'GET', url: '/api/v1/audit?action=directive.issued&limit=500', as: admin });
    const event = (audit.json().items as { recordId: string; change: { actionPosts: string[] } }[]).find((e) => e.recordId === draft.id);
    expect(event?.change.actionPosts).toEqual(codes(frozen));
  });

  it('finds a draft by a post its choice stands for, in the list', async () => {
    const created = await create({ reference: 'ADDR-LIST-1', actionPosts: { bureaus: [], countries: ['NZ'], posts: [] } });
    expect(created.statusCode, created.body).toBe(201);
    const list = await t.request({ method: 'GET', url: '/api/v1/directives?post=wellington&q=ADDR-LIST', as: author });
    expect(list.json().items.map((item: { reference: string }) => item.reference)).toEqual(['ADDR-LIST-1']);
  });

  it('names each bad code in a problem, never a 500', async () => {
    const expectProblem = async (response: Awaited<ReturnType<typeof create>>, errors: { field: string; message: string }[]) => {
      expect(response.statusCode, response.body).toBe(400);
      expect(String(response.headers['content-type'])).toContain('application/problem+json');
      expect(response.json().errors).toEqual(errors);
    };
    await expectProblem(await create({ actionPosts: { bureaus: [], countries: ['ZZ'], posts: [] } }), [
      { field: 'body.actionPosts.countries.0', message: 'no country has the code ZZ' },
    ]);
    await expectProblem(await create({ actionPosts: { bureaus: ['XYZ'], countries: ['de'], posts: [''] } }), [
      { field: 'body.actionPosts.bureaus.0', message: 'must be one of EUR, WHA, EAP, SCA, NEA, AF, IO' },
      { field: 'body.actionPosts.countries.0', message: 'must be an ISO alpha-2 code such as DE' },
      { field: 'body.actionPosts.posts.0', message: 'must not be empty' },
    ]);
    await expectProblem(await create({ infoPosts: { bureaus: [], countries: [], posts: Array.from({ length: 1001 }, (_, i) => `p${i}`) } }), [
      { field: 'body.infoPosts.posts', message: 'must have at most 1,000 items' },
    ]);
    await expectProblem(await create({ actionPosts: { bureaus: 'EUR' } }), [{ field: 'body.actionPosts.bureaus', message: 'must be a list' }]);

    const draft = (await create({})).json<TDirective>();
    await expectProblem(await patch(draft.id, { infoPosts: { posts: ['berlin', 'atlantis'] } }), [
      { field: 'body.infoPosts.posts.1', message: 'no post has the code "atlantis"' },
    ]);
    // Nothing was changed by the refused edit.
    expect((await get(draft.id)).infoChoice).toEqual({ bureaus: [], countries: [], posts: [] });
  });
});
