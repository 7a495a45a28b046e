/**
 * The CSV columns of an incident import and how a row maps to the API's incident input
 * (ZIncidentInput). docs/incident-import.md documents them for the people who fill the file.
 * Cells are passed on as typed values where they read as one (numbers, yes/no) and as the
 * text otherwise, so that the API's own checks name what is wrong with them.
 */
export const MAX_SOURCE_GROUPS = 5;

const INCIDENT_COLUMNS = {
  external_id: 'externalId',
  post: 'post',
  country: 'country',
  place_name: 'placeName',
  latitude: 'latitude',
  longitude: 'longitude',
  geo_precision: 'geoPrecision',
  occurred_on: 'occurredOn',
  time_precision: 'timePrecision',
  category: 'category',
  summary: 'summary',
  killed: 'killed',
  injured: 'injured',
  human_rights_relevant: 'humanRightsRelevant',
  classification: 'classification',
  allowed_names: 'allowedNames',
  synthetic: 'synthetic',
} as const;

const LEGAL_COLUMNS = { legal_status: 'status', legal_status_on: 'effectiveOn', legal_status_source: 'source' } as const;

const SOURCE_COLUMNS = {
  url: 'url',
  outlet: 'outlet',
  published_on: 'publishedOn',
  language: 'language',
  type: 'type',
  reliability: 'reliability',
  credibility: 'credibility',
  suspect_status: 'suspectStatus',
} as const;

const sourceColumn = (group: number, column: string) => `source${group}_${column}`;

/** Every column a file may have, in the documented order. */
export const INCIDENT_CSV_COLUMNS: readonly string[] = [
  ...Object.keys(INCIDENT_COLUMNS).filter((column) => column !== 'allowed_names' && column !== 'synthetic'),
  ...Object.keys(LEGAL_COLUMNS),
  'allowed_names',
  'synthetic',
  ...Array.from({ length: MAX_SOURCE_GROUPS }, (_, index) => Object.keys(SOURCE_COLUMNS).map((column) => sourceColumn(index + 1, column))).flat(),
];

/** Columns without which no row could be valid: named once for the header, not once per row. */
export const REQUIRED_CSV_COLUMNS: readonly string[] = [
  'place_name',
  'geo_precision',
  'occurred_on',
  'category',
  'summary',
  'classification',
  ...['url', 'outlet', 'language', 'type', 'reliability', 'credibility'].map((column) => sourceColumn(1, column)),
];

/** "Place name", "place-name" and "PLACE_NAME" all name place_name. */
export const normaliseHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

const BOOLEANS: Record<string, boolean> = { true: true, yes: true, y: true, '1': true, false: false, no: false, n: false, '0': false };

const text = (cell: string | undefined) => (cell === undefined || cell.trim() === '' ? undefined : cell);

function decimal(cell: string | undefined): number | string | null {
  const value = text(cell)?.trim();
  if (value === undefined) return null;
  // A spreadsheet set to a decimal comma writes 52,52 (in a ;-separated file, unquoted).
  const normalised = /^[-+]?\d+,\d+$/.test(value) ? value.replace(',', '.') : value;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised) ? Number(normalised) : value;
}

function whole(cell: string | undefined): number | string | null {
  const value = text(cell)?.trim();
  if (value === undefined) return null;
  return /^[-+]?\d+$/.test(value) ? Number(value) : value;
}

function yesNo(cell: string | undefined): boolean | string | undefined {
  const value = text(cell)?.trim();
  if (value === undefined) return undefined;
  return BOOLEANS[value.toLowerCase()] ?? value;
}

export interface CsvRowInput {
  input: Record<string, unknown>;
  /** For each entry of `input.sources`, the number of its column group (source2_… when source1_… is empty). */
  sourceGroups: number[];
}

