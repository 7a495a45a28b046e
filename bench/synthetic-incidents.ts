import { stringify } from 'csv-stringify/sync';
import type { TIncidentInput, TSuspectStatus } from '../src/shared/incidents';
import { INCIDENT_CSV_COLUMNS, MAX_SOURCE_GROUPS } from '../src/server/incidents/import/incident-columns';

/**
 * Clearly synthetic incidents for benchmarks and demos (DESIGN.md, data principle 5): every
 * one is marked `synthetic`, says "Synthetic report" in its summary, happens in an invented
 * town, cites example.org, and names nobody. Summaries are filled in from templates with a
 * seeded generator, so one seed gives the same incidents on every run. The summaries pass the
 * identifier guard: nothing in them reads as a person's name, e-mail, phone or document number.
 */
export interface SyntheticIncidentOptions {
  count: number;
  /** Same seed, same incidents. */
  seed?: number;
  /** Post code (the importer's home post); left out, the importer's is used. */
  post?: string;
  /** ISO alpha-2 code of the country the towns are in (default DE). */
  country?: string;
  /** External ids are this prefix and the incident's number (default `synthetic-`). */
  externalIdPrefix?: string;
  /** First day (default 2025-01-01) and how many days the incidents spread over (default 365). */
  from?: string;
  days?: number;
}

/** A small seeded generator (mulberry32): fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TOWN_STARTS = [
  'Kell',
  'Aster',
  'Brom',
  'Dunn',
  'Elm',
  'Fenn',
  'Gral',
  'Holt',
  'Iver',
  'Lorn',
  'Marr',
  'Norr',
  'Ost',
  'Pell',
  'Rand',
  'Sell',
  'Tarn',
  'Wend',
];
const TOWN_ENDS = ['burg', 'feld', 'hausen', 'stadt', 'dorf', 'brück', 'heim', 'au'];
/** Invented towns: no real place is described. */
export const SYNTHETIC_TOWNS = TOWN_STARTS.flatMap((start) => TOWN_ENDS.map((end) => `${start}${end}`));

const CATEGORY_EVENTS: Record<string, readonly string[]> = {
  anti_migrant_attack: [
    'set fire to the entrance of a shelter for asylum seekers',
    'threw stones at a hostel housing refugees',
    'threatened residents of a shelter',
  ],
  violent_crime: ['assaulted two passengers at a tram stop', 'robbed a kiosk and injured its employee', 'attacked a group of students with bottles'],
  public_disorder: ['threw bottles at police officers after a football match', 'blocked a main road and damaged parked cars'],
  antisemitic_incident: ['sprayed antisemitic slogans on the wall of a synagogue', 'damaged a memorial plaque'],
  anti_muslim_incident: ['broke the windows of a mosque', 'left threatening letters at a community centre'],
  anti_christian_incident: ['damaged the altar of a church', 'set fire to a chapel door'],
  other: ['damaged the offices of a local association', 'disrupted a council meeting'],
};
const CATEGORIES = Object.keys(CATEGORY_EVENTS);
const GROUPS = ['Two people', 'Three youths', 'A group of about ten people', 'Unknown persons', 'Several masked people', 'A man', 'Two women'];
const PLACES = ['near the station', 'in the old town', 'by the market square', 'on the ring road', 'at the harbour', 'near the town hall'];
const TIMES = ['on a weekday evening', 'at night', 'in the early morning', 'on a Saturday afternoon'];
const OUTCOMES = [
  'Police opened an investigation.',
  'Nobody was hurt; police are looking for witnesses.',
  'One person was treated in hospital and released.',
  'Prosecutors are examining the case.',
  'The fire brigade put out the fire before it spread.',
];
const OUTLETS = [
  { outlet: 'Synthetic police press office', type: 'police', reliability: 'A', credibility: 2, path: 'police' },
  { outlet: 'Synthetic Daily', type: 'media', reliability: 'C', credibility: 3, path: 'daily' },
  { outlet: 'Synthetic rights monitor', type: 'ngo', reliability: 'B', credibility: 2, path: 'monitor' },
] as const;
const SUSPECTS: TSuspectStatus[] = ['not_stated', 'unknown', 'national', 'foreign_national'];

