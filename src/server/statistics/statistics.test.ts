import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPage } from '../../shared/pagination';
import type { TStatistic, TStatisticsMappingInput } from '../../shared/statistics';
import { main } from '../../cli/main';
import type { CliIo } from '../../cli/output';
import { CLI } from '../audit/audit-context';
import { queryRows } from '../db/client';
import { auditEvents } from '../db/schema/index';
import { PROJECT_ROOT } from '../project-root';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { checkMapping, importStatistics, parseMapping } from './import-statistics';

/** The real files of issue 10, kept beside the project (never copied into it). */
const DATA = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
const BKA_FILE = path.join(DATA, 'bka-pks-zr-f-01-t01-faelle-1987-2023.csv.gz');
const UN_FILE = path.join(DATA, 'un-desa-migrant-stock-percent-1990-2019.csv');
const HAVE_DATA = existsSync(BKA_FILE) && existsSync(UN_FILE);
const BKA_MAPPING = path.join(PROJECT_ROOT, 'docs', 'mappings', 'bka-pks-zr-f-01-t01.json');
const UN_MAPPING = path.join(PROJECT_ROOT, 'docs', 'mappings', 'un-desa-migrant-stock.json');
if (!HAVE_DATA) console.warn(`SKIPPED: the imports of the real BKA and UN DESA files, because ${DATA} is absent (CI always has it).`);

/** A synthetic publisher's table: figures by country, offence and group (labelled synthetic). */
function syntheticMapping(overrides: Partial<TStatisticsMappingInput> = {}): TStatisticsMappingInput {
  return {
    source: {
      id: 'synthetic-police',
      publisher: 'Synthetic police statistics office',
      tableId: 'SYN-T1',
      title: 'Synthetic suspects by offence and citizenship',
      url: 'https://example.org/synthetic/t1',
      licence: 'CC0 1.0',
      retrievedOn: '2026-01-15',
    },
    file: { format: 'csv', encoding: 'auto', separator: 'auto' },
    country: { column: 'country', codes: 'alpha3' },
    year: { column: 'year' },
    offence: { key: '{key}', name: '{offence}' },
    indicator: { code: 'suspects:{key}', name: 'Suspects: {offence}' },
    definitions: { justiceStage: 'suspect', groupDefinition: 'citizenship', immigrationLawOffences: 'excluded', standardisation: 'none' },
    caveats: ['Synthetic figures for tests.'],
    values: [
      { column: 'suspects', group: 'total', unit: 'count' },
      { column: 'foreign suspects', group: 'foreign_nationals', unit: 'count' },
    ],
    ...overrides,
  };
}

const SYNTHETIC_CSV = [
  'key;offence;country;year;suspects;foreign suspects',
  '100;Synthetic assault;DEU;2021;1000;300',
  '100;Synthetic assault;DEU;2022;1100;320',
  '100;Synthetic assault;FRA;2022;900;-',
  '200;Synthetic fraud;DEU;2022;500;100',
].join('\n');

