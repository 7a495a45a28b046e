import { describe, expect, it } from 'vitest';
import type { TFigureValue } from '../../shared/evidence';
import {
  breakAt,
  breaksBetween,
  type ComparedFacts,
  complement,
  complementGroup,
  definitionMismatches,
  type Denominator,
  immigrationLawFigure,
  rateFor,
  residentsOf,
  type SeriesFacts,
} from './evidence-rules';

const GERMANY = { name: 'Germany', demonym: 'German' };

/** A synthetic series of residents counted by citizenship, linked to a synthetic population. */
const figure = (overrides: Partial<SeriesFacts> = {}): SeriesFacts => ({
  key: 'synthetic/suspects/foreign_nationals',
  groupCode: 'foreign_nationals',
  groupDefinition: 'citizenship',
  justiceStage: 'suspect',
  immigrationLawOffences: 'excluded',
  standardisation: 'none',
  unit: 'count',
  kind: 'figure',
  coverage: 'residents',
  denominator: { seriesKey: 'synthetic/population/foreign_nationals', description: 'Synthetic resident population by citizenship' },
  seriesBreaks: [],
  ...overrides,
});

const population = (overrides: Partial<SeriesFacts> = {}, values: [number, number][] = [[2022, 200_000]]): Denominator => ({
  series: figure({
    key: 'synthetic/population/foreign_nationals',
    justiceStage: 'not_applicable',
    immigrationLawOffences: 'not_applicable',
    kind: 'population',
    denominator: null,
    ...overrides,
  }),
  values: new Map(values),
});

const exact = (value: number): TFigureValue => ({ kind: 'exact', value });

