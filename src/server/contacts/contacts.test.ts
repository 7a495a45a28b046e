import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../db/schema/index';
import { buildContact, buildEngagement } from '../engagements/test-builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';

describe('contacts', () => {
  let t: TestApp;
  let officer: TestUser;
  let approver: TestUser;
  let parisOfficer: TestUser;
  let analyst: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'C' });
    approver = await t.user({ role: 'approver', post: 'berlin' });
    parisOfficer = await t.user({ role: 'officer', post: 'paris' });
    analyst = await t.user({ role: 'bureau_analyst', bureau: 'EUR' });
    admin = await t.user({ role: 'admin' });
  });
  afterAll(async () => t.close());

  const valid = {
    name: 'Synthetic Official',
    title: 'State Secretary',
    organization: 'Federal Ministry of the Interior',
    organizationType: 'ministry_of_interior',
    country: 'DE',
    synthetic: true,
  };
  const create = (payload: Record<string, unknown>, as: TestUser = officer) => t.request({ method: 'POST', url: '/api/v1/contacts', payload, as });
  const auditOf = async (id: string) => (await t.request({ method: 'GET', url: `/api/v1/audit?recordId=${id}`, as: admin })).json().items;

  it('records a contact for the home post by default, in an official capacity only', async () => {
    const response = await create({ ...valid, email: 'private@example.org', phone: '+49 30 0000' });
    expect(response.statusCode).toBe(201);
    const contact = response.json();
    expect(contact).toEqual({
      id: expect.any(String),
      ...valid,
      countryName: 'Germany',
      post: 'berlin',
      postName: 'Embassy Berlin',
      classification: 'U',
      engagementCount: 0,
      allowedActions: ['update', 'merge'],
    });
    const [audit] = await auditOf(contact.id);
    expect(audit).toMatchObject({ action: 'contact.created', actorId: officer.actor.id, change: expect.not.objectContaining({ email: expect.anything() }) });
  });

  it('refuses another post, unknown codes and a marking above the writer’s clearance', async () => {
    expect((await create({ ...valid, post: 'paris' })).statusCode).toBe(403);
    expect((await create(valid, analyst)).statusCode).toBe(403);
    const bad = await create({ ...valid, post: 'atlantis' });
    expect(bad.json().errors).toEqual([{ field: 'body.post', message: 'no post has the code "atlantis"' }]);
    const fields = await create({ ...valid, country: 'XX', classification: 'S' });
    expect(fields.json().errors).toEqual([
      { field: 'body.country', message: 'no country has the code "XX"' },
      { field: 'body.classification', message: 'must be at or below your clearance (C)' },
    ]);
    expect((await create({ ...valid, organizationType: 'lobby' })).json().errors.map((e: { field: string }) => e.field)).toEqual(['body.organizationType']);
  });

  it('lists the contacts a viewer may see, by name, filtered, with a cursor', async () => {
    const db = t.database.db;
    await buildContact(db, { post: 'berlin', name: 'Amsel Synthetic', organizationType: 'media', organization: 'Synthetic Broadcaster' });
    await buildContact(db, { post: 'berlin', name: 'Zander Synthetic', title: 'Member of Parliament', organizationType: 'parliament' });
    await buildContact(db, { post: 'berlin', name: 'Secret Synthetic', classification: 'S' });
    await buildContact(db, { post: 'paris', name: 'Paris Synthetic' });
    const names = async (query: string, as: TestUser = officer) =>
      (await t.request({ method: 'GET', url: `/api/v1/contacts${query}`, as })).json().items.map((c: { name: string }) => c.name);
    expect(await names('?q=synthetic')).toEqual(['Amsel Synthetic', 'Synthetic Official', 'Zander Synthetic']);
    expect(await names('?organizationType=media')).toEqual(['Amsel Synthetic']);
    expect(await names('?q=PARLIAMENT')).toEqual(['Zander Synthetic']);
    expect(await names('?country=de&q=synthetic')).toEqual(['Amsel Synthetic', 'Synthetic Official', 'Zander Synthetic']);
    expect(await names('?post=paris')).toEqual([]);
    expect(await names('?q=synthetic', analyst)).toEqual(['Amsel Synthetic', 'Paris Synthetic', 'Secret Synthetic', 'Synthetic Official', 'Zander Synthetic']);
    const first = (await t.request({ method: 'GET', url: '/api/v1/contacts?q=synthetic&limit=2', as: officer })).json();
    const second = (await t.request({ method: 'GET', url: `/api/v1/contacts?q=synthetic&limit=2&cursor=${first.nextCursor}`, as: officer })).json();
    expect([...first.items, ...second.items].map((c: { name: string }) => c.name)).toEqual(['Amsel Synthetic', 'Synthetic Official', 'Zander Synthetic']);
    expect(second.nextCursor).toBeNull();
  });

  it('names a filter it cannot apply, in words', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/contacts?country=Germany&organizationType=lobby', as: officer });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([
      { field: 'query.country', message: 'must be an ISO alpha-2 code such as DE' },
      { field: 'query.organizationType', message: expect.stringMatching(/^must be one of ministry_of_interior, /) },
    ]);
  });

  it('answers 404 for another post’s contact or one marked above the clearance', async () => {
    const berlin = await buildContact(t.database.db, { post: 'berlin' });
    const secret = await buildContact(t.database.db, { post: 'berlin', classification: 'S' });
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${berlin}`, as: parisOfficer })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${secret}`, as: officer })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${secret}`, as: approver })).statusCode).toBe(200);
    const read = await t.request({ method: 'GET', url: `/api/v1/contacts/${berlin}`, as: analyst });
    expect(read.json()).toMatchObject({ id: berlin, allowedActions: [] });
  });

  it('changes only the fields sent, and only by the owning post', async () => {
    const contact = (await create({ ...valid, classification: 'SBU' })).json();
    const url = `/api/v1/contacts/${contact.id}`;
    const patch = await t.request({ method: 'PATCH', url, payload: { title: 'Minister of State' }, as: approver });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({ title: 'Minister of State', classification: 'SBU', name: valid.name });
    expect((await auditOf(contact.id))[0]).toMatchObject({
      action: 'contact.updated',
      change: { title: { from: 'State Secretary', to: 'Minister of State' } },
    });
    expect((await t.request({ method: 'PATCH', url, payload: { title: 'x' }, as: analyst })).statusCode).toBe(403);
    expect((await t.request({ method: 'PATCH', url, payload: { title: 'x' }, as: parisOfficer })).statusCode).toBe(404);
    expect((await t.request({ method: 'PATCH', url, payload: { post: 'paris' }, as: officer })).statusCode).toBe(403);
  });

  it('merges a duplicate: its engagements move to the contact kept, once each, and the duplicate disappears', async () => {
    const db = t.database.db;
    const kept = await buildContact(db, { post: 'berlin', name: 'Kept Synthetic' });
    const duplicate = await buildContact(db, { post: 'berlin', name: 'Duplicate Synthetic' });
    const older = await buildContact(db, { post: 'berlin', name: 'Older Duplicate Synthetic' });
    await db.update(contacts).set({ mergedIntoId: duplicate }).where(eq(contacts.id, older));
    const engagement = (cited: string[]) => buildEngagement(db, { post: 'berlin', draftedBy: officer.actor.id, status: 'submitted', contacts: cited });
    const both = (await engagement([kept, duplicate])).id;
    const onlyDuplicate = (await engagement([duplicate])).id;
    const onlyKept = (await engagement([kept])).id;

    const merge = (id: string, duplicateId: string, as: TestUser = officer) =>
      t.request({ method: 'POST', url: `/api/v1/contacts/${id}/merge`, payload: { duplicate: duplicateId }, as });
    const merged = await merge(kept, duplicate);
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ id: kept, engagementCount: 3 });
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${duplicate}`, as: officer })).statusCode).toBe(404);
    const listed = (await t.request({ method: 'GET', url: '/api/v1/contacts?q=synthetic', as: officer })).json().items.map((c: { id: string }) => c.id);
    expect(listed).toContain(kept);
    expect(listed).not.toContain(duplicate);
    const cited = (await t.request({ method: 'GET', url: `/api/v1/engagements?contact=${kept}`, as: officer })).json().items;
    expect(cited.map((e: { id: string }) => e.id).sort()).toEqual([both, onlyDuplicate, onlyKept].sort());
    const citesBoth = (await t.request({ method: 'GET', url: `/api/v1/engagements/${both}`, as: officer })).json();
    expect(citesBoth.contacts.map((c: { id: string }) => c.id)).toEqual([kept]);
    const [older2] = await db.select({ mergedIntoId: contacts.mergedIntoId }).from(contacts).where(eq(contacts.id, older));
    expect(older2!.mergedIntoId).toBe(kept);
    expect((await auditOf(kept))[0]).toMatchObject({
      action: 'contact.merged',
      change: { duplicate, engagements: expect.arrayContaining([both, onlyDuplicate]) },
    });

    expect((await merge(kept, duplicate)).json().errors).toEqual([{ field: 'body.duplicate', message: 'no contact with this id' }]);
    expect((await merge(kept, kept)).json().errors).toEqual([{ field: 'body.duplicate', message: 'must be another contact than the one kept' }]);
    const paris = await buildContact(db, { post: 'paris' });
    expect((await merge(kept, paris)).json().errors).toEqual([{ field: 'body.duplicate', message: 'no contact with this id' }]);
    expect((await merge(kept, await buildContact(db, { post: 'berlin' }), analyst)).statusCode).toBe(403);
  });
});