describe('statistics import and list', () => {
  let t: TestApp;
  let analyst: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    analyst = await t.user({ role: 'hq_analyst', clearance: 'U' });
    officer = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
  });
  afterAll(async () => t.close());

  const options = (as: TestUser | null = analyst, dryRun = false) => ({
    actor: as?.actor ?? null,
    context: as ? { ...CLI, actor: { id: as.actor.id, email: as.email } } : CLI,
    dryRun,
  });
  const importText = (text: string | Buffer, mapping: TStatisticsMappingInput, fileName = 'table.csv', as: TestUser | null = analyst) =>
    importStatistics(t.database, { bytes: Buffer.isBuffer(text) ? text : Buffer.from(text), fileName, mapping: checkMapping(mapping) }, options(as));
  const list = async (query: string, as: TestUser = analyst) => {
    const response = await t.request({ method: 'GET', url: `/api/v1/statistics?${query}`, as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TPage<TStatistic>>();
  };
  const count = async (table: 'statistic_series' | 'statistic_values') =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
  const importEvents = () => t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'statistics.imported'));

  describe.skipIf(!HAVE_DATA)(`the real files in ${DATA}`, () => {
    it('imports the BKA table: 2023 all offences, both groups with their definitions, 725000 flagged, the 1991, 1993 and 2009 breaks', {
      timeout: 300_000,
    }, async () => {
      const report = await importStatistics(
        t.database,
        { bytes: readFileSync(BKA_FILE), fileName: path.basename(BKA_FILE), mapping: parseMapping(readFileSync(BKA_MAPPING, 'utf8')) },
        options(),
      );
      expect(report.errors).toEqual([]);
      expect(report.file).toMatchObject({ gzipped: true, encoding: 'latin1', separator: ';', format: 'csv' });
      expect(report.rows).toBe(14_152);
      expect(report.values.created).toBeGreaterThan(56_000);
      // The BKA's "-" for a missing HZ is no figure, not an error.
      expect(report.skipped).toEqual([{ reason: 'no figure in the column "HZ" (“-”)', rows: 11, examples: expect.any(Array) }]);

      const all2023 = await list('country=DE&offence=------&from=2023&to=2023');
      const byIndicator = Object.fromEntries(all2023.items.map((item) => [`${item.series.indicator.code}/${item.series.group.code}`, item]));
      expect(Object.keys(byIndicator).sort()).toEqual([
        'cases-per-100k:------/total',
        'cases:------/total',
        'suspects:------/foreign_nationals',
        'suspects:------/total',
      ]);
      expect(byIndicator['cases:------/total']).toMatchObject({
        value: 5_940_667,
        year: 2023,
        country: { code: 'DE', name: 'Germany' },
        series: {
          justiceStage: { code: 'recorded_offence' },
          groupDefinition: { code: 'none' },
          unit: { code: 'count' },
          offence: { key: '------', name: 'Straftaten insgesamt' },
        },
      });
      expect(byIndicator['cases-per-100k:------/total']).toMatchObject({
        value: 7042.1,
        series: { unit: { code: 'per_100k', label: 'Per 100,000 residents' } },
      });
      const total = byIndicator['suspects:------/total']!;
      const nonGerman = byIndicator['suspects:------/foreign_nationals']!;
      expect(total.value).toBe(2_246_767);
      expect(nonGerman.value).toBe(923_269);
      for (const figure of [total, nonGerman]) {
        expect(figure.series).toMatchObject({
          justiceStage: { code: 'suspect', label: 'Suspects (identified by the police, not convicted)' },
          groupDefinition: { code: 'citizenship' },
          immigrationLawOffences: { code: 'included' },
          standardisation: { code: 'none' },
          denominator: null,
          source: { publisher: 'Bundeskriminalamt (BKA)', tableId: 'PKS ZR-F-01-T01' },
          licence: expect.stringContaining('Datenlizenz Deutschland'),
          retrievedOn: '2026-12-03',
          seriesBreaks: [
            { year: 1991, note: expect.stringContaining('all of Berlin') },
            { year: 1993, note: expect.stringContaining('all of Germany') },
            { year: 2009, note: expect.stringContaining('counting rules') },
          ],
        });
        expect(figure.seriesBreak).toBe(false);
        const caveats = figure.series.caveats.join('\n');
        for (const words of ['not convicted offenders', 'willingness to report', 'not additive', 'age and sex structure', 'key 725000'])
          expect(caveats).toContain(words);
      }
      expect(nonGerman.series.group).toEqual({ code: 'foreign_nationals', label: 'Foreign nationals (non-citizens)' });
      expect(nonGerman.series.caveats.join('\n')).toContain('no valid rate per 100,000 non-German residents');
      expect(total.series.caveats.join('\n')).not.toContain('no valid rate per 100,000 non-German residents');

      const immigration = await list('country=DE&offence=725000&from=2023&to=2023&group=foreign_nationals');
      expect(immigration.items).toMatchObject([{ value: 271_359, series: { immigrationLawOffences: { code: 'only' }, justiceStage: { code: 'suspect' } } }]);
      const theft = await list('country=DE&offence=****00&from=2023&to=2023&indicator=suspects:****00&group=total');
      expect(theft.items).toMatchObject([{ value: 424_048, series: { immigrationLawOffences: { code: 'excluded' } } }]);
      // Each break marks the first year not comparable with the one before: territory in 1991 and 1993, counting rules in 2009.
      const breaks = await list('country=DE&indicator=suspects:------&group=total&limit=100');
      expect(breaks.items.filter((item) => item.seriesBreak).map((item) => item.year)).toEqual([1991, 1993, 2009]);
      expect(breaks.items.filter((item) => [1992, 1993, 2008, 2009].includes(item.year)).map((item) => [item.year, item.value])).toEqual([
        [1992, 1_581_734],
        [1993, 2_051_775],
        [2008, 2_255_693],
        [2009, 2_187_217],
      ]);
    });

    it('imports the UN DESA shares by country of birth, skipping world regions, and finds the encoding itself', { timeout: 120_000 }, async () => {
      const report = await importStatistics(
        t.database,
        { bytes: readFileSync(UN_FILE), fileName: path.basename(UN_FILE), mapping: parseMapping(readFileSync(UN_MAPPING, 'utf8')) },
        options(),
      );
      expect(report.errors).toEqual([]);
      expect(report.file).toMatchObject({ gzipped: false, encoding: 'ISO-8859-1', separator: ',' });
      const regions = report.skipped.find((skipped) => skipped.reason.startsWith('not a country'));
      expect(regions?.examples).toContain('WORLD (900)');
      expect(report.values.created).toBe(report.rows - regions!.rows);
      const germany = await list('country=DE&source=un-desa-migrant-stock-2019');
      expect(germany.items.map((item) => [item.year, item.value])).toContainEqual([2019, 15.7239112087838]);
      expect(germany.items[0]!.series).toMatchObject({
        group: { code: 'foreign_born' },
        groupDefinition: { code: 'country_of_birth', label: 'By country of birth' },
        justiceStage: { code: 'not_applicable' },
        unit: { code: 'percent' },
        coverage: { code: 'residents', label: 'Residents only' },
        licence: 'CC BY 3.0 IGO',
      });
      // Latin-1 names came through: Réunion (638 → RE) is a country of the reference data.
      expect((await list('country=RE&source=un-desa-migrant-stock-2019&from=1990&to=1990')).items).toMatchObject([{ value: 9.36974886256064 }]);
    });

    it('changes nothing when the same files are imported again, and writes no audit event', { timeout: 300_000 }, async () => {
      const events = (await importEvents()).length;
      const values = await count('statistic_values');
      for (const [file, mapping] of [
        [BKA_FILE, BKA_MAPPING],
        [UN_FILE, UN_MAPPING],
      ] as const) {
        const report = await importStatistics(
          t.database,
          { bytes: readFileSync(file), fileName: path.basename(file), mapping: parseMapping(readFileSync(mapping, 'utf8')) },
          options(),
        );
        expect(report.series.created + report.series.updated + report.values.created + report.values.updated).toBe(0);
        expect(report.values.unchanged).toBeGreaterThan(1_000);
      }
      expect(await count('statistic_values')).toBe(values);
      expect((await importEvents()).length).toBe(events);
    });
  });

  it('imports a synthetic table, lists each figure with its definitions, and pages through them', async () => {
    const report = await importText(SYNTHETIC_CSV, syntheticMapping());
    expect(report).toMatchObject({
      errors: [],
      rows: 4,
      file: { separator: ';', encoding: 'utf-8' },
      series: { created: 4, updated: 0, unchanged: 0 },
      values: { created: 7, updated: 0, unchanged: 0 },
      skipped: [{ reason: 'no figure in the column "foreign suspects" (“-”)', rows: 1, examples: ['row 4'] }],
    });
    const all = await list('source=synthetic-police&limit=2');
    expect(all.items).toHaveLength(2);
    const pages = [...all.items];
    let cursor = all.nextCursor;
    while (cursor) {
      const next = await list(`source=synthetic-police&limit=2&cursor=${cursor}`);
      pages.push(...next.items);
      cursor = next.nextCursor;
    }
    expect(pages.map((item) => `${item.country.code} ${item.series.key} ${item.year} ${item.value}`)).toEqual([
      'DE synthetic-police/suspects:100/foreign_nationals 2021 300',
      'DE synthetic-police/suspects:100/foreign_nationals 2022 320',
      'DE synthetic-police/suspects:100/total 2021 1000',
      'DE synthetic-police/suspects:100/total 2022 1100',
      'DE synthetic-police/suspects:200/foreign_nationals 2022 100',
      'DE synthetic-police/suspects:200/total 2022 500',
      'FR synthetic-police/suspects:100/total 2022 900',
    ]);
    expect(pages[0]!.series).toMatchObject({
      caveats: ['Synthetic figures for tests.'],
      immigrationLawOffences: { code: 'excluded', label: 'Excludes immigration-law offences' },
    });
    // Filters: group, year range, justice stage, group definition; everyone signed in reads them.
    expect((await list('source=synthetic-police&group=total&from=2022&to=2022', officer)).items.map((item) => item.value)).toEqual([1100, 500, 900]);
    expect((await list('source=synthetic-police&justiceStage=convicted')).items).toEqual([]);
    expect((await list('source=synthetic-police&groupDefinition=country_of_birth')).items).toEqual([]);
    const badRange = await t.request({ method: 'GET', url: '/api/v1/statistics?from=2023&to=2020', as: analyst });
    expect(badRange.statusCode).toBe(400);
    expect(badRange.json()).toMatchObject({ errors: [{ field: 'query.from', message: 'must not be after `to`' }] });
  });

  it('updates a corrected figure on re-import and audits the correction; the same file again changes nothing', async () => {
    const mapping = syntheticMapping({ source: { ...syntheticMapping().source, id: 'synthetic-corrected' } });
    await importText(SYNTHETIC_CSV, mapping);
    const again = await importText(SYNTHETIC_CSV, mapping);
    expect(again).toMatchObject({ series: { created: 0, updated: 0, unchanged: 4 }, values: { created: 0, updated: 0, unchanged: 7 } });
    const corrected = SYNTHETIC_CSV.replace('DEU;2022;1100;320', 'DEU;2022;1150;320');
    const report = await importText(corrected, mapping);
    expect(report).toMatchObject({ series: { unchanged: 4 }, values: { created: 0, updated: 1, unchanged: 6 } });
    expect((await list('source=synthetic-corrected&country=DE&indicator=suspects:100&group=total&from=2022')).items.map((item) => item.value)).toEqual([1150]);
    const [event] = await t.database.db
      .select({ change: auditEvents.change, actorId: auditEvents.actorId, classification: auditEvents.classification })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'statistics.imported'),
          eq(auditEvents.recordId, 'synthetic-corrected'),
          sql`${auditEvents.change}->>'corrections' is not null`,
        ),
      );
    expect(event).toMatchObject({
      actorId: analyst.actor.id,
      classification: 'U',
      change: { corrections: [{ series: 'synthetic-corrected/suspects:100/total', country: 'DE', year: 2022, from: 1100, to: 1150 }], values: { updated: 1 } },
    });
    // A changed definition updates the series.
    const redefined = await importText(corrected, { ...mapping, caveats: ['Synthetic figures for tests.', 'A caveat added later.'] });
    expect(redefined.series).toEqual({ created: 0, updated: 4, unchanged: 0 });
    expect((await list('source=synthetic-corrected&limit=1')).items[0]!.series.caveats).toContain('A caveat added later.');
  });

  it('writes nothing when one row is bad, and names each bad row, column and reason (API: problem+json)', async () => {
    const mapping = syntheticMapping({ source: { ...syntheticMapping().source, id: 'synthetic-bad' } });
    const bad = [
      SYNTHETIC_CSV,
      '300;Synthetic theft;DEU;2022;12x;4',
      '300;Synthetic theft;XXX;2022;10;4',
      '300;Synthetic theft;DEU;20222;10;4',
      '300;Synthetic theft;DEU;2021;-5;4',
    ].join('\n');
    const series = await count('statistic_series');
    const values = await count('statistic_values');
    const report = await importText(bad, mapping);
    expect(report.errors).toEqual([
      { row: 6, column: 'suspects', message: expect.stringMatching(/^"12x" is not a number \(decimal separator "\.", no thousands separator/) },
      { row: 7, column: 'country', message: '"XXX" is not a alpha3 code of a country in Demarche\'s reference data' },
      { row: 8, column: 'year', message: '"20222" is not a year such as 2023' },
      { row: 9, column: 'suspects', message: 'is -5: a figure in number cannot be negative' },
    ]);
    expect(await count('statistic_series')).toBe(series);
    expect(await count('statistic_values')).toBe(values);

    const response = await t.request({
      method: 'POST',
      url: '/api/v1/statistics/imports',
      as: analyst,
      payload: { fileName: 'bad.csv', content: Buffer.from(bad).toString('base64'), mapping },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json<{ detail: string; errors: { field: string }[]; rows: unknown[] }>();
    expect(problem.detail).toBe('4 problem(s) in 4 row(s) of bad.csv; nothing was imported.');
    expect(problem.errors[0]).toMatchObject({ field: 'rows[6].suspects' });
    expect(problem.rows).toHaveLength(4);
    expect(await count('statistic_values')).toBe(values);
  });

  it('detects Latin-1 with umlauts and reads an XLSX table with title rows above the header', async () => {
    const latin1 = iconv.encode(
      'key;offence;country;year;suspects;foreign suspects\n400;Körperverletzung (synthetisch);DEU;2022;70;20\n410;Straßenraub (synthetisch);DEU;2022;30;10\n',
      'latin1',
    );
    const mapping = syntheticMapping({ source: { ...syntheticMapping().source, id: 'synthetic-latin1' } });
    const report = await importText(latin1, mapping, 'latin1.csv');
    expect(report.errors).toEqual([]);
    expect(report.file.encoding).toMatch(/^(ISO-8859-1|windows-1252|latin1)$/);
    const names = (await list('source=synthetic-latin1&group=total')).items.map((item) => item.series.offence?.name);
    expect(names).toEqual(['Körperverletzung (synthetisch)', 'Straßenraub (synthetisch)']);

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['Synthetic workbook: the figures are on the next sheet']);
    const sheet = workbook.addWorksheet('Table 2');
    sheet.addRow(['Synthetic statistics office: suspects by citizenship']);
    sheet.addRow(['Source: synthetic, for tests']);
    sheet.addRow([]);
    sheet.addRow(['Country', 'Year', 'Total', 'Foreign nationals']);
    sheet.addRow(['DEU', 2020, 1234, 321]);
    sheet.addRow(['FRA', 2020, { formula: '1000+2', result: 1002 }, 222]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const xlsxMapping = syntheticMapping({
      source: { ...syntheticMapping().source, id: 'synthetic-xlsx' },
      file: { format: 'xlsx', sheet: 'Table 2', skipRows: 3 },
      country: { column: 'Country', codes: 'alpha3' },
      year: { column: 'Year' },
      offence: undefined,
      indicator: { code: 'suspects', name: 'Suspects, all offences' },
      values: [
        { column: 'Total', group: 'total', unit: 'count' },
        { column: 'Foreign nationals', group: 'foreign_nationals', unit: 'count' },
      ],
    });
    const fromXlsx = await importText(xlsx, xlsxMapping, 'table.xlsx');
    expect(fromXlsx).toMatchObject({ errors: [], rows: 2, values: { created: 4 }, file: { format: 'xlsx', encoding: null } });
    expect((await list('source=synthetic-xlsx')).items.map((item) => `${item.country.code} ${item.series.group.code} ${item.value}`)).toEqual([
      'DE foreign_nationals 321',
      'DE total 1234',
      'FR foreign_nationals 222',
      'FR total 1002',
    ]);
    // Gzipped, found by its magic bytes even without the .gz name.
    const gz = await importText(gzipSync(xlsx), { ...xlsxMapping, source: { ...xlsxMapping.source, id: 'synthetic-xlsx-gz' } }, 'upload.bin');
    expect(gz).toMatchObject({ errors: [], file: { gzipped: true }, values: { created: 4 } });
    // A missing column is the mapping's problem, named with what the header has.
    const wrongColumn = await importText(xlsx, { ...xlsxMapping, year: { column: 'Jahr' } }, 'table.xlsx');
    expect(wrongColumn.errors).toEqual([
      {
        row: 4,
        column: 'mapping.year.column',
        message: 'names the column "Jahr", which the header (row 4) does not have; it has "Country", "Year", "Total", "Foreign nationals"',
      },
    ]);
  });

  it('answers every malformed mapping or file with a 400 naming the problem, writing nothing', async () => {
    const values = await count('statistic_values');
    const good = syntheticMapping({ source: { ...syntheticMapping().source, id: 'synthetic-fuzz' } });
    const cases: { name: string; body: unknown; field: RegExp }[] = [
      { name: 'no mapping', body: { fileName: 'a.csv', content: 'YQ==' }, field: /^body\.mapping$/ },
      {
        name: 'unknown unit',
        body: { fileName: 'a.csv', content: 'YQ==', mapping: { ...good, values: [{ column: 'suspects', group: 'total', unit: 'dozens' }] } },
        field: /^body\.mapping\.values\.0\.unit$/,
      },
      {
        name: 'unknown encoding',
        body: { fileName: 'a.csv', content: Buffer.from(SYNTHETIC_CSV).toString('base64'), mapping: { ...good, file: { format: 'csv', encoding: 'klingon' } } },
        field: /^file$/,
      },
      { name: 'not base64', body: { fileName: 'a.csv', content: '!!!', mapping: good }, field: /^body\.content$/ },
      {
        name: 'binary noise as CSV',
        body: { fileName: 'a.csv', content: Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]).toString('base64'), mapping: good },
        field: /^file$/,
      },
      {
        name: 'CSV said to be XLSX',
        body: { fileName: 'a.xlsx', content: Buffer.from(SYNTHETIC_CSV).toString('base64'), mapping: { ...good, file: { format: 'xlsx' } } },
        field: /^file$/,
      },
      {
        name: 'XLSX-like bytes said to be CSV',
        body: { fileName: 'a.csv', content: Buffer.from('PK\u0003\u0004rest').toString('base64'), mapping: good },
        field: /^file$/,
      },
      { name: 'broken gzip', body: { fileName: 'a.csv.gz', content: Buffer.from([0x1f, 0x8b, 1, 2, 3]).toString('base64'), mapping: good }, field: /^file$/ },
      {
        name: 'header only, skipping past it',
        body: { fileName: 'a.csv', content: Buffer.from('a;b\n').toString('base64'), mapping: { ...good, file: { format: 'csv', skipRows: 5 } } },
        field: /^file$/,
      },
      { name: 'unclosed quote', body: { fileName: 'a.csv', content: Buffer.from('key;offence\n"100;x\n').toString('base64'), mapping: good }, field: /^file$/ },
      {
        name: 'bad regular expression',
        body: { fileName: 'a.csv', content: 'YQ==', mapping: { ...good, filters: [{ column: 'key', pattern: '(' }] } },
        field: /^body\.mapping\.filters\.0\.pattern$/,
      },
      {
        name: 'column number past the header',
        body: { fileName: 'a.csv', content: Buffer.from(SYNTHETIC_CSV).toString('base64'), mapping: { ...good, year: { column: 99 } } },
        field: /^rows\[1\]\.mapping\.year\.column$/,
      },
      {
        name: 'constant country unknown',
        body: { fileName: 'a.csv', content: Buffer.from(SYNTHETIC_CSV).toString('base64'), mapping: { ...good, country: { constant: 'QQ' } } },
        field: /^rows\[1\]\.mapping\.country\.constant$/,
      },
      {
        name: 'two columns, one series',
        body: { fileName: 'a.csv', content: Buffer.from(SYNTHETIC_CSV).toString('base64'), mapping: { ...good, values: [good.values[0], good.values[0]] } },
        field: /^rows\[1\]\.mapping\.values\[1\]$/,
      },
    ];
    for (const { name, body, field } of cases) {
      const response = await t.request({ method: 'POST', url: '/api/v1/statistics/imports', as: analyst, payload: body as object });
      expect(response.statusCode, `${name}: ${response.body}`).toBe(400);
      expect(response.headers['content-type'], name).toContain('application/problem+json');
      const problem = response.json<{ errors: { field: string; message: string }[] }>();
      expect(
        problem.errors.map((error) => error.field),
        `${name}: ${response.body}`,
      ).toContainEqual(expect.stringMatching(field));
    }
    expect(await count('statistic_values')).toBe(values);
  });

  it('lets only headquarters analysts and administrators import', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/statistics/imports',
      as: officer,
      payload: { fileName: 'a.csv', content: Buffer.from(SYNTHETIC_CSV).toString('base64'), mapping: syntheticMapping() },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ detail: 'Your role (officer) does not allow this (statistics.import).' });
    await expect(importText(SYNTHETIC_CSV, syntheticMapping(), 'a.csv', officer)).rejects.toThrow('statistics.import');
  });
});