describe('rateFor: a rate per 100,000 only with a denominator of the same definition, year and resident population', () => {
  it('gives the rate when everything matches, and a range of rates for a range', () => {
    expect(rateFor({ figure: figure(), value: exact(1000), year: 2022, place: GERMANY, denominator: population() })).toEqual({
      valid: true,
      low: 500,
      high: 500,
      denominator: {
        seriesKey: 'synthetic/population/foreign_nationals',
        year: 2022,
        value: 200_000,
        description: 'Synthetic resident population by citizenship',
      },
    });
    const range = rateFor({
      figure: figure(),
      value: { kind: 'range', low: 600, high: 1000, reason: 'r' },
      year: 2022,
      place: GERMANY,
      denominator: population(),
    });
    expect(range).toMatchObject({ valid: true, low: 300, high: 500 });
  });

  it('allows totals of different (or no) group definitions: everyone is everyone', () => {
    const rate = rateFor({
      figure: figure({ groupCode: 'total', groupDefinition: 'citizenship' }),
      value: exact(50),
      year: 2022,
      place: GERMANY,
      denominator: population({ groupCode: 'total', groupDefinition: 'none' }, [[2022, 1000]]),
    });
    expect(rate).toMatchObject({ valid: true, low: 5000 });
  });

  const refusals: [string, Parameters<typeof rateFor>[0], RegExp][] = [
    [
      'no figure that year',
      { figure: figure(), value: { kind: 'none', reason: 'x' }, year: 2022, place: GERMANY, denominator: population() },
      /no figure for 2022/,
    ],
    ['a percentage', { figure: figure({ unit: 'percent' }), value: exact(12), year: 2022, place: GERMANY, denominator: population() }, /already a percentage/],
    [
      'a published rate',
      { figure: figure({ unit: 'per_100k' }), value: exact(12), year: 2022, place: GERMANY, denominator: population() },
      /already a rate per 100,000/,
    ],
    ['a population', { figure: figure({ kind: 'population' }), value: exact(12), year: 2022, place: GERMANY, denominator: population() }, /is a population/],
    [
      'suspects including non-residents (the BKA non-German suspects)',
      { figure: figure({ coverage: 'includes_non_residents', denominator: null }), value: exact(923269), year: 2023, place: GERMANY, denominator: null },
      /suspects counted include people who do not live in Germany .* no valid rate per 100,000 non-German residents exists/,
    ],
    [
      'non-residents included, even with a matching population linked',
      { figure: figure({ coverage: 'includes_non_residents' }), value: exact(1000), year: 2022, place: GERMANY, denominator: population() },
      /no valid rate per 100,000 non-German residents/,
    ],
    [
      'coverage unknown',
      { figure: figure({ coverage: 'unknown' }), value: exact(1000), year: 2022, place: GERMANY, denominator: population() },
      /does not say whether the suspects counted all live in Germany/,
    ],
    [
      'no denominator named',
      { figure: figure({ denominator: null }), value: exact(1000), year: 2022, place: GERMANY, denominator: null },
      /no population of the same definition/,
    ],
    [
      'a denominator described but not imported',
      {
        figure: figure({ denominator: { seriesKey: null, description: 'The resident population' } }),
        value: exact(1000),
        year: 2022,
        place: GERMANY,
        denominator: null,
      },
      /\(The resident population\) is not imported/,
    ],
    ['a denominator key that matches no series', { figure: figure(), value: exact(1000), year: 2022, place: GERMANY, denominator: null }, /is not imported/],
    [
      'a denominator that is not a population',
      { figure: figure(), value: exact(1000), year: 2022, place: GERMANY, denominator: population({ kind: 'figure' }) },
      /is not a population/,
    ],
    [
      'population by country of birth, figures by citizenship',
      {
        figure: figure(),
        value: exact(1000),
        year: 2022,
        place: GERMANY,
        denominator: population({ groupDefinition: 'country_of_birth', groupCode: 'foreign_nationals' }),
      },
      /counted by country of birth, the figures by citizenship/,
    ],
    [
      'population by migration background, figures by citizenship',
      { figure: figure(), value: exact(1000), year: 2022, place: GERMANY, denominator: population({ groupDefinition: 'migration_background' }) },
      /counted by migration background, the figures by citizenship/,
    ],
    [
      'figures by country of birth, population by citizenship',
      {
        figure: figure({ groupDefinition: 'country_of_birth', groupCode: 'foreign_born' }),
        value: exact(1000),
        year: 2022,
        place: GERMANY,
        denominator: population({ groupCode: 'foreign_born' }),
      },
      /counted by citizenship, the figures by country of birth/,
    ],
    [
      'population of another group (the total for a group)',
      { figure: figure(), value: exact(1000), year: 2022, place: GERMANY, denominator: population({ groupCode: 'total' }) },
      /another group \(Total \(everyone\)\) than the figures \(Foreign nationals/,
    ],
    [
      'a population that is not of residents',
      { figure: figure(), value: exact(1000), year: 2022, place: GERMANY, denominator: population({ coverage: 'includes_non_residents' }) },
      /not the resident population/,
    ],
    [
      'a population of another year only',
      { figure: figure(), value: exact(1000), year: 2023, place: GERMANY, denominator: population({}, [[2022, 200_000]]) },
      /no figure for 2023 \(it has only 2022\); a population of another year is not used/,
    ],
    [
      'a population with gaps',
      {
        figure: figure(),
        value: exact(1000),
        year: 2021,
        place: GERMANY,
        denominator: population({}, [
          [2020, 1],
          [2022, 2],
        ]),
      },
      /it has 2020–2022, not every year/,
    ],
    [
      'a population of zero',
      { figure: figure(), value: exact(1000), year: 2022, place: GERMANY, denominator: population({}, [[2022, 0]]) },
      /population for 2022 is 0/,
    ],
  ];
  it.each(refusals)('gives no rate for %s, and says why', (_name, input, reason) => {
    const rate = rateFor(input);
    expect(rate.valid).toBe(false);
    expect(rate.valid === false && rate.reason).toMatch(reason);
  });

  it('names the residents of each group in words', () => {
    expect(residentsOf('foreign_nationals', GERMANY)).toBe('non-German residents');
    expect(residentsOf('nationals', GERMANY)).toBe('German residents');
    expect(residentsOf('foreign_nationals', { name: 'Atlantis', demonym: null })).toBe('residents who are not citizens of Atlantis');
    expect(residentsOf('total', GERMANY)).toBe('residents of Germany');
    expect(residentsOf('foreign_born', GERMANY)).toBe('foreign-born residents');
  });
});

describe('immigrationLawFigure: excluded exactly where the source separates them, else the bounds the data supports', () => {
  const keys = { containsImmigrationLaw: true, onlyName: 'key 725000', excludedName: 'key 890000' };

  it('uses the source’s own figure without them where it has one (BKA from 2005: key 890000)', () => {
    expect(immigrationLawFigure({ included: 923269, excluded: 694981, only: 271359 }, 'exclude', keys).value).toEqual(exact(694981));
  });

  it('gives the bounded range otherwise: at least all − 725000, at most all (BKA before 2005)', () => {
    const { value, note } = immigrationLawFigure({ included: 546985, only: 108210 }, 'exclude', keys);
    expect(value).toMatchObject({ kind: 'range', low: 546985 - 108210, high: 546985 });
    expect(value.kind === 'range' && value.reason).toMatch(/counts a person once per offence key.*at least 546,985 − 108,210 = 438,775.*at most 546,985/);
    expect(note).toMatch(/bounded range/);
  });

  it('never gives a lower bound below 0, even from inconsistent figures', () => {
    expect(immigrationLawFigure({ included: 10, only: 25 }, 'exclude', keys).value).toMatchObject({ kind: 'range', low: 0, high: 10 });
  });

  it('gives 0 to the whole when nothing separates them, and is exact when there were none', () => {
    expect(immigrationLawFigure({ included: 500 }, 'exclude', keys).value).toMatchObject({ kind: 'range', low: 0, high: 500 });
    expect(immigrationLawFigure({ included: 500, only: 0 }, 'exclude', keys).value).toEqual(exact(500));
    expect(immigrationLawFigure({}, 'exclude', keys).value.kind).toBe('none');
  });

  it('includes them as the source counts them, or as the bounds of a union of non-additive counts', () => {
    expect(immigrationLawFigure({ included: 923269, excluded: 694981, only: 271359 }, 'include', keys).value).toEqual(exact(923269));
    expect(immigrationLawFigure({ excluded: 700, only: 300 }, 'include', keys).value).toMatchObject({ kind: 'range', low: 700, high: 1000 });
    expect(immigrationLawFigure({ excluded: 100, only: 300 }, 'include', keys).value).toMatchObject({ kind: 'range', low: 300, high: 400 });
    expect(immigrationLawFigure({ only: 300 }, 'include', keys).value.kind).toBe('none');
  });

  it('changes nothing for an offence group that contains no immigration-law offences', () => {
    const none = { ...keys, containsImmigrationLaw: false };
    for (const mode of ['include', 'exclude'] as const) {
      const { value, note } = immigrationLawFigure({ excluded: 79088 }, mode, none);
      expect(value).toEqual(exact(79088));
      expect(note).toMatch(/contains no immigration-law offences/);
    }
  });

  it('holds on the BKA figures where the exact one is known: every year 2005–2023 falls within the bounds', () => {
    // all offences, 725000, 890000 non-German suspects, from the real table (2005, 2015, 2016, 2023).
    const years: [number, number, number][] = [
      [519573, 86200, 448544],
      [911864, 388067, 555820],
      [953744, 380142, 616230],
      [923269, 271359, 694981],
    ];
    for (const [included, only, excluded] of years) {
      const range = immigrationLawFigure({ included, only }, 'exclude', keys).value;
      expect(range.kind === 'range' && range.low <= excluded && excluded <= range.high).toBe(true);
    }
  });
});

describe('complement: the other group from the total, exact within one offence key', () => {
  it('subtracts, and refuses a part larger than the whole or a missing figure', () => {
    expect(complement(2246767, 923269)).toBe(1323498);
    expect(complement(10, 11)).toBeUndefined();
    expect(complement(undefined, 1)).toBeUndefined();
    expect(complement(1, undefined)).toBeUndefined();
    expect(complementGroup('foreign_nationals')).toBe('nationals');
    expect(complementGroup('foreign_born')).toBe('native_born');
    expect(complementGroup('with_migration_background')).toBe('without_migration_background');
    expect(complementGroup('total')).toBeNull();
  });
});

describe('definitionMismatches: a warning for each definition two figures differ in, and never one axis', () => {
  const base: ComparedFacts = {
    label: 'A',
    groupDefinition: 'citizenship',
    justiceStage: 'suspect',
    immigrationLawOffences: 'excluded',
    standardisation: 'none',
    unit: 'count',
  };
  const cases: [string, Partial<ComparedFacts>, RegExp][] = [
    ['citizenship vs country of birth', { groupDefinition: 'country_of_birth' }, /how the groups are defined: by citizenship against by country of birth/],
    ['citizenship vs migration background', { groupDefinition: 'migration_background' }, /by citizenship against by migration background/],
    ['suspects vs convictions', { justiceStage: 'convicted' }, /justice stage: suspects .* against convicted/],
    ['suspects vs recorded offences', { justiceStage: 'recorded_offence' }, /justice stage/],
    ['immigration law included vs excluded', { immigrationLawOffences: 'included' }, /immigration-law offences: excludes .* against includes/],
    ['standardised vs not', { standardisation: 'age_sex' }, /standardisation: not standardised against standardised for age and sex/],
    ['count vs percent', { unit: 'percent' }, /unit: number against per cent/],
  ];
  it.each(cases)('warns on %s', (_name, change, message) => {
    const mismatches = definitionMismatches(base, { ...base, label: 'B', ...change });
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatch(message);
  });

  it('lists every difference at once, and none for figures of one definition', () => {
    expect(definitionMismatches(base, { ...base, groupDefinition: 'country_of_birth', justiceStage: 'convicted', unit: 'percent' })).toHaveLength(3);
    expect(definitionMismatches(base, { ...base, label: 'B' })).toEqual([]);
  });

  it('does not count "no split" or "not an offence statistic" as a difference of that definition', () => {
    expect(definitionMismatches(base, { ...base, groupDefinition: 'none' })).toEqual([]);
    expect(definitionMismatches(base, { ...base, immigrationLawOffences: 'not_applicable' })).toEqual([]);
  });
});

describe('series breaks', () => {
  const series = { seriesBreaks: [{ year: 2009, note: 'Counting rules changed.' }] };
  it('marks the year after a break, and finds the breaks between two years in either order', () => {
    expect(breakAt(series, 2009)).toBe('Counting rules changed.');
    expect(breakAt(series, 2008)).toBeNull();
    expect(breakAt(series, 2010)).toBeNull();
    expect(breaksBetween(series, 2005, 2023)).toEqual([{ year: 2009, note: 'Counting rules changed.' }]);
    expect(breaksBetween(series, 2023, 2005)).toHaveLength(1);
    expect(breaksBetween(series, 2008, 2009)).toHaveLength(1);
    expect(breaksBetween(series, 2009, 2023)).toEqual([]);
    expect(breaksBetween(series, 1990, 2008)).toEqual([]);
  });
});
