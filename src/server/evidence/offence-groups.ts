/**
 * Which official figures the evidence panel shows for an offence group, and which incident
 * categories map to it. Configuration, not code: a new source or category mapping is one more
 * entry here (docs/evidence.md). A category maps only where the source's offence group counts the
 * same kind of offence; a category that maps to none shows reported incidents and no official
 * figures, with a warning, rather than figures of something else.
 */
export interface OffenceGroupSource {
  /** The statistics mapping's source id. */
  source: string;
  /** Indicator codes are `${indicatorPrefix}:${offence key}` (the BKA mapping: suspects:------). */
  indicatorPrefix: string;
  /** The key of the offence group with immigration-law offences in it, where it has them. */
  included?: string;
  /** The key of the offence group without them (or of a group that never had them). */
  excluded?: string;
  /** The key of the immigration-law offences alone. */
  only?: string;
  /** Whether the offence group contains immigration-law offences at all. */
  containsImmigrationLaw: boolean;
}

export interface OffenceGroup {
  id: string;
  label: string;
  description: string;
  /** Incident categories (codes) whose official figures these are. */
  categories: string[];
  sources: OffenceGroupSource[];
}

const BKA = 'bka-pks-zr-f-01-t01';

export const ALL_OFFENCES = 'all_offences';

export const OFFENCE_GROUPS: OffenceGroup[] = [
  {
    id: ALL_OFFENCES,
    label: 'All offences',
    description: 'Every offence the source counts; shown when no incident category is chosen.',
    categories: [],
    sources: [{ source: BKA, indicatorPrefix: 'suspects', included: '------', excluded: '890000', only: '725000', containsImmigrationLaw: true }],
  },
  {
    id: 'violent_crime',
    label: 'Violent crime',
    description:
      'BKA Gewaltkriminalität (key 892000): homicide, rape and serious sexual assault, robbery, dangerous and serious bodily harm, and a few more; ' +
      'common assault is not in it. No immigration-law offences.',
    categories: ['violent_crime'],
    sources: [{ source: BKA, indicatorPrefix: 'suspects', excluded: '892000', containsImmigrationLaw: false }],
  },
  {
    id: 'homicide',
    label: 'Homicide',
    description: 'BKA key 892500: murder, manslaughter and killing on request (attempts included), published from 2013 on.',
    categories: ['homicide'],
    sources: [{ source: BKA, indicatorPrefix: 'suspects', excluded: '892500', containsImmigrationLaw: false }],
  },
  {
    id: 'human_trafficking',
    label: 'Human trafficking',
    description: 'BKA key 895000: human trafficking of every kind, published from 2008 on.',
    categories: ['human_trafficking'],
    sources: [{ source: BKA, indicatorPrefix: 'suspects', excluded: '895000', containsImmigrationLaw: false }],
  },
];

/** The offence group of a category (undefined: it maps to none), or all offences without one. */
export function offenceGroupFor(category: string | undefined, groups: readonly OffenceGroup[] = OFFENCE_GROUPS): OffenceGroup | undefined {
  if (category === undefined) return groups.find((group) => group.id === ALL_OFFENCES);
  return groups.find((group) => group.categories.includes(category));
}