describe('demarche statistics import', () => {
  let env: NodeJS.ProcessEnv;
  let folder: string;
  let database: TestDatabase | undefined;
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), interactive: false, env, stdin: async () => '' };
    const code = await main(['node', 'demarche', ...args], io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'demarche-cli-statistics-'));
    env = { DATA_DIR: folder };
    if (process.env.TEST_DATABASE_URL) {
      database = await createTestDatabase({ migrate: false });
      env.DATABASE_URL = database.url;
    }
  });
  afterAll(async () => database?.close());

  it('imports with a mapping, prints each bad row and exits 1 writing nothing, and says when a mapping is wrong', { timeout: 120_000 }, async () => {
    expect((await run(['db', 'seed'])).code).toBe(0);
    const mappingFile = path.join(folder, 'mapping.json');
    writeFileSync(mappingFile, JSON.stringify(syntheticMapping()));
    const file = path.join(folder, 'table.csv');
    writeFileSync(file, `${SYNTHETIC_CSV}\n300;Synthetic theft;DEU;2022;12x;4\n`);
    const invalid = await run(['statistics', 'import', file, '--mapping', mappingFile]);
    expect(invalid.code).toBe(1);
    expect(invalid.err.split('\n')).toEqual([
      expect.stringMatching(/^row 6, suspects: "12x" is not a number/),
      `demarche: 1 problem(s) in 1 row(s) of ${file}; nothing was imported.`,
    ]);

    writeFileSync(file, SYNTHETIC_CSV);
    expect(await run(['statistics', 'import', file, '--mapping', mappingFile, '--dry-run'])).toMatchObject({
      code: 0,
      out: expect.stringContaining(
        'Would import (series: 4 new, 0 updated, 0 unchanged; figures: 7 new, 0 updated, 0 unchanged). Nothing was written (--dry-run).',
      ),
    });
    const imported = await run(['statistics', 'import', file, '--mapping', mappingFile]);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out.split('\n')).toEqual([
      `Read 4 row(s) of ${file} (CSV, utf-8, separator ";").`,
      '  skipped 1 row(s) or figure(s): no figure in the column "foreign suspects" (“-”) (e.g. row 4)',
      'Imported synthetic-police (series: 4 new, 0 updated, 0 unchanged; figures: 7 new, 0 updated, 0 unchanged).',
    ]);
    expect((await run(['statistics', 'import', file, '--mapping', mappingFile])).out).toContain('figures: 0 new, 0 updated, 7 unchanged');

    writeFileSync(mappingFile, JSON.stringify({ ...syntheticMapping(), values: [{ column: 'suspects', group: 'everyone', unit: 'count' }] }));
    const wrongMapping = await run(['statistics', 'import', file, '--mapping', mappingFile]);
    expect(wrongMapping.code).toBe(1);
    expect(wrongMapping.err).toContain('mapping.values.0.group: must be one of total, nationals, foreign_nationals');
    writeFileSync(mappingFile, '{ not json');
    expect((await run(['statistics', 'import', file, '--mapping', mappingFile])).err).toContain('mapping: is not valid JSON');
    expect((await run(['statistics', 'import', path.join(folder, 'missing.csv'), '--mapping', mappingFile])).err).toContain('no such file');
    expect((await run(['audit', 'verify'])).code).toBe(0);
  });
});
