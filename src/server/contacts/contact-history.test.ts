import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact, buildEngagement } from '../engagements/test-builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';

/**
 * The contact page lists the engagements with the contact through the engagement list
 * (`?contact=`): only those the reader may see (post scope and marking), newest first, and the
 * contact's count agrees with the list.
 */
describe('a contact’s engagement history, for each reader', () => {
  let t: TestApp;
  let contact: string;
  const ids: Record<string, string> = {};
  const users: Record<string, TestUser> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    users.berlinOfficer = await t.user({ role: 'officer', post: 'berlin', clearance: 'SBU' });
    users.parisOfficer = await t.user({ role: 'officer', post: 'paris', clearance: 'S' });
    users.uAnalyst = await t.user({ role: 'bureau_analyst', bureau: 'EUR', clearance: 'U' });
    users.hqAnalyst = await t.user({ role: 'hq_analyst', clearance: 'S' });
    contact = await buildContact(db, { post: 'berlin', name: 'History Synthetic' });
    const other = await buildContact(db, { post: 'berlin', name: 'Other Synthetic' });
    const berlin = { post: 'berlin', draftedBy: users.berlinOfficer.actor.id, contacts: [contact] };
    ids.oldU = (await buildEngagement(db, { ...berlin, status: 'approved', occurredAt: '2025-10-01T09:00:00Z' })).id;
    ids.sbu = (await buildEngagement(db, { ...berlin, status: 'submitted', classification: 'SBU', occurredAt: '2025-12-01T09:00:00Z' })).id;
    ids.newU = (await buildEngagement(db, { ...berlin, status: 'submitted', occurredAt: '2025-11-15T09:00:00Z' })).id;
    ids.secret = (await buildEngagement(db, { ...berlin, status: 'approved', classification: 'S', occurredAt: '2025-11-20T09:00:00Z' })).id;
    // Cites another contact only: not part of this contact's history.
    await buildEngagement(db, { ...berlin, contacts: [other], status: 'approved', occurredAt: '2025-12-02T09:00:00Z' });
  });
  afterAll(async () => t.close());

  const history = async (who: string, query = '') => {
    const response = await t.request({ method: 'GET', url: `/api/v1/engagements?contact=${contact}${query}`, as: users[who] });
    expect(response.statusCode).toBe(200);
    return response.json() as { items: { id: string }[]; nextCursor: string | null };
  };
  const count = async (who: string) => {
    const response = await t.request({ method: 'GET', url: `/api/v1/contacts/${contact}`, as: users[who] });
    return response.statusCode === 200 ? (response.json().engagementCount as number) : response.statusCode;
  };

  it('shows the owning post’s officer what their clearance allows, newest first, and counts the same', async () => {
    expect((await history('berlinOfficer')).items.map((e) => e.id)).toEqual([ids.sbu, ids.newU, ids.oldU]);
    expect(await count('berlinOfficer')).toBe(3);
    expect((await history('hqAnalyst')).items.map((e) => e.id)).toEqual([ids.sbu, ids.secret, ids.newU, ids.oldU]);
    expect(await count('hqAnalyst')).toBe(4);
  });

  it('hides the SBU engagement of Berlin from an officer of Paris: the contact and its history do not exist for them', async () => {
    expect(await count('parisOfficer')).toBe(404);
    expect((await history('parisOfficer')).items).toEqual([]);
  });

  it('hides the SBU engagement of Berlin from a U-cleared analyst, in the list and in the count', async () => {
    expect((await history('uAnalyst')).items.map((e) => e.id)).toEqual([ids.newU, ids.oldU]);
    expect(await count('uAnalyst')).toBe(2);
  });

  it('pages the history with a cursor, leaving nothing out and repeating nothing', async () => {
    const first = await history('hqAnalyst', '&limit=3');
    expect(first.nextCursor).not.toBeNull();
    const second = await history('hqAnalyst', `&limit=3&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual([ids.sbu, ids.secret, ids.newU, ids.oldU]);
    expect(second.nextCursor).toBeNull();
  });
});
