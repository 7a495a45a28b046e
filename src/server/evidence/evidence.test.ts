import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TEvidence, TEvidenceFigure } from '../../shared/evidence';
import type { TPage } from '../../shared/pagination';
import type { TStatistic, TStatisticsMappingInput } from '../../shared/statistics';
import { CLI } from '../audit/audit-context';
import { buildIncident } from '../incidents/test-builders';
import { PROJECT_ROOT } from '../project-root';
import { checkMapping, importStatistics, parseMapping } from '../statistics/import-statistics';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { getEvidence } from './evidence';
import { immigrationLawFigure } from './evidence-rules';
import { type OffenceGroup, readOffenceGroups } from './offence-groups';

const DATA = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
const BKA_FILE = path.join(DATA, 'bka-pks-zr-f-01-t01-faelle-1987-2023.csv.gz');
const UN_FILE = path.join(DATA, 'un-desa-migrant-stock-percent-1990-2019.csv');
const HAVE_DATA = existsSync(BKA_FILE) && existsSync(UN_FILE);
if (!HAVE_DATA) console.warn(`SKIPPED: the evidence panel on the real BKA and UN DESA files, because ${DATA} is absent (CI always has it).`);

const source = (id: string) => ({
  id,
  publisher: 'Synthetic statistics office',
  tableId: id.toUpperCase(),
  title: `Synthetic table ${id}`,
  url: `https://example.org/synthetic/${id}`,
  licence: 'CC0 1.0',
  retrievedOn: '2026-01-15',
});

/** Synthetic resident population by citizenship: a population series other series link to. */
const POPULATION: TStatisticsMappingInput = {
  source: source('synthetic-population'),
  file: { format: 'csv' },
  country: { column: 'country', codes: 'alpha2' },
  year: { column: 'year' },
  indicator: { code: 'population', name: 'Synthetic resident population' },
  definitions: {
    justiceStage: 'not_applicable',
    groupDefinition: 'citizenship',
    immigrationLawOffences: 'not_applicable',
    standardisation: 'none',
    kind: 'population',
    coverage: 'residents',
  },
  values: [
    { column: 'nationals', group: 'nationals', unit: 'count' },
    { column: 'foreigners', group: 'foreign_nationals', unit: 'count' },
  ],
  caveats: ['Synthetic: residents registered on 31 December.'],
};
const POPULATION_CSV = 'country,year,nationals,foreigners\nDE,2022,1000000,200000\nFR,2022,500000,50000\nDE,2021,990000,190000\n';

/** Synthetic suspects of residents, each group linked to its population. */
const SUSPECTS: TStatisticsMappingInput = {
  source: source('synthetic-suspects'),
  file: { format: 'csv' },
  country: { column: 'country', codes: 'alpha2' },
  year: { column: 'year' },
  offence: { key: '{key}', name: '{offence}' },
  indicator: { code: 'suspects:{key}', name: 'Suspects: {offence}' },
  definitions: { justiceStage: 'suspect', groupDefinition: 'citizenship', immigrationLawOffences: 'excluded', standardisation: 'none', coverage: 'residents' },
  caveats: ['Synthetic figures for tests.'],
  values: [
    {
      column: 'nationals',
      group: 'nationals',
      unit: 'count',
      definitions: { denominator: { seriesKey: 'synthetic-population/population/nationals', description: 'Synthetic resident nationals' } },
    },
    {
      column: 'foreigners',
      group: 'foreign_nationals',
      unit: 'count',
      definitions: { denominator: { seriesKey: 'synthetic-population/population/foreign_nationals', description: 'Synthetic resident foreign nationals' } },
    },
  ],
};
const SUSPECTS_CSV =
  'key,offence,country,year,nationals,foreigners\n100,Synthetic assault,DE,2022,3000,1000\n100,Synthetic assault,FR,2022,1000,200\n100,Synthetic assault,DE,2023,3100,1100\n';
const SYNTHETIC_GROUPS: OffenceGroup[] = [
  {
    id: 'all_offences',
    label: 'Synthetic assault',
    description: 'Synthetic',
    categories: [],
    sources: [{ source: 'synthetic-suspects', indicatorPrefix: 'suspects', excluded: '100', containsImmigrationLaw: false }],
  },
];

