import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TIncident, TIncidentInput } from '../../../shared/incidents';
import { main } from '../../../cli/main';
import type { CliIo } from '../../../cli/output';
import { CLI } from '../../audit/audit-context';
import { queryRows } from '../../db/client';
import { auditEvents, incidents } from '../../db/schema/index';
import { createTestApp, type TestApp, type TestUser } from '../../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { type ImportOptions, importIncidents } from './import-incidents';
import { parseIncidentFile } from './parse-incident-file';

/**
 * The bulk import on PGlite and PostgreSQL: CSV and JSON, all or nothing, every problem by row
 * and field, the identifier guard's spans, idempotence by external id, an interrupted import
 * (and on PostgreSQL a process killed with SIGKILL mid-write) that leaves nothing and can be
 * run again, the API and the CLI.
 */
describe('incident import', () => {
  let t: TestApp;
  let officer: TestUser;
  let parisOfficer: TestUser;
  let analyst: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    parisOfficer = await t.user({ role: 'officer', post: 'paris', clearance: 'S' });
    analyst = await t.user({ role: 'hq_analyst', clearance: 'S' });
  });
  afterAll(async () => t.close());

  const options = (as: TestUser = officer, extra: Partial<ImportOptions> = {}): ImportOptions => ({
    actor: as.actor,
    context: { ...CLI, actor: { id: as.actor.id, email: as.email } },
    ...extra,
  });
  const incidentRow = (n: number, prefix: string, overrides: Partial<TIncidentInput> = {}): TIncidentInput => ({
    externalId: `${prefix}-${n}`,
    placeName: 'Kellburg',
    geoPrecision: 'town',
    occurredOn: '2026-02-10',
    category: 'violent_crime',
    summary: `Synthetic report ${prefix} ${n}: three youths assaulted two passengers at a tram stop near the station of Kellburg on a weekday evening.`,
    classification: 'U',
    sources: [
      {
        url: `https://example.org/synthetic/${prefix}/${n}`,
        outlet: 'Synthetic police press office',
        language: 'en',
        type: 'police',
        reliability: 'A',
        credibility: 2,
      },
    ],
    synthetic: true,
    ...overrides,
  });
  const json = (rows: TIncidentInput[] | object) => parseIncidentFile(JSON.stringify(rows), 'json');
  const countWith = async (prefix: string) =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from incidents where external_id like ${`${prefix}-%`}`))[0]!.n;

  it('imports a CSV file with semicolons and a BOM: fields, sources in order, legal status, the created step and one audit event', async () => {
    const csv =
      '\uFEFFexternal_id;place_name;latitude;longitude;geo_precision;occurred_on;category;summary;killed;injured;human_rights_relevant;classification;' +
      'legal_status;legal_status_on;legal_status_source;allowed_names;synthetic;' +
      'source1_url;source1_outlet;source1_language;source1_type;source1_reliability;source1_credibility;source1_suspect_status;' +
      'source2_url;source2_outlet;source2_language;source2_type;source2_reliability;source2_credibility;source2_suspect_status\r\n' +
      'csv-1;Kellburg;52,52;13,4;town;2026-03-14;anti_migrant_attack;"Synthetic report: unknown persons set fire to the entrance of a shelter; forty residents were evacuated.\r\nThe mayor Karl Vogt condemned the attack.";' +
      ';2;yes;SBU;charged;2026-03-20;2;Karl Vogt;yes;' +
      'https://example.org/synthetic/police/1;Synthetic police press office;de;police;A;2;not_stated;' +
      'https://example.org/synthetic/daily/1;Synthetic Daily;de;media;C;3;national\r\n' +
      'csv-2;Brombach;;;town;2026-03-15;violent_crime;Synthetic report: two people assaulted a passenger at a tram stop.;;;;U;;;;;true;' +
      ';;;;;;;' +
      'https://example.org/synthetic/daily/2;Synthetic Daily;en;media;C;3;\r\n';
    const rows = parseIncidentFile(csv, 'csv');
    expect(rows.map((row) => row.row)).toEqual([2, 3]);
    const report = await importIncidents(t.database, rows, options(officer, { format: 'csv' }));
    expect(report).toEqual({ dryRun: false, rows: 2, created: 2, valid: 2, skipped: [], errors: [], duplicates: [] });

    const [stored] = await t.database.db.select({ id: incidents.id }).from(incidents).where(eq(incidents.externalId, 'csv-1'));
    const response = await t.request({ method: 'GET', url: `/api/v1/incidents/${stored!.id}`, as: officer });
    const incident = response.json<TIncident>();
    expect(incident).toMatchObject({
      post: 'berlin',
      country: 'DE',
      placeName: 'Kellburg',
      latitude: 52.52,
      longitude: 13.4,
      occurredOn: '2026-03-14',
      category: 'anti_migrant_attack',
      killed: null,
      injured: 2,
      humanRightsRelevant: true,
      classification: 'SBU',
      status: 'draft',
      legalStatus: 'charged',
      allowedNames: ['Karl Vogt'],
      externalId: 'csv-1',
      synthetic: true,
      draftedBy: { id: officer.actor.id },
    });
    expect(incident.summary).toContain('\r\nThe mayor Karl Vogt');
    expect(incident.sources.map((source) => [source.outlet, source.suspectStatus])).toEqual([
      ['Synthetic police press office', 'not_stated'],
      ['Synthetic Daily', 'national'],
    ]);
    expect(incident.legalHistory).toMatchObject([{ status: 'charged', effectiveOn: '2026-03-20', source: { outlet: 'Synthetic Daily' } }]);
    // The source group left empty (source1_…) is skipped: source2_… is the incident's only source.
    const [second] = await t.database.db.select({ id: incidents.id }).from(incidents).where(eq(incidents.externalId, 'csv-2'));
    const other = (await t.request({ method: 'GET', url: `/api/v1/incidents/${second!.id}`, as: officer })).json<TIncident>();
    expect(other).toMatchObject({ legalStatus: 'reported', legalHistory: [{ status: 'reported', effectiveOn: '2026-03-15' }], sources: [{ language: 'en' }] });
    // Four eyes: the importer is the drafter, so another approver may verify and the importer may not.
    expect(incident.allowedActions).toContain('submit');
    const activity = await queryRows<{ kind: string; actor_id: string }>(
      t.database.db,
      sql`select kind, actor_id from record_activity where record_type = 'incident' and record_id = ${stored!.id}`,
    );
    expect(activity).toEqual([{ kind: 'created', actor_id: officer.actor.id }]);
    const events = await t.database.db
      .select({ change: auditEvents.change, classification: auditEvents.classification, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'incident.imported'), eq(auditEvents.actorId, officer.actor.id)));
    expect(events).toEqual([
      {
        actorId: officer.actor.id,
        classification: 'SBU',
        change: {
          created: 2,
          rows: 2,
          skipped: 0,
          format: 'csv',
          posts: ['berlin'],
          countries: ['DE'],
          externalIds: { first: 'csv-1', last: 'csv-2', count: 2 },
          synthetic: 2,
        },
      },
    ]);
  });

  it('imports JSON, as an array or as { incidents }, and reports what may be the same event, without refusing it', async () => {
    const first = await importIncidents(t.database, json([incidentRow(1, 'json'), incidentRow(2, 'json')]), options());
    expect(first).toMatchObject({ created: 2, errors: [] });
    const retold = incidentRow(3, 'json', {
      summary: 'Synthetic report json 1: three youths assaulted two passengers at a tram stop near the station of Kellburg on a weekday evening.',
      occurredOn: '2026-02-11',
    });
    const second = await importIncidents(t.database, json({ incidents: [retold] }), options());
    expect(second.created).toBe(1);
    expect(second.duplicates).toEqual([{ row: 1, candidates: expect.arrayContaining([expect.objectContaining({ score: expect.any(Number) })]) }]);
    expect(await countWith('json')).toBe(3);
  });

  it('writes nothing when one row of many is invalid, and names each problem by row, field and reason', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => incidentRow(index + 1, 'many'));
    rows[16] = { ...rows[16]!, geoPrecision: 'street' as never, summary: ' ', sources: [{ ...rows[16]!.sources[0]!, url: 'ftp://example.org/x' }] };
    rows[21] = { ...rows[21]!, category: 'jaywalking', country: 'XX' };
    rows[25] = { ...rows[25]!, externalId: 'many-3' };
    const report = await importIncidents(t.database, json(rows), options());
    expect(report.created).toBe(0);
    expect(report.errors).toEqual([
      { row: 17, field: 'geoPrecision', message: 'must be one of exact, town, district, region, country' },
      { row: 17, field: 'summary', message: 'is required: describe what happened' },
      { row: 17, field: 'sources[0].url', message: 'must be an http(s) address such as https://example.org/report' },
      { row: 22, field: 'country', message: 'no country has the code "XX"' },
      { row: 22, field: 'category', message: 'no category has the code "jaywalking"' },
      { row: 26, field: 'externalId', message: '"many-3" is also the external id of row 3: each incident needs its own' },
    ]);
    expect(await countWith('many')).toBe(0);

    // In batches of 4, the first batches are written (on PostgreSQL while the next are checked)
    // before row 17 is found invalid: they are rolled back with the rest.
    const batched = await importIncidents(t.database, json(rows), options(officer, { batchSize: 4 }));
    expect(batched).toMatchObject({ created: 0, errors: report.errors });
    expect(await countWith('many')).toBe(0);

    // The same problems in a CSV file, named by its columns.
    const csv = [
      'external_id,place_name,geo_precision,occurred_on,category,summary,classification,killed,legal_status,legal_status_on,legal_status_source,source1_url,source1_outlet,source1_language,source1_type,source1_reliability,source1_credibility,source2_url,source2_outlet,source2_language,source2_type,source2_reliability,source2_credibility',
      'csvbad-1,Kellburg,town,2026-03-01,violent_crime,Synthetic report: a fight at a bus stop.,U,,,,,https://example.org/a,Synthetic Daily,en,media,C,3,,,,,,',
      'csvbad-2,Kellburg,town,2026-03-01,violent_crime,Synthetic report: a fight at a bus stop.,U,many,charged,2026-03-02,3,https://example.org/a,Synthetic Daily,en,media,C,3,https://example.org/b,Synthetic Daily,english,media,Z,3',
    ].join('\n');
    const csvReport = await importIncidents(t.database, parseIncidentFile(csv, 'csv'), options());
    expect(csvReport.errors).toEqual([
      { row: 3, field: 'killed', message: 'must be a whole number, or null when no source gives one' },
      { row: 3, field: 'source2_language', message: 'must be a two-letter language code such as en, de or fr' },
      { row: 3, field: 'source2_reliability', message: 'must be a letter from A (reliable) to F (cannot be judged)' },
    ]);
    const unsourced = await importIncidents(
      t.database,
      parseIncidentFile(
        csv.replace(',3,https://example.org/b', ',3,https://example.org/b').replace('many,', ',').replace('english', 'en').replace(',Z,', ',B,'),
        'csv',
      ),
      options(),
    );
    expect(unsourced.errors).toEqual([
      { row: 3, field: 'legal_status_source', message: 'must be the number of one of the sources given (1 for source1_…, 2 for source2_…)' },
    ]);
    expect(await countWith('csvbad')).toBe(0);
  });

  it('refuses a file it cannot read as rows: unknown and missing columns, a ragged row, not JSON', () => {
    expect(() => parseIncidentFile('external_id,place,summary\nx,y,z\n', 'csv')).toThrow(
      expect.objectContaining({
        extensions: {
          rows: expect.arrayContaining([
            { row: 1, field: 'place', message: 'is not a known column (docs/incident-import.md lists them)' },
            { row: 1, field: 'place_name', message: 'is missing: every incident needs it' },
          ]),
        },
      }),
    );
    const header =
      'place_name\tgeo_precision\toccurred_on\tcategory\tsummary\tclassification\tsource1_url\tsource1_outlet\tsource1_language\tsource1_type\tsource1_reliability\tsource1_credibility';
    expect(parseIncidentFile(`${header}\n\n`, 'csv')).toEqual([]);
    expect(() => parseIncidentFile(`${header}\n\na\tb\n`, 'csv')).toThrow(
      expect.objectContaining({ extensions: { rows: [{ row: 3, field: 'row', message: 'has 2 cells where the header has 12 columns' }] } }),
    );
    expect(() => parseIncidentFile('{"incidents": 3}', 'json')).toThrow(
      expect.objectContaining({
        extensions: { rows: [{ row: 0, field: 'file', message: 'must be a JSON array of incidents, or an object { "incidents": [ … ] }' }] },
      }),
    );
  });

  it('refuses a row naming a person, with the span, and a row for another post', async () => {
    const rows = [
      incidentRow(1, 'guard', { summary: 'Synthetic report: the neighbour Hans Müller was attacked near the station of Kellburg.' }),
      incidentRow(2, 'guard', { post: 'paris' }),
      incidentRow(3, 'guard', { post: 'atlantis' }),
      incidentRow(4, 'guard', { summary: 'Synthetic report: the police chief Anna Weber said three people were hurt.', allowedNames: ['Anna Weber'] }),
    ];
    const report = await importIncidents(t.database, json(rows), options());
    expect(report.errors).toEqual([
      {
        row: 1,
        field: 'summary',
        message:
          'contains a personal name (“Hans Müller”, characters 32–43); remove it, or if it is a public official named in their official role, add the name to allowedNames',
        span: { start: 32, end: 43, text: 'Hans Müller', kind: 'person_name' },
      },
      { row: 2, field: 'post', message: 'You record incidents for your home post (berlin) only, not for paris.' },
      { row: 3, field: 'post', message: 'no post has the code "atlantis"' },
    ]);
    expect(await countWith('guard')).toBe(0);
    await expect(importIncidents(t.database, json([incidentRow(9, 'guard')]), options(analyst))).rejects.toMatchObject({ status: 403 });
  });

  it('skips rows whose external id is stored: a second import of the same file changes nothing', async () => {
    const file = JSON.stringify(Array.from({ length: 12 }, (_, index) => incidentRow(index + 1, 'again')));
    const first = await importIncidents(t.database, parseIncidentFile(file, 'json'), options());
    expect(first).toMatchObject({ created: 12, skipped: [] });
    const second = await importIncidents(t.database, parseIncidentFile(file, 'json'), options());
    expect(second).toMatchObject({ created: 0, valid: 0, errors: [] });
    expect(second.skipped).toEqual(Array.from({ length: 12 }, (_, index) => ({ row: index + 1, externalId: `again-${index + 1}` })));
    expect(await countWith('again')).toBe(12);
    // Another post's officer importing the same ids: still skipped, never written twice.
    const elsewhere = await importIncidents(t.database, parseIncidentFile(file, 'json'), options(parisOfficer));
    expect(elsewhere).toMatchObject({ created: 0, skipped: expect.arrayContaining([{ row: 1, externalId: 'again-1' }]) });
    const sourcesStored = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from sources s join incidents i on i.id = s.record_id where i.external_id like 'again-%'`,
    );
    expect(sourcesStored[0]!.n).toBe(12);
  });

  it('leaves nothing of an import interrupted halfway through writing, and a second run completes it', async () => {
    const rows = json(Array.from({ length: 20 }, (_, index) => incidentRow(index + 1, 'halt')));
    const interrupted = importIncidents(
      t.database,
      rows,
      options(officer, {
        batchSize: 4,
        onProgress: async ({ phase, done, total }) => {
          if (phase !== 'writing' || done < total / 2) return;
          // Half the batches are in the tables, uncommitted: no other connection sees them
          // (PGlite has one connection, which the transaction holds).
          if (t.database.driver === 'postgres') expect(await countWith('halt')).toBe(0);
          throw new Error('interrupted');
        },
      }),
    );
    await expect(interrupted).rejects.toThrow('interrupted');
    expect(await countWith('halt')).toBe(0);
    expect(await importIncidents(t.database, rows, options())).toMatchObject({ created: 20, skipped: [] });
    expect(await countWith('halt')).toBe(20);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'leaves nothing when the importing process is killed (SIGKILL) mid-write, and a rerun completes',
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'demarche-import-'));
      const file = path.join(dir, 'incidents.json');
      writeFileSync(file, JSON.stringify(Array.from({ length: 40 }, (_, index) => incidentRow(index + 1, 'killed'))));
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(new URL('./interrupted-import.child.ts', import.meta.url)), file, officer.actor.id],
        {
          env: { ...process.env, DATABASE_URL: t.database.url },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      await waitForLine(child, 'halfway');
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      expect(await countWith('killed')).toBe(0);
      const rerun = await importIncidents(t.database, parseIncidentFile(readFileSync(file, 'utf8'), 'json'), options());
      expect(rerun).toMatchObject({ created: 40, skipped: [] });
      expect(await countWith('killed')).toBe(40);
    },
  );

  it('answers POST /api/v1/incident-imports: dry run, the problems by row, then the import', async () => {
    const rows = [incidentRow(1, 'api'), incidentRow(2, 'api', { summary: '' })];
    const post = (payload: object, as: TestUser = officer) => t.request({ method: 'POST', url: '/api/v1/incident-imports', as, payload });
    const invalid = await post({ format: 'json', content: JSON.stringify(rows), dryRun: true });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      status: 400,
      errors: [{ field: 'rows[2].summary', message: 'is required: describe what happened' }],
      rows: [{ row: 2, field: 'summary', message: 'is required: describe what happened' }],
      report: { created: 0, valid: 1 },
    });
    rows[1] = incidentRow(2, 'api');
    const dry = await post({ format: 'json', content: JSON.stringify(rows), dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 2, valid: 2, created: 0 });
    expect(await countWith('api')).toBe(0);
    const done = await post({ format: 'json', content: JSON.stringify(rows) });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({ dryRun: false, created: 2 });
    expect((await post({ format: 'json', content: JSON.stringify(rows) })).json()).toMatchObject({ created: 0, skipped: [{ row: 1 }, { row: 2 }] });
    expect((await post({ format: 'json', content: JSON.stringify(rows) }, analyst)).statusCode).toBe(403);
    expect((await post({ format: 'xml', content: '<incidents/>' })).statusCode).toBe(400);
  });
});

