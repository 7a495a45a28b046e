import type { TEvidence, TEvidencePanel } from '../../shared/evidence';
import type { TStatisticSeries } from '../../shared/statistics';
import type { TCountry } from '../../shared/reference';
import { WORLD_BY_NUMERIC } from '../cadence/world-shapes';
import { perHundredThousand } from './evidence-queries';

/**
 * What the evidence page says about its figures beside the charts and maps: the definitions in
 * words, one colour scale per panel, the empty state. Pure, so that the words and the scale are
 * tested (panel-captions.test.ts) without a browser.
 */

/** "suspects (identified by the police, not convicted), by citizenship; excludes immigration-law offences; not standardised". */
export function definitionsPhrase(definitions: TEvidencePanel['definitions']): string {
  return [
    `${definitions.justiceStage.label.toLowerCase()}, ${definitions.groupDefinition.label.toLowerCase()}`,
    definitions.immigrationLawOffences.label.toLowerCase(),
    definitions.standardisation.label.toLowerCase(),
  ].join('; ');
}

export interface RateScale {
  min: number;
  max: number;
}

/**
 * One colour scale for every group of a panel, so that the same colour means the same rate on
 * both groups' maps (each group its own scale would colour a rate of 50 like one of 500). A range
 * is coloured by its midpoint.
 */
export function rateScale(map: TEvidencePanel['map']): RateScale {
  const midpoints = map.flatMap((entry) => entry.rates.map((rate) => (rate.low + rate.high) / 2));
  return { min: 0, max: Math.max(...midpoints, 1) };
}

/** The ECharts option of one group's choropleth, on the panel's shared scale. */
export function rateMapOption(entry: TEvidencePanel['map'][number], scale: RateScale, countries: Map<string, TCountry> | undefined) {
  const data = entry.rates.flatMap((rate) => {
    const numeric = countries?.get(rate.country)?.numeric;
    if (!numeric) return [];
    const tip = rate.low === rate.high ? perHundredThousand(rate.low) : `${perHundredThousand(rate.low)}–${perHundredThousand(rate.high)}`;
    return [{ name: numeric, value: (rate.low + rate.high) / 2, tip: `${rate.name}: ${tip} per 100,000` }];
  });
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: (params: { data?: { tip: string } }) => params.data?.tip ?? 'No valid rate' },
    visualMap: {
      min: scale.min,
      max: scale.max,
      calculable: false,
      left: 'left',
      bottom: 10,
      text: [perHundredThousand(scale.max), perHundredThousand(scale.min)],
    },
    series: [{ type: 'map', map: WORLD_BY_NUMERIC, nameProperty: 'numeric', roam: true, data }],
  };
}

/** The caption of a panel's maps: units, year, definitions, the shared scale (the source link follows it). */
export function mapCaption(panel: TEvidencePanel, year: number): string {
  const scale = rateScale(panel.map);
  const groups = panel.map.filter((entry) => entry.rates.length > 0).map((entry) => entry.group.label.toLowerCase());
  return (
    `Rates per 100,000 residents of each group, ${year}, of ${definitionsPhrase(panel.definitions)}: each figure divided by the resident ` +
    `population of its group that its series names, only where the rules allow (countries without a valid rate are not coloured). ` +
    `One colour scale for ${groups.length > 1 ? `both groups (${groups.join(' and ')})` : groups.join('')}: ` +
    `${perHundredThousand(scale.min)} to ${perHundredThousand(scale.max)} per 100,000; a range is coloured by its midpoint.`
  );
}

/** A context figure's definitions, those that say something: "by country of birth; not a justice statistic; not standardised; residents only". */
export function contextDefinitions(series: TStatisticSeries): string {
  return [
    series.groupDefinition.label,
    series.justiceStage.label,
    series.immigrationLawOffences.code === 'not_applicable' ? null : series.immigrationLawOffences.label,
    series.standardisation.label,
    series.coverage.code === 'not_applicable' ? null : series.coverage.label,
  ]
    .filter((label): label is string => label !== null)
    .map((label) => label.toLowerCase())
    .join('; ');
}

/** Why the page shows no official figures: none imported for the country (and category), or a category without an offence group. */
export function noFiguresText(data: Pick<TEvidence, 'country' | 'category' | 'offenceGroup'>): { why: string; how: string } {
  if (data.category && data.offenceGroup.id === 'none')
    return {
      why: `No official figures are shown for the category “${data.category.name}”: it maps to no offence group of the official statistics.`,
      how:
        'A category is mapped to an offence group in docs/mappings/offence-groups.json, and only where an official statistic counts the same kind ' +
        'of offence; figures of another offence group would not be about the same thing.',
    };
  const about = data.category ? ` for the category “${data.category.name}” (${data.offenceGroup.label.toLowerCase()})` : '';
  return {
    why: `No official figures for ${data.country.name} are imported${about}.`,
    how:
      'Someone who may import statistics (a headquarters analyst or an administrator) adds them: the publisher’s table with its mapping file ' +
      '(docs/statistics.md) on the Import statistics page or with demarche statistics import, and, for a publisher not yet listed in ' +
      'docs/mappings/offence-groups.json, an entry there naming its offence keys.',
  };
}
