import type { TFigureValue, TImmigrationLawMode, TRate } from '../../shared/evidence';
import {
  COVERAGE_LABELS,
  GROUP_DEFINITION_LABELS,
  IMMIGRATION_LAW_OFFENCE_LABELS,
  JUSTICE_STAGE_LABELS,
  STANDARDISATION_LABELS,
  STATISTIC_GROUP_LABELS,
  STATISTIC_UNIT_LABELS,
  type TCoverage,
  type TGroupDefinition,
  type TImmigrationLawOffences,
  type TJusticeStage,
  type TSeriesKind,
  type TStandardisation,
  type TStatisticGroup,
  type TStatisticUnit,
} from '../../shared/statistics';

/**
 * The validity rules of every figure Demarche shows: when a rate per 100,000 may be given, how
 * immigration-law offences are taken out (exactly, or as the range the data supports), when two
 * figures may not be compared or share an axis, where a series break falls. One implementation,
 * pure, used by the evidence endpoint and so by the panel, its charts and its map; table-tested in
 * evidence-rules.test.ts. docs/evidence.md explains each rule and its reasoning.
 */

/** What the rules need to know of a series. */
export interface SeriesFacts {
  key: string;
  groupCode: TStatisticGroup;
  groupDefinition: TGroupDefinition;
  justiceStage: TJusticeStage;
  immigrationLawOffences: TImmigrationLawOffences;
  standardisation: TStandardisation;
  unit: TStatisticUnit;
  kind: TSeriesKind;
  coverage: TCoverage;
  denominator: { seriesKey: string | null; description: string } | null;
  seriesBreaks: { year: number; note: string }[];
}

/** The country the figures are about: its name and the adjective of its citizens (world-countries). */
export interface Place {
  name: string;
  demonym: string | null;
}

const count = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 1 });

/** "non-German residents", "residents born abroad": whom a rate of the group would be per 100,000 of. */
export function residentsOf(group: TStatisticGroup, place: Place): string {
  switch (group) {
    case 'total':
      return `residents of ${place.name}`;
    case 'nationals':
      return place.demonym ? `${place.demonym} residents` : `residents who are citizens of ${place.name}`;
    case 'foreign_nationals':
      return place.demonym ? `non-${place.demonym} residents` : `residents who are not citizens of ${place.name}`;
    case 'native_born':
      return 'native-born residents';
    case 'foreign_born':
      return 'foreign-born residents';
    case 'with_migration_background':
      return 'residents with a migration background';
    case 'without_migration_background':
      return 'residents without a migration background';
  }
}

const STAGE_NOUNS: Record<TJusticeStage, string> = {
  recorded_offence: 'offences recorded',
  suspect: 'suspects counted',
  prosecuted: 'people prosecuted',
  convicted: 'people convicted',
  prisoner: 'prisoners counted',
  not_applicable: 'people counted',
};

/** A population that a figure names as its denominator, with its figures by year. */
export interface Denominator {
  series: SeriesFacts;
  values: ReadonlyMap<number, number>;
}

/**
 * A rate per 100,000 only when the figure counts residents (or offences) and a population of the
 * same group, the same group definition and the same year, of residents, is linked to it;
 * otherwise the reason, in words. A range stays a range: its rate is a range too.
 */