function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.split('\n').includes(line)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the import exited (${code}) before reaching "${line}": ${output}`)));
  });
}

describe('demarche incidents import', () => {
  let env: NodeJS.ProcessEnv;
  let database: TestDatabase | undefined;
  const run = async (args: string[], stdin = '') => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), interactive: false, env, stdin: async () => stdin };
    const code = await main(['node', 'demarche', ...args], io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  beforeAll(async () => {
    env = { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'demarche-cli-import-')) };
    if (process.env.TEST_DATABASE_URL) {
      database = await createTestDatabase({ migrate: false });
      env.DATABASE_URL = database.url;
    }
  });
  afterAll(async () => database?.close());

  it('imports a file as the named officer, prints each problem by row, and exits 1 writing nothing when a row is invalid', { timeout: 120_000 }, async () => {
    expect((await run(['db', 'seed'])).code).toBe(0);
    const officer = await run(
      ['users', 'create', '--email', 'importer@example.org', '--name', 'Importer', '--role', 'officer', '--post', 'berlin', '--password-stdin'],
      'violet harbour lantern quietly',
    );
    expect(officer.err).toBe('');
    const header =
      'external_id,place_name,geo_precision,occurred_on,category,summary,classification,source1_url,source1_outlet,source1_language,source1_type,source1_reliability,source1_credibility';
    const line = (n: number, summary = `Synthetic report ${n}: stones were thrown at a bus near the market square.`) =>
      `cli-${n},Kellburg,town,2026-03-0${n},public_disorder,${summary},U,https://example.org/synthetic/${n},Synthetic Daily,en,media,C,3`;
    const file = path.join(env.DATA_DIR!, 'incidents.csv');
    writeFileSync(file, [header, line(1), line(2), line(3, '')].join('\n'));

    const invalid = await run(['incidents', 'import', file, '--as', 'importer@example.org']);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toBe(`row 4, summary: is required: describe what happened\ndemarche: 1 problem(s) in 1 row(s) of ${file}; nothing was imported.`);

    writeFileSync(file, [header, line(1), line(2), line(3)].join('\n'));
    expect(await run(['incidents', 'import', file, '--as', 'importer@example.org', '--dry-run'])).toMatchObject({
      code: 0,
      out: `Checked 3 row(s) of ${file}: 3 would be imported. Nothing was written (--dry-run).`,
    });
    expect(await run(['incidents', 'import', file, '--as', 'Importer@Example.org'])).toMatchObject({
      code: 0,
      out: `Imported 3 incident(s) from ${file} as drafts.`,
    });
    expect(await run(['incidents', 'import', file, '--as', 'importer@example.org'])).toMatchObject({
      code: 0,
      out: `Imported 0 incident(s) from ${file} as drafts; 3 skipped (external id already stored).`,
    });
    writeFileSync(file, 'external_id;place;summary\n');
    expect(await run(['incidents', 'import', file, '--as', 'importer@example.org'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('row 1, place: is not a known column'),
    });
    expect((await run(['audit', 'verify'])).code).toBe(0);
  });
});
