import { describe, expect, it } from 'vitest';
import type { TStatisticGroup } from '../../shared/statistics';
import { definitionSets, type ImmigrationLawRole, type PanelSeries } from './definition-sets';

/** BKA-like series of one offence group: suspects by citizenship, the total without a split of its own. */
const series = (group: TStatisticGroup, role: ImmigrationLawRole, overrides: Partial<PanelSeries> = {}): PanelSeries => ({
  label: `${role} ${group}`,
  group,
  role,
  groupDefinition: group === 'total' ? 'none' : group === 'foreign_born' ? 'country_of_birth' : 'citizenship',
  justiceStage: 'suspect',
  immigrationLawOffences: role,
  standardisation: 'none',
  unit: 'count',
  ...overrides,
});
const ROLES = ['included', 'excluded', 'only'] as const;
const labels = (sets: PanelSeries[][]) => sets.map((set) => set.map((item) => item.label));

describe('definitionSets: which series may share a panel, an axis and a derived complement', () => {
  it('keeps the total and a group of the same definitions together, whatever their immigration-law roles', () => {
    const { sets, mismatches } = definitionSets([...ROLES.map((role) => series('foreign_nationals', role)), ...ROLES.map((role) => series('total', role))]);
    expect(labels(sets)).toEqual([
      ['included total', 'excluded total', 'only total', 'included foreign_nationals', 'excluded foreign_nationals', 'only foreign_nationals'],
    ]);
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['standardisation', { standardisation: 'age_sex' }, /differ in standardisation: not standardised against standardised for age and sex/],
    ['justice stage', { justiceStage: 'convicted' }, /differ in justice stage: suspects .* against convicted/],
    ['unit', { unit: 'percent' }, /differ in unit: number against per cent/],
  ] as const)('puts a group of another %s than the total in a panel of its own, saying why', (_, overrides, why) => {
    const { sets, mismatches } = definitionSets([
      ...ROLES.map((role) => series('total', role)),
      ...ROLES.map((role) => series('foreign_nationals', role, { ...overrides, label: `${role} foreign_nationals` })),
    ]);
    expect(labels(sets)).toEqual([
      ['included total', 'excluded total', 'only total'],
      ['included foreign_nationals', 'excluded foreign_nationals', 'only foreign_nationals'],
    ]);
    // One pair says why (of the same role), not every pair of the two lines.
    expect(mismatches).toEqual([expect.stringMatching(/^included total and included foreign_nationals /)]);
    expect(mismatches[0]).toMatch(why);
  });

  it('keeps apart a group whose series of one role count immigration-law offences otherwise than the total', () => {
    const { sets, mismatches } = definitionSets([series('total', 'included'), series('foreign_nationals', 'included', { immigrationLawOffences: 'excluded' })]);
    expect(sets).toHaveLength(2);
    expect(mismatches).toEqual([expect.stringMatching(/differ in immigration-law offences: includes .* against excludes/)]);
  });

  it('does not combine a group’s series of different roles whose other definitions differ: two lines in two panels', () => {
    const { sets, mismatches } = definitionSets([
      series('foreign_nationals', 'included'),
      series('foreign_nationals', 'excluded', { standardisation: 'age' }),
      series('total', 'included'),
    ]);
    expect(labels(sets)).toEqual([['included total', 'included foreign_nationals'], ['excluded foreign_nationals']]);
    expect(mismatches).toEqual([expect.stringMatching(/^included foreign_nationals and excluded foreign_nationals differ in standardisation/)]);
  });

  it('gives the total to every panel it may be read with: a group by citizenship and one by country of birth never share one', () => {
    const { sets, mismatches } = definitionSets([series('total', 'excluded'), series('foreign_nationals', 'excluded'), series('foreign_born', 'excluded')]);
    expect(labels(sets)).toEqual([
      ['excluded total', 'excluded foreign_nationals'],
      ['excluded total', 'excluded foreign_born'],
    ]);
    expect(mismatches).toEqual([expect.stringMatching(/differ in how the groups are defined: by citizenship against by country of birth/)]);
  });
});
