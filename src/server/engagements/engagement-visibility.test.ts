import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { buildContact, buildDirective, buildEngagement } from './test-builders';

describe('engagements: who sees what, filters and paging', () => {
  let t: TestApp;
  const users: Record<string, TestUser> = {};
  const ids: Record<string, string> = {};
  let berlinContact: string;
  let d1: string;
  let d2: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    users.berlinOfficer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    users.berlinOfficerC = await t.user({ role: 'officer', post: 'berlin', clearance: 'C' });
    users.berlinApprover = await t.user({ role: 'approver', post: 'berlin', clearance: 'S' });
    users.parisOfficer = await t.user({ role: 'officer', post: 'paris', clearance: 'S' });
    users.ottawaOfficer = await t.user({ role: 'officer', post: 'ottawa', clearance: 'S' });
    users.eurAnalyst = await t.user({ role: 'bureau_analyst', bureau: 'EUR', clearance: 'C' });
    users.whaAnalyst = await t.user({ role: 'bureau_analyst', bureau: 'WHA', clearance: 'S' });
    users.hqAnalyst = await t.user({ role: 'hq_analyst', clearance: 'S' });
    d1 = (await buildDirective(db, { actionPosts: ['berlin', 'paris'] })).id;
    d2 = (await buildDirective(db, { actionPosts: ['berlin'] })).id;
    berlinContact = await buildContact(db, { post: 'berlin' });
    const parisContact = await buildContact(db, { post: 'paris' });
    const berlin = { post: 'berlin', draftedBy: users.berlinOfficer.actor.id };
    ids.bDraft = (await buildEngagement(db, { ...berlin, occurredAt: '2025-12-05T09:00:00Z', directives: [d1], contacts: [berlinContact] })).id;
    ids.bSubmitted = (
      await buildEngagement(db, { ...berlin, status: 'submitted', occurredAt: '2025-12-04T09:00:00Z', directives: [d1], contacts: [berlinContact] })
    ).id;
    ids.bSecret = (
      await buildEngagement(db, {
        ...berlin,
        status: 'approved',
        classification: 'S',
        occurredAt: '2025-12-03T23:30:00Z',
        directives: [d2],
        contacts: [berlinContact],
      })
    ).id;
    ids.bApproved = (
      await buildEngagement(db, { ...berlin, status: 'approved', classification: 'C', occurredAt: '2025-11-20T09:00:00Z', directives: [d2] })
    ).id;
    ids.pSubmitted = (
      await buildEngagement(db, {
        post: 'paris',
        draftedBy: users.parisOfficer.actor.id,
        status: 'submitted',
        occurredAt: '2025-12-02T00:00:00Z',
        directives: [d1],
        contacts: [parisContact],
      })
    ).id;
    ids.oApproved = (
      await buildEngagement(db, { post: 'ottawa', draftedBy: users.ottawaOfficer.actor.id, status: 'approved', occurredAt: '2025-12-01T09:00:00Z' })
    ).id;
  });
  afterAll(async () => t.close());

  const name = (id: string) => Object.keys(ids).find((key) => ids[key] === id);
  const list = async (who: string, query = '') => {
    const response = await t.request({ method: 'GET', url: `/api/v1/engagements${query}`, as: users[who] });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items.map((e: { id: string }) => name(e.id));
  };
  const status = async (who: string, url: string) => (await t.request({ method: 'GET', url, as: users[who] })).statusCode;
  const contactCount = async (who: string) =>
    (await t.request({ method: 'GET', url: `/api/v1/contacts/${berlinContact}`, as: users[who] })).json().engagementCount;

  it('answers 404 for another post’s engagement or one marked above the clearance, and leaves them out of lists', async () => {
    expect(await status('parisOfficer', `/api/v1/engagements/${ids.bSubmitted}`)).toBe(404);
    expect(await status('berlinOfficerC', `/api/v1/engagements/${ids.bSecret}`)).toBe(404);
    expect(await status('berlinOfficerC', `/api/v1/engagements/${ids.bSecret}/comparison`)).toBe(404);
    expect(await status('berlinOfficer', `/api/v1/engagements/${ids.bSecret}`)).toBe(200);
    expect(await list('berlinOfficerC')).toEqual(['bDraft', 'bSubmitted', 'bApproved']);
    expect(await list('parisOfficer')).toEqual(['pSubmitted']);
  });

  it('shows bureau and headquarters analysts submitted and approved engagements, never drafts', async () => {
    expect(await list('eurAnalyst')).toEqual(['bSubmitted', 'pSubmitted', 'bApproved']);
    expect(await list('whaAnalyst')).toEqual(['oApproved']);
    expect(await list('hqAnalyst')).toEqual(['bSubmitted', 'bSecret', 'pSubmitted', 'oApproved', 'bApproved']);
    expect(await status('eurAnalyst', `/api/v1/engagements/${ids.bDraft}`)).toBe(404);
    expect(await status('hqAnalyst', `/api/v1/engagements/${ids.bDraft}`)).toBe(404);
    expect(await status('berlinApprover', `/api/v1/engagements/${ids.bDraft}`)).toBe(200);
    expect(await status('eurAnalyst', `/api/v1/engagements/${ids.bSubmitted}`)).toBe(200);
  });

  it('counts a contact’s engagements as each viewer sees them', async () => {
    // Cited by a draft, a submitted one (U) and an approved one marked S.
    expect(await contactCount('berlinOfficer')).toBe(3);
    expect(await contactCount('berlinOfficerC')).toBe(2);
    expect(await contactCount('eurAnalyst')).toBe(1);
    expect(await contactCount('hqAnalyst')).toBe(2);
  });

  it('filters by post, country, directive, contact, date range and status', async () => {
    expect(await list('hqAnalyst', '?post=paris')).toEqual(['pSubmitted']);
    expect(await list('hqAnalyst', '?country=ca')).toEqual(['oApproved']);
    expect(await list('hqAnalyst', `?directive=${d2}`)).toEqual(['bSecret', 'bApproved']);
    expect(await list('hqAnalyst', `?contact=${berlinContact}`)).toEqual(['bSubmitted', 'bSecret']);
    expect(await list('berlinOfficer', `?contact=${berlinContact}`)).toEqual(['bDraft', 'bSubmitted', 'bSecret']);
    // Both ends included, `to` up to the end of its day.
    expect(await list('hqAnalyst', '?from=2025-12-02&to=2025-12-03')).toEqual(['bSecret', 'pSubmitted']);
    expect(await list('hqAnalyst', '?status=approved')).toEqual(['bSecret', 'oApproved', 'bApproved']);
    expect(await list('berlinOfficer', '?status=draft')).toEqual(['bDraft']);
    expect(await list('hqAnalyst', '?post=berlin&status=approved&from=2025-12-01')).toEqual(['bSecret']);
    const bad = await t.request({ method: 'GET', url: '/api/v1/engagements?from=yesterday', as: users.hqAnalyst });
    expect(bad.json().errors).toEqual([{ field: 'query.from', message: 'must be a date such as 2026-01-01' }]);
  });

  it('pages newest first with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await t.request({ method: 'GET', url: `/api/v1/engagements?limit=2${cursor ? `&cursor=${cursor}` : ''}`, as: users.hqAnalyst })
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => name(e.id)!));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['bSubmitted', 'bSecret', 'pSubmitted', 'oApproved', 'bApproved']);
    const bad = await t.request({ method: 'GET', url: '/api/v1/engagements?cursor=nonsense', as: users.hqAnalyst });
    expect(bad.json().errors).toEqual([{ field: 'query.cursor', message: 'is not a cursor this server issued' }]);
  });

  it('is closed to administrators, who read no post’s records', async () => {
    const admin = await t.user({ role: 'admin' });
    expect((await t.request({ method: 'GET', url: '/api/v1/engagements', as: admin })).statusCode).toBe(403);
    expect((await t.request({ method: 'GET', url: `/api/v1/engagements/${ids.bSubmitted}`, as: admin })).statusCode).toBe(403);
  });
});