export function rateFor(input: { figure: SeriesFacts; value: TFigureValue; year: number; place: Place; denominator: Denominator | null }): TRate {
  const { figure, value, year, place, denominator } = input;
  const whom = residentsOf(figure.groupCode, place);
  const no = (reason: string): TRate => ({ valid: false, reason });
  if (value.kind === 'none') return no(`There is no figure for ${year}, so there is no rate.`);
  if (figure.unit !== 'count')
    return no(`This figure is already ${figure.unit === 'percent' ? 'a percentage' : 'a rate per 100,000'}, not a count: it is not divided again.`);
  if (figure.kind === 'population') return no('This is a population, the denominator of rates, not a figure to divide.');
  if (figure.coverage === 'includes_non_residents')
    return no(
      `No rate per 100,000 is given: the ${STAGE_NOUNS[figure.justiceStage]} include people who do not live in ${place.name} ` +
        `(visitors, people in transit, cross-border commuters, people without residence), so no valid rate per 100,000 ${whom} exists: ` +
        'dividing them by the resident population would count people in the numerator who are not in the denominator.',
    );
  if (figure.coverage === 'unknown')
    return no(
      `No rate per 100,000 is given: the source does not say whether the ${STAGE_NOUNS[figure.justiceStage]} all live in ${place.name}, ` +
        `so they cannot be divided by the number of ${whom}.`,
    );
  if (!figure.denominator)
    return no(`No rate per 100,000 is given: no population of the same definition is known to divide these figures by (${whom}, ${year}).`);
  if (!figure.denominator.seriesKey || !denominator)
    return no(`No rate per 100,000 is given: the population to divide by (${figure.denominator.description}) is not imported into Demarche.`);
  const population = denominator.series;
  if (population.kind !== 'population') return no(`No rate per 100,000 is given: the series named as the denominator (${population.key}) is not a population.`);
  const bothTotals = figure.groupCode === 'total' && population.groupCode === 'total';
  if (!bothTotals && population.groupDefinition !== figure.groupDefinition)
    return no(
      `No rate per 100,000 is given: the population is counted ${GROUP_DEFINITION_LABELS[population.groupDefinition].toLowerCase()}, ` +
        `the figures ${GROUP_DEFINITION_LABELS[figure.groupDefinition].toLowerCase()}; dividing one by the other would divide one group by another.`,
    );
  if (population.groupCode !== figure.groupCode)
    return no(
      `No rate per 100,000 is given: the population is of another group (${STATISTIC_GROUP_LABELS[population.groupCode]}) ` +
        `than the figures (${STATISTIC_GROUP_LABELS[figure.groupCode]}).`,
    );
  if (population.coverage !== 'residents')
    return no(
      `No rate per 100,000 is given: the population named as the denominator is not the resident population (${COVERAGE_LABELS[population.coverage]}).`,
    );
  const size = denominator.values.get(year);
  if (size === undefined) {
    const years = [...denominator.values.keys()].sort((a, b) => a - b);
    const has = years.length === 0 ? 'none at all' : years.length === 1 ? `only ${years[0]}` : `${years[0]}–${years.at(-1)}, not every year`;
    return no(`No rate per 100,000 is given: the population has no figure for ${year} (it has ${has}); a population of another year is not used.`);
  }
  if (size <= 0) return no(`No rate per 100,000 is given: the population for ${year} is ${count(size)}.`);
  const per = (n: number) => (n / size) * 100_000;
  const [low, high] = value.kind === 'exact' ? [value.value, value.value] : [value.low, value.high];
  return {
    valid: true,
    low: per(low),
    high: per(high),
    denominator: { seriesKey: population.key, year, value: size, description: figure.denominator.description },
  };
}

/** The figures of one group and year for an offence group: with, without and only immigration-law offences. */
export interface ImmigrationLawParts {
  /** The offence group with immigration-law offences in it (BKA: ------, all offences). */
  included?: number;
  /** The same without them, where the source publishes it (BKA: 890000, from 2005). */
  excluded?: number;
  /** Immigration-law offences alone (BKA: 725000). */
  only?: number;
}

export interface ImmigrationLawKeys {
  /** Whether the offence group contains immigration-law offences at all (violent crime does not). */
  containsImmigrationLaw: boolean;
  /** How the source names them: "key 725000". */
  onlyName: string;
  excludedName: string;
}

/**
 * The figure with immigration-law offences included or excluded, exactly where the source gives
 * it and otherwise as the bounds the data supports. People (suspects) are counted once per
 * offence key, so the count without immigration-law offences is the number of people suspected
 * of at least one other offence, X, and:
 *   - every such person is among those of the whole group: X ≤ included;
 *   - everyone in the whole group who is not in X was suspected of immigration-law offences only,
 *     and there are at most `only` of them: X ≥ included − only; and X ≥ 0.
 * With them included (the union), from the parts without and only: max(excluded, only) ≤ N ≤
 * excluded + only. Figures of offences (cases) are additive; these bounds hold for them too.
 */
export function immigrationLawFigure(parts: ImmigrationLawParts, mode: TImmigrationLawMode, keys: ImmigrationLawKeys): { value: TFigureValue; note: string } {
  const { included, excluded, only } = parts;
  if (!keys.containsImmigrationLaw) {
    const value = excluded ?? included;
    return {
      value: value === undefined ? { kind: 'none', reason: 'The source has no figure for this year.' } : { kind: 'exact', value },
      note: 'This offence group contains no immigration-law offences: the figure is the same with them included or excluded.',
    };
  }
  if (mode === 'include') {
    if (included !== undefined) return { value: { kind: 'exact', value: included }, note: 'Immigration-law offences included, as the source counts them.' };
    if (excluded !== undefined && only !== undefined)
      return {
        value: {
          kind: 'range',
          low: Math.max(excluded, only),
          high: excluded + only,
          reason:
            `The source has no figure with immigration-law offences for this year. People are counted once per offence key, so the two figures ` +
            `(${count(excluded)} without, ${count(only)} for ${keys.onlyName}) are not additive: the whole is at least the larger of the two and at most their sum.`,
        },
        note: 'Immigration-law offences included: a range, as the source has no figure with them.',
      };
    return {
      value: { kind: 'none', reason: 'The source has no figure with immigration-law offences for this year.' },
      note: 'Immigration-law offences included.',
    };
  }
  if (excluded !== undefined)
    return { value: { kind: 'exact', value: excluded }, note: `Immigration-law offences excluded: the source counts them separately (${keys.excludedName}).` };
  if (included === undefined) return { value: { kind: 'none', reason: 'The source has no figure for this year.' }, note: 'Immigration-law offences excluded.' };
  if (only === 0) return { value: { kind: 'exact', value: included }, note: `Immigration-law offences excluded: there were none (${keys.onlyName}: 0).` };
  if (only === undefined)
    return {
      value: {
        kind: 'range',
        low: 0,
        high: included,
        reason:
          `The source has no figure without immigration-law offences for this year and none for ${keys.onlyName} alone, so all the data supports is ` +
          `a figure between 0 and ${count(included)} (the figure with them included).`,
      },
      note: 'Immigration-law offences excluded: a range, as the source does not separate them this year.',
    };
  const low = Math.max(0, included - only);
  return {
    value: {
      kind: 'range',
      low,
      high: included,
      reason:
        `The source has no figure without immigration-law offences for this year, and it counts a person once per offence key, so subtracting ` +
        `${keys.onlyName} (${count(only)}) from the whole (${count(included)}) is not exact: someone suspected of an immigration-law offence and of another ` +
        `offence is in both. The figure without them is at least ${count(included)} − ${count(only)} = ${count(low)} (if none of the ${count(only)} ` +
        `was suspected of anything else) and at most ${count(included)} (if every one was).`,
    },
    note: 'Immigration-law offences excluded: a bounded range, as the source does not separate them exactly this year.',
  };
}