/**
 * A synthetic source of the total and foreign nationals, the foreign nationals' series with other
 * definitions than the total's (`foreigners` overrides them), as a careless mapping might give.
 */
const twoGroups = (id: string, foreigners: NonNullable<TStatisticsMappingInput['values'][number]['definitions']>): TStatisticsMappingInput => ({
  source: source(id),
  file: { format: 'csv' },
  country: { column: 'country', codes: 'alpha2' },
  year: { column: 'year' },
  offence: { key: '{key}', name: '{offence}' },
  indicator: { code: 'suspects:{key}', name: 'Suspects: {offence}' },
  definitions: { justiceStage: 'suspect', groupDefinition: 'citizenship', immigrationLawOffences: 'excluded', standardisation: 'none', coverage: 'residents' },
  values: [
    { column: 'total', group: 'total', unit: 'count' },
    { column: 'foreigners', group: 'foreign_nationals', unit: 'count', definitions: foreigners },
  ],
});
const TWO_GROUPS_CSV = 'key,offence,country,year,total,foreigners\n100,Synthetic assault,DE,2021,3900,950\n100,Synthetic assault,DE,2022,4000,1000\n';

const byGroup = (figures: TEvidenceFigure[]) => Object.fromEntries(figures.map((figure) => [figure.group.code, figure]));

