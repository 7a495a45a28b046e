import { STATISTIC_GROUPS, type TStatisticGroup } from '../../shared/statistics';
import { type ComparedFacts, definitionMismatches } from './evidence-rules';

/**
 * Which of an offence group's series may be drawn together: the comparison rule of
 * evidence-rules.ts (`definitionMismatches`) applied across every series a panel would show, so
 * that figures of different justice stage, group definition, standardisation, immigration-law
 * offences or unit never share a panel, an axis or a derived complement. Pure; tested in
 * definition-sets.test.ts.
 */

/** How a series enters its group's figure: the offence group with, without, or only immigration-law offences. */
export type ImmigrationLawRole = 'included' | 'excluded' | 'only';
const ROLES: readonly ImmigrationLawRole[] = ['included', 'excluded', 'only'];

/** A series of an offence group as a panel reads it. */
export interface PanelSeries extends ComparedFacts {
  group: TStatisticGroup;
  role: ImmigrationLawRole;
}

export interface DefinitionSets<T extends PanelSeries> {
  /**
   * Series that may share one panel and one axis: per group at most one line (its series of each
   * role), groups in the order of STATISTIC_GROUPS. The total is in every set whose lines it may
   * be read with, so that a group's complement (total minus the group) is derived wherever valid.
   */
  sets: T[][];
  /** Why series were kept apart: one sentence per definition in which they differ. */
  mismatches: string[];
}

/**
 * Two series of one role are compared on every definition. Two of different roles are combined
 * into one figure (the whole minus immigration-law offences, say), where immigration-law offences
 * differ by design: they are compared on every other definition.
 */
function differences(a: PanelSeries, b: PanelSeries): string[] {
  return a.role === b.role ? definitionMismatches(a, b) : definitionMismatches({ ...a, immigrationLawOffences: b.immigrationLawOffences }, b);
}

/** The differences of the first pair of series of two lines that differ (one pair says why, not nine). */
function firstDifferences(a: readonly PanelSeries[], b: readonly PanelSeries[]): string[] {
  const pairs = a.flatMap((x) => b.map((y) => [x, y] as const)).sort(([x1, y1], [x2, y2]) => Number(x1.role !== y1.role) - Number(x2.role !== y2.role));
  for (const [x, y] of pairs) {
    const found = differences(x, y);
    if (found.length > 0) return found;
  }
  return [];
}

export function definitionSets<T extends PanelSeries>(series: readonly T[]): DefinitionSets<T> {
  const found: string[] = [];
  const order = (item: PanelSeries) => STATISTIC_GROUPS.indexOf(item.group) * ROLES.length + ROLES.indexOf(item.role);
  // 1. Each group's line: its series of each role that agree on every definition but immigration-law offences.
  const lines: T[][] = [];
  for (const item of [...series].sort((a, b) => order(a) - order(b))) {
    const ofGroup = lines.filter((line) => line[0]!.group === item.group);
    const line = ofGroup.find((members) => members.every((member) => member.role !== item.role && differences(member, item).length === 0));
    if (line) line.push(item);
    else {
      for (const other of ofGroup) found.push(...firstDifferences(other, [item]));
      lines.push([item]);
    }
  }
  // 2. Lines that may share an axis: one per group, no differences between any of their series.
  const sets: T[][][] = [];
  for (const line of lines) {
    const group = line[0]!.group;
    const set = sets.find((members) => {
      if (members.some((member) => member[0]!.group === group)) return false;
      const apart = members.flatMap((member) => firstDifferences(member, line));
      found.push(...apart);
      return apart.length === 0;
    });
    if (set) set.push(line);
    else sets.push([line]);
  }
  // 3. The total joins every other set it may be read with (total minus a group is then valid there).
  const totals = sets.flatMap((set) => set.filter((line) => line[0]!.group === 'total'));
  for (const set of sets) {
    if (set.some((line) => line[0]!.group === 'total')) continue;
    const total = totals.find((candidate) => set.every((line) => firstDifferences(candidate, line).length === 0));
    if (total) set.unshift(total);
  }
  return { sets: sets.map((set) => set.flat()), mismatches: [...new Set(found)] };
}
