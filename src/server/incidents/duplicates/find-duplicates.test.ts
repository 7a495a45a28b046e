import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDuplicates, incidents, posts } from '../../db/schema/index';
import type { Actor } from '../../identity/actor';
import { visibleRecords } from '../../identity/access-policy';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { type DuplicatesFixture, EVERYONE_SEES, insertIncident, setUpDuplicatesFixture } from './duplicates-fixtures';
import { DUPLICATE_MIN_SCORE, type DuplicateProbe, findDuplicateCandidates, findDuplicatesForBatch, recordDuplicatePairs } from './find-duplicates';

// Synthetic reports of one invented event (an arson attack in the invented town of Kellburg) and of others.
const ARSON_POLICE =
  'Unknown persons set fire to the entrance of a shelter for asylum seekers on Lindenweg in Kellburg at about 2 a.m. on Saturday. Forty residents were evacuated and two were treated for smoke inhalation. Police have opened an arson investigation.';
const ARSON_NGO =
  'Kellburg: night-time arson at asylum accommodation (Lindenweg), 15 March. The fire at the main entrance was put out by the fire brigade; 2 residents suffered smoke inhalation, 40 evacuated. No suspect identified so far.';
const ARSON_MEDIA =
  'Around 40 people had to leave a refugee shelter on Lindenweg in Kellburg early on Saturday after an arsonist lit a fire at its entrance. Two residents were treated for smoke inhalation. Police are investigating the arson.';
const GRAFFITI =
  'Racist slogans were sprayed on the outer wall of a community centre on Marktstrasse in Kellburg on Sunday. Police recorded the case as property damage; the graffiti was removed the same day.';

const actor = (overrides: Partial<Actor>): Actor => ({
  id: '00000000-0000-0000-0000-000000000000',
  email: 'reader@demarche.test',
  name: 'Synthetic reader',
  role: 'hq_analyst',
  clearance: 'S',
  postId: null,
  postCode: null,
  bureauCode: null,
  disabled: false,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...overrides,
});
const visibleTo = (reader: Actor) => visibleRecords(reader, { postId: incidents.postId, classification: incidents.classification });