/**
 * One group's figure from the total and the other group's, where the definition splits everyone
 * into exactly two groups (citizens and non-citizens; in the BKA's counts stateless people and
 * those of unknown citizenship are non-German). Within one offence key each person is counted
 * once and in one group, so the difference is exact.
 */
export function complement(total: number | undefined, other: number | undefined): number | undefined {
  if (total === undefined || other === undefined || other > total) return undefined;
  return total - other;
}

/** The group that completes `group` to the total under its definition, or null. */
export function complementGroup(group: TStatisticGroup): TStatisticGroup | null {
  const pairs: Partial<Record<TStatisticGroup, TStatisticGroup>> = {
    nationals: 'foreign_nationals',
    foreign_nationals: 'nationals',
    native_born: 'foreign_born',
    foreign_born: 'native_born',
    with_migration_background: 'without_migration_background',
    without_migration_background: 'with_migration_background',
  };
  return pairs[group] ?? null;
}

/** The definitions two figures are compared on. */
export interface ComparedFacts {
  label: string;
  groupDefinition: TGroupDefinition;
  justiceStage: TJusticeStage;
  immigrationLawOffences: TImmigrationLawOffences;
  standardisation: TStandardisation;
  unit: TStatisticUnit;
}

/**
 * Why two figures may not be compared: one sentence per definition on which they differ. Two
 * figures with any difference are never drawn on one axis: the panel builder applies this across
 * every series it would show (`definitionSets`, definition-sets.ts).
 */
export function definitionMismatches(a: ComparedFacts, b: ComparedFacts): string[] {
  const differ = (what: string, left: string, right: string) =>
    `${a.label} and ${b.label} differ in ${what}: ${left.toLowerCase()} against ${right.toLowerCase()}, so they are not compared and not drawn on one axis.`;
  const out: string[] = [];
  if (a.groupDefinition !== b.groupDefinition && a.groupDefinition !== 'none' && b.groupDefinition !== 'none')
    out.push(
      differ('how the groups are defined', GROUP_DEFINITION_LABELS[a.groupDefinition], GROUP_DEFINITION_LABELS[b.groupDefinition]) +
        ' A foreign national need not be foreign-born, nor a foreign-born resident a foreign national.',
    );
  if (a.justiceStage !== b.justiceStage) out.push(differ('justice stage', JUSTICE_STAGE_LABELS[a.justiceStage], JUSTICE_STAGE_LABELS[b.justiceStage]));
  if (a.immigrationLawOffences !== b.immigrationLawOffences && a.immigrationLawOffences !== 'not_applicable' && b.immigrationLawOffences !== 'not_applicable')
    out.push(
      differ('immigration-law offences', IMMIGRATION_LAW_OFFENCE_LABELS[a.immigrationLawOffences], IMMIGRATION_LAW_OFFENCE_LABELS[b.immigrationLawOffences]),
    );
  if (a.standardisation !== b.standardisation)
    out.push(differ('standardisation', STANDARDISATION_LABELS[a.standardisation], STANDARDISATION_LABELS[b.standardisation]));
  if (a.unit !== b.unit) out.push(differ('unit', STATISTIC_UNIT_LABELS[a.unit], STATISTIC_UNIT_LABELS[b.unit]));
  return out;
}

/** The note of a series break between the year before and this one, or null. */
export function breakAt(series: Pick<SeriesFacts, 'seriesBreaks'>, year: number): string | null {
  return series.seriesBreaks.find((seriesBreak) => seriesBreak.year === year)?.note ?? null;
}

/** The breaks between two years (after `from`, up to and including `to`): figures across one are not comparable. */
export function breaksBetween(series: Pick<SeriesFacts, 'seriesBreaks'>, from: number, to: number): { year: number; note: string }[] {
  const [start, end] = from <= to ? [from, to] : [to, from];
  return series.seriesBreaks.filter((seriesBreak) => seriesBreak.year > start && seriesBreak.year <= end).sort((a, b) => a.year - b.year);
}
