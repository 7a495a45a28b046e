import { describe, expect, it } from 'vitest';
import type { TEvidencePanel } from '../../shared/evidence';
import type { TCountry } from '../../shared/reference';
import type { TStatisticSeries } from '../../shared/statistics';
import { contextDefinitions, mapCaption, noFiguresText, rateMapOption, rateScale } from './panel-captions';

const entry = (code: 'nationals' | 'foreign_nationals', label: string, rates: [string, number, number][]): TEvidencePanel['map'][number] => ({
  group: { code, label },
  rates: rates.map(([country, low, high]) => ({ country, name: country, low, high })),
  none: rates.length === 0 ? 'No valid rate per 100,000 exists, so there is no map.' : null,
});
/** Synthetic rates: nationals around 300, foreign nationals up to 500 (one a range). */
const MAP = [
  entry('nationals', 'Nationals (citizens of the country)', [
    ['DE', 300, 300],
    ['FR', 200, 200],
  ]),
  entry('foreign_nationals', 'Foreign nationals (non-citizens)', [
    ['DE', 500, 500],
    ['FR', 380, 420],
  ]),
];
const countries = new Map<string, TCountry>([
  ['DE', { numeric: '276' } as TCountry],
  ['FR', { numeric: '250' } as TCountry],
]);
const definitions: TEvidencePanel['definitions'] = {
  justiceStage: { code: 'suspect', label: 'Suspects (identified by the police, not convicted)' },
  groupDefinition: { code: 'citizenship', label: 'By citizenship' },
  immigrationLawOffences: { code: 'excluded', label: 'Excludes immigration-law offences' },
  standardisation: { code: 'none', label: 'Not standardised' },
  coverage: { code: 'residents', label: 'Residents only' },
  unit: { code: 'count', label: 'Number' },
};

describe('the evidence page’s maps and captions', () => {
  it('colours both groups’ maps on one scale: the same colour is the same rate on each', () => {
    const scale = rateScale(MAP);
    expect(scale).toEqual({ min: 0, max: 500 });
    const [nationals, foreign] = MAP.map((group) => rateMapOption(group, scale, countries));
    expect(nationals!.visualMap).toMatchObject({ min: 0, max: 500, text: ['500.0', '0.0'] });
    expect(foreign!.visualMap).toEqual(nationals!.visualMap);
    // A range by its midpoint, its bounds in the tooltip.
    expect(foreign!.series[0]!.data).toEqual([
      { name: '276', value: 500, tip: 'DE: 500.0 per 100,000' },
      { name: '250', value: 400, tip: 'FR: 380.0–420.0 per 100,000' },
    ]);
  });

  it('captions the maps with their units, year, definitions and the shared scale', () => {
    expect(mapCaption({ definitions, map: MAP } as TEvidencePanel, 2022)).toBe(
      'Rates per 100,000 residents of each group, 2022, of suspects (identified by the police, not convicted), by citizenship; ' +
        'excludes immigration-law offences; not standardised: each figure divided by the resident population of its group that its series names, ' +
        'only where the rules allow (countries without a valid rate are not coloured). One colour scale for both groups ' +
        '(nationals (citizens of the country) and foreign nationals (non-citizens)): 0.0 to 500.0 per 100,000; a range is coloured by its midpoint.',
    );
  });

  it('says of a context figure every definition that applies to it', () => {
    const series = {
      groupDefinition: { code: 'country_of_birth', label: 'By country of birth' },
      justiceStage: { code: 'not_applicable', label: 'Not a justice statistic' },
      immigrationLawOffences: { code: 'not_applicable', label: 'Not an offence statistic' },
      standardisation: { code: 'none', label: 'Not standardised' },
      coverage: { code: 'residents', label: 'Residents only' },
    } as TStatisticSeries;
    expect(contextDefinitions(series)).toBe('by country of birth; not a justice statistic; not standardised; residents only');
  });

  it('says that no figures are imported for the country (and the category), and how an importer adds some', () => {
    const country = { code: 'FR', name: 'France' };
    const all = { id: 'all_offences', label: 'All offences', description: '' };
    expect(noFiguresText({ country, category: null, offenceGroup: all })).toEqual({
      why: 'No official figures for France are imported.',
      how: expect.stringContaining('on the Import statistics page or with demarche statistics import'),
    });
    expect(noFiguresText({ country, category: { code: 'homicide', name: 'Homicide' }, offenceGroup: { ...all, id: 'homicide', label: 'Homicide' } }).why).toBe(
      'No official figures for France are imported for the category “Homicide” (homicide).',
    );
    expect(noFiguresText({ country, category: { code: 'x', name: 'Anti-Muslim incident' }, offenceGroup: { ...all, id: 'none' } }).why).toBe(
      'No official figures are shown for the category “Anti-Muslim incident”: it maps to no offence group of the official statistics.',
    );
  });
});