const day = (from: string, offset: number) => new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

export function syntheticIncidents(options: SyntheticIncidentOptions): TIncidentInput[] {
  const random = seededRandom(options.seed ?? 20_260_301);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const prefix = options.externalIdPrefix ?? 'synthetic-';
  const from = options.from ?? '2025-01-01';
  return Array.from({ length: options.count }, (_, index) => {
    const category = pick(CATEGORIES);
    const town = pick(SYNTHETIC_TOWNS);
    const occurredOn = day(from, Math.floor(random() * (options.days ?? 365)));
    const sourceCount = 1 + Math.floor(random() * 3);
    const withCoordinates = random() < 0.5;
    const charged = random() < 0.2;
    return {
      ...(options.post ? { post: options.post } : {}),
      ...(options.country ? { country: options.country } : {}),
      placeName: town,
      latitude: withCoordinates ? Math.round((47.5 + random() * 7) * 1e4) / 1e4 : null,
      longitude: withCoordinates ? Math.round((6 + random() * 8.5) * 1e4) / 1e4 : null,
      geoPrecision: 'town',
      occurredOn,
      timePrecision: 'day',
      category,
      summary: `Synthetic report: ${pick(GROUPS)} ${pick(CATEGORY_EVENTS[category]!)} ${pick(PLACES)} of ${town} ${pick(TIMES)}. ${pick(OUTCOMES)}`,
      killed: null,
      injured: random() < 0.4 ? Math.floor(random() * 4) : null,
      humanRightsRelevant: category.startsWith('anti'),
      classification: random() < 0.8 ? 'U' : 'SBU',
      allowedNames: [],
      synthetic: true,
      sources: OUTLETS.slice(0, sourceCount).map((source, number) => ({
        url: `https://example.org/synthetic/${source.path}/${index + 1}`,
        outlet: source.outlet,
        publishedOn: day(occurredOn, number + 1),
        language: 'en',
        type: source.type,
        reliability: source.reliability,
        credibility: source.credibility,
        suspectStatus: pick(SUSPECTS),
      })),
      ...(charged ? { legalStatus: { status: 'under_investigation' as const, effectiveOn: day(occurredOn, 2), source: 0 } } : {}),
      externalId: `${prefix}${index + 1}`,
    };
  });
}

/** The incidents as an import CSV (docs/incident-import.md), with the documented header. */
export function syntheticIncidentsCsv(incidents: readonly TIncidentInput[], separator: ',' | ';' | '\t' = ','): string {
  const records = incidents.map((incident) => {
    const cells: Record<string, unknown> = {
      external_id: incident.externalId,
      post: incident.post,
      country: incident.country,
      place_name: incident.placeName,
      latitude: incident.latitude,
      longitude: incident.longitude,
      geo_precision: incident.geoPrecision,
      occurred_on: incident.occurredOn,
      time_precision: incident.timePrecision,
      category: incident.category,
      summary: incident.summary,
      killed: incident.killed,
      injured: incident.injured,
      human_rights_relevant: incident.humanRightsRelevant,
      classification: incident.classification,
      legal_status: incident.legalStatus?.status,
      legal_status_on: incident.legalStatus?.effectiveOn,
      legal_status_source: typeof incident.legalStatus?.source === 'number' ? incident.legalStatus.source + 1 : undefined,
      allowed_names: incident.allowedNames?.join('|'),
      synthetic: incident.synthetic,
    };
    incident.sources.slice(0, MAX_SOURCE_GROUPS).forEach((source, index) => {
      const group = `source${index + 1}_`;
      Object.assign(cells, {
        [`${group}url`]: source.url,
        [`${group}outlet`]: source.outlet,
        [`${group}published_on`]: source.publishedOn,
        [`${group}language`]: source.language,
        [`${group}type`]: source.type,
        [`${group}reliability`]: source.reliability,
        [`${group}credibility`]: source.credibility,
        [`${group}suspect_status`]: source.suspectStatus,
      });
    });
    return INCIDENT_CSV_COLUMNS.map((column) => cells[column] ?? '');
  });
  return stringify([INCIDENT_CSV_COLUMNS as string[], ...records], { delimiter: separator, cast: { boolean: (value) => (value ? 'true' : 'false') } });
}
