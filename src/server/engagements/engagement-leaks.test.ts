import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../db/schema/index';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { buildContact, buildDirective, buildEngagement } from './test-builders';

/** Paths that told a reader about records above their clearance, found by an outside probe. */
describe('engagements reveal nothing the reader may not see', () => {
  let t: TestApp;
  let sOfficer: TestUser;
  let uOfficer: TestUser;
  let uAnalyst: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    sOfficer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    uOfficer = await t.user({ role: 'officer', post: 'berlin', clearance: 'U' });
    uAnalyst = await t.user({ role: 'hq_analyst', clearance: 'U' });
  });
  afterAll(async () => t.close());

  const ids = async (url: string, as: TestUser) => (await t.request({ method: 'GET', url, as })).json().items.map((item: { id: string }) => item.id);

  it('matches nothing when filtering by a contact or directive the reader may not see', async () => {
    const contactId = await buildContact(t.database.db, { post: 'berlin' });
    const secretDirective = await buildDirective(t.database.db, { actionPosts: ['berlin'], classification: 'S' });
    const cited = await buildEngagement(t.database.db, {
      post: 'berlin',
      draftedBy: sOfficer.actor.id,
      status: 'submitted',
      contacts: [contactId],
      directives: [secretDirective.id],
    });
    expect(await ids(`/api/v1/engagements?contact=${contactId}`, uAnalyst)).toEqual([cited.id]);

    // The contact is raised to S: for a U reader it no longer exists, not even as a filter.
    await t.database.db.update(contacts).set({ classification: 'S' }).where(eq(contacts.id, contactId));
    expect((await t.request({ method: 'GET', url: `/api/v1/contacts/${contactId}`, as: uAnalyst })).statusCode).toBe(404);
    expect(await ids(`/api/v1/engagements?contact=${contactId}`, uAnalyst)).toEqual([]);
    expect(await ids(`/api/v1/engagements?directive=${secretDirective.id}`, uAnalyst)).toEqual([]);
    expect(await ids(`/api/v1/engagements?contact=${contactId}`, sOfficer)).toEqual([cited.id]);
  });

  it('refuses a follow-up owner cleared below the engagement’s marking', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/engagements',
      as: sOfficer,
      payload: {
        occurredAt: '2025-12-01T10:00:00Z',
        kind: 'meeting',
        classification: 'S',
        followUps: [{ action: 'Send the note', dueDate: '2026-01-10', owner: uOfficer.actor.id }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'body.followUps.0.owner', message: "is cleared U, below the engagement's marking (S)" }]);
  });

  it('marks the merge event as high as the engagements it lists', async () => {
    const approver = await t.user({ role: 'approver', post: 'berlin', clearance: 'S' });
    const kept = await buildContact(t.database.db, { post: 'berlin', name: 'Kept Contact' });
    const duplicate = await buildContact(t.database.db, { post: 'berlin', name: 'Kept Contact (duplicate)' });
    const secret = await buildEngagement(t.database.db, { post: 'berlin', draftedBy: sOfficer.actor.id, classification: 'S', contacts: [duplicate] });
    const merged = await t.request({ method: 'POST', url: `/api/v1/contacts/${kept}/merge`, as: approver, payload: { duplicate } });
    expect(merged.statusCode).toBe(200);
    const events = async (clearance: 'U' | 'S') => {
      const admin = await t.user({ role: 'admin', clearance });
      return (await t.request({ method: 'GET', url: `/api/v1/audit?action=contact.merged&recordId=${kept}`, as: admin })).json().items as {
        classification: string;
        change: { engagements: string[] };
      }[];
    };
    const [event] = await events('S');
    expect(event).toMatchObject({ classification: 'S', change: { engagements: [secret.id] } });
    expect(await events('U')).toEqual([]);
  });
});
