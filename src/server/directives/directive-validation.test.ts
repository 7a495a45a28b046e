import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { buildDirective, directiveInput } from './directive-test-builders';

describe('directive input', () => {
  let t: TestApp;
  let author: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    author = await t.user({ role: 'directive_author', clearance: 'S' });
  });
  afterAll(async () => t.close());

  const create = (overrides: Record<string, unknown>) =>
    t.request({ method: 'POST', url: '/api/v1/directives', as: author, payload: { ...directiveInput(), ...overrides } });
  const errorsOf = async (response: Awaited<ReturnType<typeof create>>) => {
    expect(response.statusCode, response.body).toBe(400);
    return response.json().errors as { field: string; message: string }[];
  };

  it('names each unknown post and country among the addressees', async () => {
    const response = await create({
      actionPosts: { bureaus: ['EUR'], countries: ['CA', 'XX'], posts: ['berlin', 'paris', 'atlantis'] },
      infoPosts: { bureaus: [], countries: [], posts: ['nowhere'] },
    });
    expect(await errorsOf(response)).toEqual([
      { field: 'body.actionPosts.countries.1', message: 'no country has the code XX' },
      { field: 'body.actionPosts.posts.2', message: 'no post has the code "atlantis"' },
      { field: 'body.infoPosts.posts.0', message: 'no post has the code "nowhere"' },
    ]);
  });

  it('requires a scoped talking point to name its bureaus or countries, and only those', async () => {
    const response = await create({
      talkingPoints: [
        { text: 'For all' },
        { text: 'For no bureau', scope: 'bureaus' },
        { text: 'For unknown countries', scope: 'countries', countries: ['DE', 'QQ'] },
        { text: 'Mixed up', scope: 'all', bureaus: ['EUR'] },
      ],
    });
    expect(await errorsOf(response)).toEqual([
      { field: 'body.talkingPoints.1.bureaus', message: 'must name at least one bureau when the scope is bureaus' },
      { field: 'body.talkingPoints.2.countries.1', message: 'no country has the code QQ' },
      { field: 'body.talkingPoints.3.bureaus', message: 'must be empty when the scope is all' },
    ]);
  });

  it('names the fields the schema refuses', async () => {
    const response = await create({ date: '21/11/2025', tags: ['smig'], engagementCadenceDays: 0, classification: 'TS', reference: '' });
    expect((await errorsOf(response)).map((e) => e.field).sort()).toEqual([
      'body.classification',
      'body.date',
      'body.engagementCadenceDays',
      'body.reference',
      'body.tags.0',
    ]);
  });

  it('refuses TAGS nobody has added, and a reference already used (409)', async () => {
    const unknownTag = await create({ tags: ['SMIG', 'ZZZZ'] });
    expect(await errorsOf(unknownTag)).toEqual([{ field: 'body.tags.1', message: 'no TAGS code ZZZZ exists; an administrator can add it' }]);

    const first = await create({ reference: 'STATE 12345' });
    expect(first.statusCode).toBe(201);
    const duplicate = await create({ reference: 'STATE 12345' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors).toEqual([{ field: 'body.reference', message: 'is already used by another directive' }]);
    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/v1/directives/${(await create({})).json().id}`,
      as: author,
      payload: { reference: 'STATE 12345' },
    });
    expect(renamed.statusCode).toBe(409);
  });

  it('supersedes only an issued directive that exists', async () => {
    const draftId = await buildDirective(t, author.actor, {}, { draft: true });
    expect(await errorsOf(await create({ supersedes: draftId }))).toEqual([
      { field: 'body.supersedes', message: 'must be an issued directive; that one is draft' },
    ]);
    expect(await errorsOf(await create({ supersedes: '00000000-0000-4000-8000-000000000000' }))).toEqual([
      { field: 'body.supersedes', message: 'no directive has this id' },
    ]);
    const self = await t.request({ method: 'PATCH', url: `/api/v1/directives/${draftId}`, as: author, payload: { supersedes: draftId } });
    expect(await errorsOf(self)).toEqual([{ field: 'body.supersedes', message: 'cannot be the directive itself' }]);
  });

  it('issues only a draft with an action post and a talking point, saying what is missing', async () => {
    const empty = await create({ actionPosts: { bureaus: ['IO'], countries: [], posts: [] }, talkingPoints: [] });
    expect(empty.statusCode).toBe(201);
    expect(empty.json()).toMatchObject({ actionPostCount: 0, allowedActions: ['update'] });
    const id = empty.json().id as string;
    const refused = await t.request({ method: 'POST', url: `/api/v1/directives/${id}/issue`, as: author });
    expect(await errorsOf(refused)).toEqual([
      { field: 'body.actionPosts', message: 'must name at least one action post before the directive is issued' },
      { field: 'body.talkingPoints', message: 'must have at least one talking point before the directive is issued' },
    ]);

    const fixed = await t.request({
      method: 'PATCH',
      url: `/api/v1/directives/${id}`,
      as: author,
      payload: { actionPosts: { posts: ['ottawa'] }, talkingPoints: [{ text: 'The one point' }] },
    });
    expect(fixed.json()).toMatchObject({ actionPostCount: 1, allowedActions: ['update', 'issue'] });
    expect((await t.request({ method: 'POST', url: `/api/v1/directives/${id}/issue`, as: author })).statusCode).toBe(200);
  });

  it('answers 404 for a directive id that does not exist and 400 for one that is not an id', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/directives/00000000-0000-4000-8000-000000000000', as: author })).statusCode).toBe(404);
    const bad = await t.request({ method: 'GET', url: '/api/v1/directives/not-an-id', as: author });
    expect(await errorsOf(bad)).toEqual([{ field: 'path.id', message: 'must be a directive id' }]);
  });
});