describe('the evidence panel', () => {
  let t: TestApp;
  let analyst: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    analyst = await t.user({ role: 'hq_analyst', clearance: 'S' });
    if (!HAVE_DATA) return;
    for (const [file, mapping] of [
      [BKA_FILE, 'bka-pks-zr-f-01-t01.json'],
      [UN_FILE, 'un-desa-migrant-stock.json'],
    ] as const) {
      const report = await importStatistics(
        t.database,
        {
          bytes: readFileSync(file),
          fileName: path.basename(file),
          mapping: parseMapping(readFileSync(path.join(PROJECT_ROOT, 'docs', 'mappings', mapping), 'utf8')),
        },
        { actor: null, context: CLI, dryRun: false },
      );
      expect(report.errors).toEqual([]);
    }
  }, 300_000);
  afterAll(async () => t.close());

  const options = { actor: null, context: CLI, dryRun: false };
  const evidence = async (query: string, as: TestUser = analyst) => {
    const response = await t.request({ method: 'GET', url: `/api/v1/evidence?${query}`, as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<TEvidence>();
  };

  describe.skipIf(!HAVE_DATA)(`on the real BKA and UN DESA files in ${DATA}`, () => {
    it('shows German and non-German suspects side by side for 2023, immigration-law offences excluded exactly (key 890000), and no rate, saying why', async () => {
      const body = await evidence('country=DE');
      expect(body).toMatchObject({ country: { code: 'DE', name: 'Germany' }, year: 2023, immigrationLaw: 'exclude', offenceGroup: { id: 'all_offences' } });
      expect(body.years[0]).toBe(1987);
      expect(body.panels).toHaveLength(1);
      const [panel] = body.panels;
      expect(panel!.definitions).toMatchObject({
        justiceStage: { code: 'suspect' },
        groupDefinition: { code: 'citizenship' },
        immigrationLawOffences: { code: 'excluded' },
        coverage: { code: 'includes_non_residents' },
      });
      expect(panel!.figures.map((figure) => figure.group.code)).toEqual(['nationals', 'foreign_nationals']);
      const { nationals, foreign_nationals: foreign } = byGroup(panel!.figures);
      expect(foreign!.value).toEqual({ kind: 'exact', value: 694981 });
      expect(nationals!.value).toEqual({ kind: 'exact', value: 2017552 - 694981 });
      expect(nationals!.derived).toMatch(/total minus foreign nationals/);
      expect(foreign!.rate).toEqual({ valid: false, reason: expect.stringMatching(/no valid rate per 100,000 non-German residents exists/) });
      expect(nationals!.rate).toEqual({ valid: false, reason: expect.stringMatching(/no valid rate per 100,000 German residents exists/) });
      expect(panel!.total!.value).toEqual({ kind: 'exact', value: 2017552 });
      expect(panel!.map.every((entry) => entry.rates.length === 0 && entry.none !== null)).toBe(true);
      // The territory grew in 1991 (all of Berlin) and 1993 (all of Germany); the counting rules changed in 2009.
      expect(panel!.seriesBreaks.map((seriesBreak) => seriesBreak.year)).toEqual([1991, 1993, 2009]);
      expect(body.warnings.filter((warning) => warning.kind === 'series_break').map((warning) => warning.message)).toEqual([
        expect.stringMatching(/a series break in 1991\. .*old Länder with West Berlin.*all of Berlin.* do not compare figures across it/),
        expect.stringMatching(/a series break in 1993\. .*all of Germany.* do not compare figures across it/),
        expect.stringMatching(/a series break in 2009\. .*counting rules.* do not compare figures across it/),
      ]);
      // The UN DESA share is by country of birth: shown as context, with the warning that it is not comparable.
      expect(body.context).toEqual([expect.objectContaining({ year: 2019, value: expect.closeTo(15.72, 2) })]);
      expect(body.warnings.some((warning) => /by citizenship against by country of birth/.test(warning.message))).toBe(true);
      expect(body.caveats).toEqual(
        expect.arrayContaining([expect.stringMatching(/Non-German suspects include tourists/), expect.stringMatching(/not convicted offenders/)]),
      );
      expect(body.sources.map((item) => item.tableId).sort()).toEqual(['International Migrant Stock 2019, Table 3', 'PKS ZR-F-01-T01']);
    });

    it('turns the figures into bounded ranges with the reason where the BKA does not separate immigration-law offences (before 2005)', async () => {
      const body = await evidence('country=DE&year=2004');
      const { nationals, foreign_nationals: foreign } = byGroup(body.panels[0]!.figures);
      expect(foreign!.value).toMatchObject({ kind: 'range', low: 546985 - 108210, high: 546985 });
      expect(foreign!.value.kind === 'range' && foreign!.value.reason).toMatch(/counts a person once per offence key/);
      // Germans: total minus non-German, for all offences and for 725000 alike.
      const germanAll = 2384268 - 546985;
      const german725 = 116348 - 108210;
      expect(nationals!.value).toMatchObject({ kind: 'range', low: germanAll - german725, high: germanAll });
      const included = await evidence('country=DE&year=2004&immigrationLaw=include');
      expect(byGroup(included.panels[0]!.figures).foreign_nationals!.value).toEqual({ kind: 'exact', value: 546985 });
      expect(included.panels[0]!.definitions.immigrationLawOffences.code).toBe('included');
    });

    it('says of each figure of 1993, the first year of all of Germany, that it is not comparable with 1992', async () => {
      const first = await evidence('country=DE&year=1993');
      expect(first.panels[0]!.figures.map((figure) => figure.group.code)).toEqual(['nationals', 'foreign_nationals']);
      for (const figure of [...first.panels[0]!.figures, first.panels[0]!.total!]) expect(figure.seriesBreak).toMatch(/from 1993 on all of Germany/);
      expect(byGroup((await evidence('country=DE&year=1994')).panels[0]!.figures).foreign_nationals!.seriesBreak).toBeNull();
    });

    it('keeps the exact figure (key 890000) within both bounds the rules give without it, for each group, every year 2005–2023', async () => {
      /** The BKA's own figures of one key, by group and year, as imported. */
      const figures = async (key: string) => {
        const response = await t.request({ method: 'GET', url: `/api/v1/statistics?country=DE&indicator=suspects:${key}&limit=500`, as: analyst });
        const byGroupAndYear = new Map<string, number>();
        for (const item of response.json<TPage<TStatistic>>().items) byGroupAndYear.set(`${item.series.group.code} ${item.year}`, item.value);
        return (group: 'total' | 'foreign_nationals', year: number) => byGroupAndYear.get(`${group} ${year}`);
      };
      const [all, only, without] = await Promise.all([figures('------'), figures('725000'), figures('890000')]);
      /** German suspects: total minus non-German, per key, as the panel derives them. */
      const german = (of: typeof all, year: number) => of('total', year)! - of('foreign_nationals', year)!;
      const years = Array.from({ length: 37 }, (_, i) => 1987 + i).filter((year) => without('total', year) !== undefined);
      expect(years).toEqual(Array.from({ length: 19 }, (_, i) => 2005 + i));
      const keys = { containsImmigrationLaw: true, onlyName: 'key 725000', excludedName: 'key 890000' };
      for (const year of years)
        for (const [group, exact, included, immigration] of [
          ['foreign_nationals', without('foreign_nationals', year)!, all('foreign_nationals', year)!, only('foreign_nationals', year)!],
          ['nationals', german(without, year), german(all, year), german(only, year)],
        ] as const) {
          // The rule as it is applied before 2005, where the BKA has no key 890000.
          const { value } = immigrationLawFigure({ included, only: immigration }, 'exclude', keys);
          expect(value.kind, `${group} ${year}`).toBe('range');
          if (value.kind !== 'range') continue;
          expect(value.low, `${group} ${year}: lower bound`).toBe(Math.max(0, included - immigration));
          expect(exact, `${group} ${year}: ${value.low} ≤ ${exact}`).toBeGreaterThanOrEqual(value.low);
          expect(exact, `${group} ${year}: ${exact} ≤ ${value.high}`).toBeLessThanOrEqual(value.high);
        }
      // docs/evidence.md's example: 2023, non-German suspects.
      expect([all('foreign_nationals', 2023)! - only('foreign_nationals', 2023)!, without('foreign_nationals', 2023), all('foreign_nationals', 2023)]).toEqual([
        651_910, 694_981, 923_269,
      ]);
      // And the panel shows the BKA's exact figure from 2005 on, a range before.
      const body = await evidence('country=DE');
      for (const series of body.panels[0]!.series) {
        expect(series.points.filter((point) => point.year >= 2005).every((point) => point.value.kind === 'exact')).toBe(true);
        expect(series.points.filter((point) => point.year < 2005).every((point) => point.value.kind === 'range')).toBe(true);
      }
    });

    it('shows the violent-crime figures for that category, which contain no immigration-law offences, and none for a category that maps to nothing', async () => {
      const violent = await evidence('country=DE&category=violent_crime');
      expect(violent.offenceGroup.id).toBe('violent_crime');
      expect(byGroup(violent.panels[0]!.figures).foreign_nationals!.value).toEqual({ kind: 'exact', value: 79088 });
      expect(byGroup(violent.panels[0]!.figures).foreign_nationals!.immigrationLaw).toMatch(/contains no immigration-law offences/);
      const unmapped = await evidence('country=DE&category=anti_muslim_incident');
      expect(unmapped.panels).toEqual([]);
      expect(unmapped.warnings).toEqual([expect.objectContaining({ kind: 'category_unmapped' })]);
    });
  });

  it('gives a rate only with a linked resident population of the same group, definition and year, and maps only valid rates', async () => {
    for (const [csv, mapping] of [
      [POPULATION_CSV, POPULATION],
      [SUSPECTS_CSV, SUSPECTS],
    ] as const) {
      const report = await importStatistics(t.database, { bytes: Buffer.from(csv), fileName: 'synthetic.csv', mapping: checkMapping(mapping) }, options);
      expect(report.errors).toEqual([]);
    }
    const body = await getEvidence(t.database.db, { country: 'DE', year: 2022, immigrationLaw: 'exclude' }, analyst.actor, { offenceGroups: SYNTHETIC_GROUPS });
    const { nationals, foreign_nationals: foreign } = byGroup(body.panels[0]!.figures);
    expect(nationals!.rate).toMatchObject({ valid: true, low: 300, high: 300, denominator: { year: 2022, value: 1_000_000 } });
    expect(foreign!.rate).toMatchObject({ valid: true, low: 500, high: 500, denominator: { seriesKey: 'synthetic-population/population/foreign_nationals' } });
    // The population a rate is divided by is a figure shown: its source is linked and its caveats listed.
    expect(body.panels[0]!.denominatorSources.map((linked) => linked.url)).toEqual(['https://example.org/synthetic/synthetic-population']);
    expect(body.sources.map((linked) => linked.url)).toContain('https://example.org/synthetic/synthetic-population');
    expect(body.panels[0]!.caveats).toContain('Synthetic: residents registered on 31 December.');
    expect(body.caveats).toContain('Synthetic: residents registered on 31 December.');
    expect(body.panels[0]!.map.find((entry) => entry.group.code === 'foreign_nationals')!.rates).toEqual([
      { country: 'DE', name: 'Germany', low: 500, high: 500 },
      { country: 'FR', name: 'France', low: 400, high: 400 },
    ]);
    // 2023 has figures but no population: no rate, and the reason names the years it has.
    const later = await getEvidence(t.database.db, { country: 'DE', year: 2023, immigrationLaw: 'exclude' }, analyst.actor, {
      offenceGroups: SYNTHETIC_GROUPS,
    });
    expect(byGroup(later.panels[0]!.figures).foreign_nationals!.rate).toEqual({
      valid: false,
      reason: expect.stringMatching(/no figure for 2023 \(it has 2021–2022, not every year\)/),
    });
    // No rate shown, so no population is cited.
    expect(later.panels[0]!.denominatorSources).toEqual([]);
    expect(later.panels[0]!.caveats).not.toContain('Synthetic: residents registered on 31 December.');
    expect(later.panels[0]!.map[0]!.none).toMatch(/no map/);
  });

  it('never draws series of different definitions together: a group standardised otherwise, or of another justice stage, gets a panel of its own and no complement', async () => {
    for (const [id, foreigners] of [
      ['synthetic-matched', {}],
      ['synthetic-standardised', { standardisation: 'age_sex' }],
      ['synthetic-convicted', { justiceStage: 'convicted' }],
    ] as const) {
      const report = await importStatistics(
        t.database,
        { bytes: Buffer.from(TWO_GROUPS_CSV), fileName: `${id}.csv`, mapping: checkMapping(twoGroups(id, foreigners)) },
        options,
      );
      expect(report.errors).toEqual([]);
    }
    // The offence groups as a new publisher gives them: a file, read and checked like docs/mappings/offence-groups.json.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'demarche-evidence-')), 'offence-groups.json');
    const entry = (source: string) => ({ source, indicatorPrefix: 'suspects', excluded: '100', containsImmigrationLaw: false });
    writeFileSync(
      file,
      JSON.stringify({
        groups: [
          { id: 'all_offences', label: 'Synthetic assault', description: 'Synthetic', categories: [], sources: [entry('synthetic-matched')] },
          {
            id: 'standardised',
            label: 'Synthetic, standardised',
            description: 'Synthetic',
            categories: ['violent_crime'],
            sources: [entry('synthetic-standardised')],
          },
          { id: 'convicted', label: 'Synthetic, convicted', description: 'Synthetic', categories: ['homicide'], sources: [entry('synthetic-convicted')] },
        ],
      }),
    );
    const offenceGroups = readOffenceGroups(file);
    const panelsFor = (category?: string) =>
      getEvidence(t.database.db, { country: 'DE', category, year: 2022, immigrationLaw: 'exclude' }, analyst.actor, { offenceGroups });

    // The same definitions: one panel, nationals derived from the total.
    const matched = await panelsFor();
    expect(matched.panels).toHaveLength(1);
    expect(matched.panels[0]!.figures.map((figure) => [figure.group.code, figure.value, figure.derived !== null])).toEqual([
      ['nationals', { kind: 'exact', value: 3000 }, true],
      ['foreign_nationals', { kind: 'exact', value: 1000 }, false],
    ]);
    /** The warnings about the synthetic series (with ../shared/data, the UN DESA share adds its own about context). */
    const aboutSynthetic = (body: TEvidence) =>
      body.warnings
        .filter((warning) => warning.kind === 'definition_mismatch' && !warning.message.includes('International migrants'))
        .map((warning) => warning.message);
    expect(aboutSynthetic(matched)).toEqual([]);

    for (const [category, id, definition, why] of [
      [
        'violent_crime',
        'synthetic-standardised',
        'standardisation',
        /differ in standardisation: not standardised against standardised for age and sex, so they are not compared and not drawn on one axis/,
      ],
      ['homicide', 'synthetic-convicted', 'justiceStage', /differ in justice stage: suspects \(identified by the police, not convicted\) against convicted/],
    ] as const) {
      const body = await panelsFor(category);
      expect(body.panels.map((panel) => panel.title)).toEqual([
        `Suspects: Synthetic assault (Synthetic statistics office, ${id.toUpperCase()}): total (everyone)`,
        // Titled by the panel's own justice stage.
        `${definition === 'justiceStage' ? 'Convicted' : 'Suspects'}: Synthetic assault (Synthetic statistics office, ${id.toUpperCase()}): foreign nationals (non-citizens)`,
      ]);
      const [everyone, foreign] = body.panels;
      // The total alone on its chart; the foreign nationals alone on theirs, with their own definitions; no nationals anywhere.
      expect(everyone!.figures).toEqual([]);
      expect(everyone!.total!.value).toEqual({ kind: 'exact', value: 4000 });
      expect(everyone!.series.map((line) => line.group.code)).toEqual(['total']);
      expect(foreign!.figures.map((figure) => [figure.group.code, figure.value, figure.derived])).toEqual([
        ['foreign_nationals', { kind: 'exact', value: 1000 }, null],
      ]);
      expect(foreign!.total).toBeNull();
      expect(foreign!.series.map((line) => line.group.code)).toEqual(['foreign_nationals']);
      expect(foreign!.definitions[definition].code).not.toBe(everyone!.definitions[definition].code);
      expect(body.panels.flatMap((panel) => panel.figures.map((figure) => figure.group.code))).not.toContain('nationals');
      expect(aboutSynthetic(body)).toEqual([
        expect.stringMatching(
          new RegExp(`^Suspects: Synthetic assault, total \\(everyone\\) and Suspects: Synthetic assault, foreign nationals \\(non-citizens\\) ${why.source}`),
        ),
        expect.stringMatching(
          /^Nationals \(citizens of the country\) are not derived as the total minus foreign nationals \(non-citizens\) in “.*: foreign nationals \(non-citizens\)”: the total and that group are not counted by the same definitions/,
        ),
      ]);
    }
  });

  it('counts the incidents a reader may see, by legal status, verification and reliability: an SBU incident of Berlin not for a U-cleared reader', async () => {
    const drafter = await t.user({ role: 'officer', post: 'berlin', clearance: 'S' });
    await buildIncident(t.database.db, { post: 'berlin', draftedBy: drafter.actor.id, status: 'verified', legalStatus: 'charged', reliability: 'A' });
    await buildIncident(t.database.db, { post: 'berlin', draftedBy: drafter.actor.id, status: 'submitted', classification: 'SBU', reliability: 'C' });
    await buildIncident(t.database.db, { post: 'berlin', draftedBy: drafter.actor.id, status: 'submitted', category: 'homicide', reliability: 'B' });
    await buildIncident(t.database.db, { post: 'paris', draftedBy: drafter.actor.id, status: 'verified', country: 'FR' });

    const uOfficer = await t.user({ role: 'officer', post: 'berlin', clearance: 'U' });
    const seen = (await evidence('country=DE', uOfficer)).reported;
    expect(seen).toMatchObject({ label: 'Reported incidents, not a crime rate', total: 2 });
    expect(seen.byLegalStatus).toEqual([
      { code: 'reported', label: expect.any(String), count: 1 },
      { code: 'charged', label: expect.any(String), count: 1 },
    ]);

    const all = (await evidence('country=DE')).reported;
    expect(all.total).toBe(3);
    expect(all.byVerification.map(({ code, count }) => [code, count])).toEqual([
      ['verified', 1],
      ['submitted', 2],
    ]);
    expect(all.byReliability.map(({ code, count }) => [code, count])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 1],
    ]);
    expect((await evidence('country=DE&category=homicide')).reported.total).toBe(1);
    const parisOfficer = await t.user({ role: 'officer', post: 'paris', clearance: 'S' });
    expect((await evidence('country=DE', parisOfficer)).reported.total).toBe(0);
  });

  it('refuses an unknown country or category with a 400 naming it, and readers without records.read with a 403', async () => {
    const country = await t.request({ method: 'GET', url: '/api/v1/evidence?country=XX', as: analyst });
    expect(country.statusCode).toBe(400);
    expect(country.json().errors).toEqual([{ field: 'query.country', message: 'must be a country of the reference data; XX is none' }]);
    const category = await t.request({ method: 'GET', url: '/api/v1/evidence?country=DE&category=nope', as: analyst });
    expect(category.json().errors).toEqual([{ field: 'query.category', message: 'must be an incident category; "nope" is none' }]);
    const missing = await t.request({ method: 'GET', url: '/api/v1/evidence', as: analyst });
    expect(missing.json().errors[0].field).toBe('query.country');
    const admin = await t.user({ role: 'admin' });
    expect((await t.request({ method: 'GET', url: '/api/v1/evidence?country=DE', as: admin })).statusCode).toBe(403);
  });
});
