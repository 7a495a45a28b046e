import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TIncidentInput } from '../../../shared/incidents';
import { CLI } from '../../audit/audit-context';
import { queryRows } from '../../db/client';
import { createTestApp, type TestApp, type TestUser } from '../../testing/test-app';
import { prepareIncident } from '../create-incident';
import { importIncidents } from './import-incidents';
import { parseIncidentFile } from './parse-incident-file';
import { writeIncidents } from './write-incidents';

/**
 * The writer on both drivers when an external id is stored after the import looked for it (a
 * concurrent import of the same file): that incident stays as it was, the others are written.
 * On PostgreSQL the batch's COPY is refused by the unique index and the batch goes through the
 * staging tables instead; PGlite always stages.
 */
describe('writing imported incidents', () => {
  let t: TestApp;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
  });
  afterAll(async () => t.close());

  const row = (n: number): TIncidentInput => ({
    externalId: `race-${n}`,
    placeName: 'Kellburg',
    geoPrecision: 'town',
    occurredOn: '2026-02-10',
    category: 'violent_crime',
    summary: `Synthetic report ${n}: two people damaged a bus shelter near the station of Kellburg.`,
    classification: 'U',
    sources: [1, 2].map((source) => ({
      url: `https://example.org/synthetic/race/${n}/${source}`,
      outlet: 'Synthetic Daily',
      language: 'en',
      type: 'media' as const,
      reliability: 'C' as const,
      credibility: 3,
    })),
    legalStatus: { status: 'under_investigation', effectiveOn: '2026-02-11', source: 1 },
    synthetic: true,
  });
  const context = () => ({ ...CLI, actor: { id: officer.actor.id, email: officer.email } });
  const stored = async () =>
    queryRows<{ externalId: string; summary: string; sources: number; statuses: number; activity: number }>(
      t.database.db,
      sql`select i.external_id as "externalId", i.summary,
                 (select count(*)::int from sources s where s.record_id = i.id) as sources,
                 (select count(*)::int from incident_legal_statuses l where l.incident_id = i.id) as statuses,
                 (select count(*)::int from record_activity a where a.record_id = i.id) as activity
          from incidents i where i.external_id like 'race-%' order by i.external_id`,
    );

  it('leaves an incident stored meanwhile as it is and writes the others, with their sources, status and activity', async () => {
    const first = await importIncidents(t.database, parseIncidentFile(JSON.stringify([row(2), row(3)]), 'json'), { actor: officer.actor, context: context() });
    expect(first.created).toBe(2);
    const later = [2, 3, 4, 5, 6].map((n) => ({ ...row(n), summary: `Synthetic report ${n}, second file: a bus shelter was damaged.` }));
    const prepared = await Promise.all(later.map((input) => prepareIncident(t.database.db, officer.actor, input)));
    // Batches of three: race-2 and race-3 are in the first, race-5 and race-6 in the second.
    const created = await writeIncidents(t.database, prepared, { actor: officer.actor, context: context(), batchSize: 3 });
    expect(created).toBe(3);
    const rows = await stored();
    expect(rows.map(({ externalId }) => externalId)).toEqual(['race-2', 'race-3', 'race-4', 'race-5', 'race-6']);
    expect(rows.filter(({ summary }) => summary.includes('second file')).map(({ externalId }) => externalId)).toEqual(['race-4', 'race-5', 'race-6']);
    for (const stored of rows) expect(stored).toMatchObject({ sources: 2, statuses: 1, activity: 1 });
    const [sourceOrder] = await queryRows<{ urls: string[] }>(
      t.database.db,
      sql`select array_agg(s.url order by s.seq) as urls from sources s join incidents i on i.id = s.record_id where i.external_id = 'race-5'`,
    );
    expect(sourceOrder!.urls).toEqual(['https://example.org/synthetic/race/5/1', 'https://example.org/synthetic/race/5/2']);
    const statusSources = await queryRows<{ url: string }>(
      t.database.db,
      sql`select s.url from incident_legal_statuses l join incidents i on i.id = l.incident_id join sources s on s.id = l.source_id
          where i.external_id like 'race-%' order by i.external_id`,
    );
    expect(statusSources.map(({ url }) => url)).toEqual([2, 3, 4, 5, 6].map((n) => `https://example.org/synthetic/race/${n}/2`));
  });
});