describe('duplicate candidates', () => {
  let database: TestDatabase;
  let fixture: DuplicatesFixture;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    fixture = await setUpDuplicatesFixture(db);
    const add = async (name: string, row: Parameters<typeof insertIncident>[2]) => {
      id[name] = await insertIncident(db, fixture, row);
    };
    await add('police', { country: 'DE', occurredOn: '2025-03-15', summary: ARSON_POLICE });
    await add('ngo', { country: 'DE', occurredOn: '2025-03-15', summary: ARSON_NGO, classification: 'SBU' });
    await add('graffiti', { country: 'DE', occurredOn: '2025-03-16', summary: GRAFFITI });
    await add('france', { country: 'FR', occurredOn: '2025-03-15', summary: ARSON_POLICE });
    await add('sevenDaysBefore', { country: 'DE', occurredOn: '2025-03-09', summary: ARSON_POLICE });
    await add('eightDaysBefore', { country: 'DE', occurredOn: '2025-03-08', summary: ARSON_POLICE });
    await add('eightDaysAfter', { country: 'DE', occurredOn: '2025-03-24', summary: ARSON_POLICE });
    await add('merged', { country: 'DE', occurredOn: '2025-03-15', summary: ARSON_POLICE, mergedIntoId: id.police! });
    await add('rejected', { country: 'DE', occurredOn: '2025-03-15', summary: ARSON_POLICE, status: 'rejected' });
    await add('draft', { country: 'DE', occurredOn: '2025-03-16', summary: ARSON_MEDIA, status: 'draft' });
    await add('secret', { country: 'DE', occurredOn: '2025-03-15', summary: ARSON_POLICE, classification: 'S' });
  });
  afterAll(async () => database.close());

  const probe: DuplicateProbe = { country: 'DE', occurredOn: '2025-03-16', summary: ARSON_MEDIA };
  const find = (p: DuplicateProbe, options: Partial<Parameters<typeof findDuplicateCandidates>[2]> = {}) =>
    findDuplicateCandidates(database.db, p, { visible: EVERYONE_SEES, ...options });
  const ids = (candidates: { id: string }[]) => candidates.map((candidate) => candidate.id);

  it('finds the same event in other words, most similar first, and leaves a different event of the same town and days out', async () => {
    const found = await find({ ...probe, exclude: [id.draft!] }, { limit: 10 });
    // Three stored copies of the police report score alike and come in id order; the NGO report has fewer words in common.
    const policeCopies = [id.police!, id.sevenDaysBefore!, id.secret!].sort();
    expect(ids(found)).toEqual([...policeCopies, id.ngo!]);
    expect(found[0]!.score).toBeGreaterThan(found[3]!.score);
    expect(found[3]!.score).toBeGreaterThanOrEqual(DUPLICATE_MIN_SCORE);
    expect(ids(found)).not.toContain(id.graffiti);
  });

  it('offers at most `limit` candidates, five by default', async () => {
    expect(await find(probe)).toHaveLength(5);
    expect(ids(await find(probe, { limit: 2 }))).toEqual(ids(await find(probe)).slice(0, 2));
  });

  it('never offers an incident of another country', async () => {
    expect(ids(await find(probe, { limit: 50 }))).not.toContain(id.france);
    expect(ids(await find({ ...probe, country: 'FR' }, { limit: 50 }))).toEqual([id.france]);
  });

  it('looks seven days either side by default, and as far as asked', async () => {
    const found = ids(await find(probe, { limit: 50 }));
    expect(found).toContain(id.sevenDaysBefore);
    expect(found).not.toContain(id.eightDaysBefore);
    expect(ids(await find({ ...probe, occurredOn: '2025-03-16' }, { limit: 50 }))).not.toContain(id.eightDaysAfter);
    const wider = ids(await find(probe, { windowDays: 8, limit: 50 }));
    expect(wider).toContain(id.eightDaysBefore);
    expect(wider).toContain(id.eightDaysAfter);
    expect(ids(await find(probe, { windowDays: 0, limit: 50 }))).toEqual([id.draft]);
  });

  it('never offers a merged or rejected incident', async () => {
    const found = ids(await find(probe, { limit: 50 }));
    expect(found).not.toContain(id.merged);
    expect(found).not.toContain(id.rejected);
  });

  it('never offers an incident the reader may not see', async () => {
    expect(await find(probe, { visible: sql`false` })).toEqual([]);
    const uncleared = ids(await find(probe, { visible: visibleTo(actor({ clearance: 'U' })), limit: 50 }));
    expect(uncleared).not.toContain(id.secret);
    expect(uncleared).not.toContain(id.ngo);
    expect(uncleared).toContain(id.police);
    const [paris] = await database.db.select({ id: posts.id }).from(posts).where(eq(posts.countryAlpha2, 'FR'));
    const parisOfficer = actor({ role: 'officer', postId: paris!.id, postCode: 'paris' });
    expect(await find(probe, { visible: visibleTo(parisOfficer), limit: 50 })).toEqual([]);
    expect(ids(await find({ ...probe, country: 'FR' }, { visible: visibleTo(parisOfficer) }))).toEqual([id.france]);
  });

  it('leaves out the incidents excluded, such as the incident itself', async () => {
    const found = ids(await find({ ...probe, summary: ARSON_POLICE, exclude: [id.police!, id.secret!] }, { limit: 50 }));
    expect(found).not.toContain(id.police);
    expect(found).not.toContain(id.secret);
    expect(found).toContain(id.sevenDaysBefore);
  });

  it('answers a batch of probes exactly as it answers each probe alone', async () => {
    const probes: DuplicateProbe[] = [
      probe,
      { ...probe, exclude: [id.police!, id.draft!] },
      { ...probe, summary: ARSON_NGO, occurredOn: '2025-03-10' },
      { ...probe, country: 'FR' },
      { ...probe, summary: GRAFFITI },
      { country: 'PL', occurredOn: '2025-03-16', summary: ARSON_POLICE },
      probe,
    ];
    for (const options of [
      { visible: EVERYONE_SEES },
      { visible: EVERYONE_SEES, limit: 2, windowDays: 3 },
      { visible: visibleTo(actor({ clearance: 'U' })), limit: 10 },
    ]) {
      const single = await Promise.all(probes.map((p) => findDuplicateCandidates(database.db, p, options)));
      expect(await findDuplicatesForBatch(database.db, probes, options)).toEqual(single);
    }
    expect(await findDuplicatesForBatch(database.db, [], { visible: EVERYONE_SEES })).toEqual([]);
    // More probes than one statement takes: the answers still come back in the probes' order.
    const many = Array.from({ length: 4_500 }, (_, i) => probes[i % probes.length]!);
    const single = await Promise.all(probes.map((p) => findDuplicateCandidates(database.db, p, { visible: EVERYONE_SEES })));
    expect(await findDuplicatesForBatch(database.db, many, { visible: EVERYONE_SEES })).toEqual(many.map((_, i) => single[i % probes.length]));
  });

  it('records the pairs found once, in either order, keeping a dismissal', async () => {
    const db = database.db;
    const found = await find({ ...probe, exclude: [id.draft!] });
    expect(await recordDuplicatePairs(db, id.draft!, [...found, { id: id.draft!, score: 1 }])).toBe(found.length);
    const pairs = await db.select().from(incidentDuplicates).where(eq(incidentDuplicates.incidentId, id.draft!));
    expect(pairs.map((pair) => pair.candidateId).sort()).toEqual(ids(found).sort());
    expect(pairs.find((pair) => pair.candidateId === found[0]!.id)!.score).toBeCloseTo(found[0]!.score, 5);

    await db
      .update(incidentDuplicates)
      .set({ dismissedBy: fixture.drafterId, dismissedAt: new Date() })
      .where(and(eq(incidentDuplicates.incidentId, id.draft!), eq(incidentDuplicates.candidateId, id.police!)));
    expect(await recordDuplicatePairs(db, id.draft!, found)).toBe(0);
    expect(await recordDuplicatePairs(db, id.police!, [{ id: id.draft!, score: 0.5 }])).toBe(0);
    const [dismissed] = await db
      .select({ dismissedBy: incidentDuplicates.dismissedBy })
      .from(incidentDuplicates)
      .where(and(eq(incidentDuplicates.incidentId, id.draft!), eq(incidentDuplicates.candidateId, id.police!)));
    expect(dismissed!.dismissedBy).toBe(fixture.drafterId);
    expect(await recordDuplicatePairs(db, id.graffiti!, [])).toBe(0);
  });
});