/** The incident columns with their fields, and each source group's columns with theirs: named once, not once per row. */
const INCIDENT_FIELDS = Object.entries(INCIDENT_COLUMNS);
const SOURCE_GROUP_FIELDS = Array.from({ length: MAX_SOURCE_GROUPS }, (_, index) =>
  Object.entries(SOURCE_COLUMNS).map(([column, field]) => [sourceColumn(index + 1, column), field] as const),
);

/** One CSV record, by normalised header (`cell('place_name')`), as the incident input the API takes. */
export function csvRowToInput(cell: (column: string) => string | undefined): CsvRowInput {
  const input: Record<string, unknown> = {};
  for (const [column, field] of INCIDENT_FIELDS) {
    const value = cell(column);
    if (field === 'latitude' || field === 'longitude') input[field] = decimal(value);
    else if (field === 'killed' || field === 'injured') input[field] = whole(value);
    else if (field === 'humanRightsRelevant' || field === 'synthetic') input[field] = yesNo(value);
    else if (field === 'allowedNames')
      input[field] = (text(value) ?? '')
        .split('|')
        .map((name) => name.trim())
        .filter((name) => name !== '');
    else if (field === 'country') input[field] = text(value)?.trim().toUpperCase();
    else input[field] = text(value)?.trim();
  }
  const status = text(cell('legal_status'))?.trim();
  const effectiveOn = text(cell('legal_status_on'))?.trim();
  const stating = whole(cell('legal_status_source'));
  if (status !== undefined || effectiveOn !== undefined || stating !== null) {
    // The column counts sources as the file does (1 = source1_…); the input counts from 0.
    input.legalStatus = { status, effectiveOn, source: typeof stating === 'number' ? stating - 1 : stating };
  }
  const sources: Record<string, unknown>[] = [];
  const sourceGroups: number[] = [];
  SOURCE_GROUP_FIELDS.forEach((columns, index) => {
    const values = columns.map(([column]) => text(cell(column)));
    if (values.every((value) => value === undefined)) return;
    const source: Record<string, unknown> = {};
    columns.forEach(([, field], at) => {
      source[field] = values[at]?.trim();
    });
    sources.push(source);
    sourceGroups.push(index + 1);
  });
  input.sources = sources;
  return { input, sourceGroups };
}

const FIELD_TO_COLUMN = new Map<string, string>(Object.entries(INCIDENT_COLUMNS).map(([column, field]) => [field, column]));
const LEGAL_FIELD_TO_COLUMN = new Map<string, string>(Object.entries(LEGAL_COLUMNS).map(([column, field]) => [field, column]));
const SOURCE_FIELD_TO_COLUMN = new Map<string, string>(Object.entries(SOURCE_COLUMNS).map(([column, field]) => [field, column]));

/** The CSV column an input path (`sources.1.url`) came from: `source2_url`, or the group's column when sources were skipped. */
export function csvColumnOf(path: readonly string[], sourceGroups: readonly number[]): string {
  const [head, second, third] = path;
  if (head === 'sources') {
    if (second === undefined) return sourceColumn(1, 'url');
    const group = sourceGroups[Number(second)] ?? Number(second) + 1;
    return sourceColumn(group, SOURCE_FIELD_TO_COLUMN.get(third ?? 'url') ?? 'url');
  }
  if (head === 'legalStatus') return LEGAL_FIELD_TO_COLUMN.get(second ?? 'status') ?? 'legal_status';
  return FIELD_TO_COLUMN.get(head ?? '') ?? head ?? 'row';
}

/** The message for a CSV column, where the API's wording counts differently from the file. */
export function csvMessage(column: string, message: string, sourceGroups: readonly number[]): string {
  if (column !== 'legal_status_source') return message;
  const groups = sourceGroups.map((group) => `${group} for source${group}_…`).join(', ');
  return `must be the number of one of the sources given (${groups || 'none given'})`;
}

/** The JSON path of an input path: `sources[1].url`. */
export function jsonFieldOf(path: readonly string[]): string {
  return path.reduce((field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field === '' ? part : `${field}.${part}`), '') || 'row';
}
