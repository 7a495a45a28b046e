import {
  type TColumnRef,
  type TCoverage,
  type TSeriesKind,
  type TCondition,
  type TStatisticGroup,
  type TStatisticsMapping,
  type TStatisticsRowError,
  type TStatisticUnit,
  STATISTIC_CODE_MAX_LENGTH,
  STATISTIC_NAME_MAX_LENGTH,
  STATISTIC_UNIT_LABELS,
} from '../../shared/statistics';
import canonicalize from 'canonicalize';
import type { Table } from './read-table';

/** What the import knows of the reference data's countries. */
export interface CountryCodes {
  alpha2: Set<string>;
  alpha3: Map<string, string>;
  /** UN M49 numeric code (three digits) → alpha-2. */
  m49: Map<string, string>;
}

/** A series as the mapping defines it: everything but its values. */
export interface SeriesDefinition {
  key: string;
  sourceId: string;
  publisher: string;
  tableId: string;
  tableTitle: string;
  url: string;
  licence: string;
  retrievedOn: string;
  indicatorCode: string;
  indicatorName: string;
  offenceKey: string | null;
  offenceName: string | null;
  groupCode: TStatisticGroup;
  groupDefinition: string;
  justiceStage: string;
  immigrationLawOffences: string;
  standardisation: string;
  unit: TStatisticUnit;
  kind: TSeriesKind;
  coverage: TCoverage;
  denominator: { seriesKey: string | null; description: string } | null;
  seriesBreaks: { year: number; note: string }[];
  caveats: string[];
}

export interface PreparedValue {
  seriesKey: string;
  country: string;
  year: number;
  value: number;
  row: number;
}

export interface Prepared {
  series: Map<string, SeriesDefinition>;
  values: PreparedValue[];
  skipped: { reason: string; rows: number; examples: string[] }[];
  errors: TStatisticsRowError[];
}

/** Problems reported at most; a file with more is wrong throughout, and the first ones say how. */
export const MAX_REPORTED_ERRORS = 1000;

const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * Turns the rows of a publisher's table into series and values, as the mapping says, checking
 * every row: each problem is reported with its row, column and reason, and the caller writes
 * nothing when there is any. Pure: the database is the caller's business.
 */
export function prepareStatistics(table: Table, mapping: TStatisticsMapping, countries: CountryCodes): Prepared {
  const errors: TStatisticsRowError[] = [];
  const mappingError = (column: string, message: string) => errors.push({ row: table.headerRow, column, message });

  const columnIndex = (ref: TColumnRef, where: string): number | undefined => {
    if (typeof ref === 'number') {
      if (ref <= table.header.length) return ref - 1;
      mappingError(where, `names column ${ref}, but the header (row ${table.headerRow}) has ${table.header.length} column(s)`);
      return undefined;
    }
    const exact = table.header.indexOf(ref.trim());
    const index = exact >= 0 ? exact : table.header.findIndex((cell) => cell.toLowerCase() === ref.trim().toLowerCase());
    if (index >= 0) return index;
    mappingError(where, `names the column "${ref}", which the header (row ${table.headerRow}) does not have; it has ${describeHeader(table.header)}`);
    return undefined;
  };
  /**
   * A template's text for a row, or the row error when it is longer than `max`: named by the
   * cell that made it so (the longest of the template's columns in that row).
   */
  const template = (text: string, where: string, what: string, max: number) => {
    const parts: { column: number; name: string }[] = [];
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      const index = columnIndex(name!, where);
      if (index !== undefined) parts.push({ column: index, name: name! });
    }
    const cell = (cells: string[], column: number) => (cells[column] ?? '').trim();
    return (cells: string[]): { text: string } | { column: number | undefined; message: string } => {
      const built = text.replace(PLACEHOLDER, (_, name: string) => cell(cells, parts.find((part) => part.name === name)?.column ?? -1));
      if (built.length <= max) return { text: built };
      const longest = parts.reduce<number | undefined>(
        (best, part) => (best === undefined || cell(cells, part.column).length > cell(cells, best).length ? part.column : best),
        undefined,
      );
      return {
        column: longest,
        message:
          `makes the ${what} (${where}) ${built.length.toLocaleString('en')} characters long: it may be at most ${max.toLocaleString('en')} ` +
          '(is this the right column, or a cell of notes?)',
      };
    };
  };
  const condition = (c: TCondition, where: string) => {
    const index = columnIndex(c.column, `${where}.column`);
    const pattern = c.pattern === undefined ? undefined : new RegExp(c.pattern, 'u');
    return (cells: string[]) => {
      const cell = (cells[index ?? -1] ?? '').trim();
      if (c.equals !== undefined) return cell === c.equals;
      if (c.in !== undefined) return c.in.includes(cell);
      if (c.notIn !== undefined) return !c.notIn.includes(cell);
      return pattern!.test(cell);
    };
  };

  const filters = mapping.filters.map((filter, i) => ({ test: condition(filter, `mapping.filters[${i}]`), label: describeCondition(filter) }));
  const yearColumn = columnIndex(mapping.year.column, 'mapping.year.column');
  const countryColumn = 'column' in mapping.country ? columnIndex(mapping.country.column, 'mapping.country.column') : undefined;
  const constantCountry = 'constant' in mapping.country ? mapping.country.constant.toUpperCase() : undefined;
  if (constantCountry && !countries.alpha2.has(constantCountry)) {
    mappingError('mapping.country.constant', `"${constantCountry}" is not a country of Demarche's reference data`);
  }
  const offence = mapping.offence
    ? {
        key: template(mapping.offence.key, 'mapping.offence.key', 'offence key', STATISTIC_CODE_MAX_LENGTH),
        name: template(mapping.offence.name, 'mapping.offence.name', 'offence name', STATISTIC_NAME_MAX_LENGTH),
      }
    : undefined;
  const rules = mapping.rules.map((rule, i) => ({ ...rule, test: condition(rule.when, `mapping.rules[${i}].when`) }));
  const values = mapping.values.map((value, i) => {
    const indicator = value.indicator ?? mapping.indicator;
    if (!indicator) mappingError(`mapping.values[${i}].indicator`, 'is required: give each value column an indicator, or the mapping one for all');
    return {
      ...value,
      index: columnIndex(value.column, `mapping.values[${i}].column`),
      code: template(indicator?.code ?? '', `mapping.values[${i}].indicator.code`, 'indicator code', STATISTIC_CODE_MAX_LENGTH),
      name: template(indicator?.name ?? '', `mapping.values[${i}].indicator.name`, 'indicator name', STATISTIC_NAME_MAX_LENGTH),
    };
  });
  const seen = new Set<string>();
  for (const [i, value] of mapping.values.entries()) {
    const indicator = value.indicator ?? mapping.indicator;
    const id = `${indicator?.code}\u0000${value.group}`;
    if (seen.has(id))
      mappingError(`mapping.values[${i}]`, `has the same indicator and group (${value.group}) as another value column: each column needs a series of its own`);
    seen.add(id);
  }
  const result: Prepared = { series: new Map(), values: [], skipped: [], errors };
  if (errors.length > 0) return result;

  const skipped = new Map<string, { rows: number; examples: Set<string> }>();
  const skip = (reason: string, example: string) => {
    const entry = skipped.get(reason) ?? { rows: 0, examples: new Set<string>() };
    entry.rows += 1;
    if (entry.examples.size < 5) entry.examples.add(example);
    skipped.set(reason, entry);
  };
  const header = (index: number | undefined) => (index === undefined ? '' : clip(table.header[index] ?? `column ${index + 1}`, 100));
  const sourceOf = mapping.source;
  const latestName = new Map<string, { year: number; indicatorName: string; offenceName: string | null }>();
  const definedAt = new Map<string, number>();
  const valueAt = new Map<string, number>();

  for (const { row, cells } of table.rows) {
    if (errors.length >= MAX_REPORTED_ERRORS) break;
    const rowError = (index: number | undefined, message: string) => errors.push({ row, column: header(index), message });
    const failed = filters.find((filter) => !filter.test(cells));
    if (failed) {
      skip(`left out by the filter ${failed.label}`, `row ${row}`);
      continue;
    }
    let country = constantCountry;
    if (countryColumn !== undefined && 'codes' in mapping.country) {
      const code = (cells[countryColumn] ?? '').trim();
      country = countryOf(code, mapping.country.codes, countries);
      if (!country) {
        if (mapping.country.unmatched === 'skip' && code !== '') {
          skip(
            "not a country of Demarche's reference data (a world region, an income group, or a territory without an ISO code)",
            `${describeRow(cells, table.header, countryColumn)} (${clip(code, 20)})`,
          );
          continue;
        }
        rowError(
          countryColumn,
          code === ''
            ? 'is empty: it must hold a country code'
            : `"${clip(code, 60)}" is not a ${mapping.country.codes} code of a country in Demarche's reference data`,
        );
        continue;
      }
    }
    const yearText = (cells[yearColumn!] ?? '').trim();
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (!(year >= 1800 && year <= 2200)) {
      rowError(yearColumn, yearText === '' ? 'is empty: it must hold a year such as 2023' : `"${clip(yearText, 60)}" is not a year such as 2023`);
      continue;
    }
    const matching = rules.filter((rule) => rule.test(cells));
    const offenceKey = offence?.key(cells);
    const offenceName = offence?.name(cells);
    const tooLong = [offenceKey, offenceName].find((built) => built && 'message' in built);
    if (tooLong && 'message' in tooLong) {
      rowError(tooLong.column, tooLong.message);
      continue;
    }
    for (const value of values) {
      const cell = (cells[value.index!] ?? '').trim();
      if (mapping.file.missing.includes(cell)) {
        skip(`no figure in the column "${header(value.index)}" (“${cell}”)`, `row ${row}`);
        continue;
      }
      const number = parseNumber(cell, mapping.file);
      const problem = number === undefined ? numberProblem(cell, mapping.file) : valueProblem(number, value.unit);
      if (problem) {
        rowError(value.index, problem);
        continue;
      }
      const code = value.code(cells);
      const name = value.name(cells);
      const refused = 'message' in code ? code : 'message' in name ? name : undefined;
      if (refused) {
        rowError(refused.column ?? value.index, refused.message);
        continue;
      }
      const indicatorCode = 'text' in code ? code.text : '';
      if (indicatorCode === '') {
        rowError(value.index, 'gives a figure, but the indicator code the mapping builds from this row is empty');
        continue;
      }
      const definitions = { ...mapping.definitions, ...value.definitions };
      const caveats = [...mapping.caveats, ...(value.caveats ?? [])];
      for (const rule of matching) {
        Object.assign(definitions, rule.definitions);
        caveats.push(...(rule.caveats ?? []));
      }
      const key = `${sourceOf.id}/${indicatorCode}/${value.group}`;
      const series: SeriesDefinition = {
        key,
        sourceId: sourceOf.id,
        publisher: sourceOf.publisher,
        tableId: sourceOf.tableId,
        tableTitle: sourceOf.title,
        url: sourceOf.url,
        licence: sourceOf.licence,
        retrievedOn: sourceOf.retrievedOn,
        indicatorCode,
        indicatorName: ('text' in name && name.text) || indicatorCode,
        offenceKey: (offenceKey && 'text' in offenceKey && offenceKey.text) || null,
        offenceName: (offenceName && 'text' in offenceName && offenceName.text) || null,
        groupCode: value.group,
        groupDefinition: definitions.groupDefinition,
        justiceStage: definitions.justiceStage,
        immigrationLawOffences: definitions.immigrationLawOffences,
        standardisation: definitions.standardisation,
        unit: value.unit,
        kind: definitions.kind,
        coverage: definitions.coverage,
        denominator: definitions.denominator ?? null,
        seriesBreaks: mapping.seriesBreaks,
        caveats: [...new Set(caveats)],
      };
      const earlier = result.series.get(key);
      if (earlier && definitionsOf(earlier) !== definitionsOf(series)) {
        rowError(
          value.index,
          `gives series ${key} other definitions than row ${definedAt.get(key)} did (a rule applies to some of its rows and not to others)`,
        );
        continue;
      }
      if (!earlier) {
        result.series.set(key, series);
        definedAt.set(key, row);
      }
      // Names change over the years (a law renamed); the series takes the latest year's.
      const latest = latestName.get(key);
      if (!latest || year >= latest.year) latestName.set(key, { year, indicatorName: series.indicatorName, offenceName: series.offenceName });
      const at = `${key}\u0000${country}\u0000${year}`;
      const first = valueAt.get(at);
      if (first !== undefined) {
        rowError(value.index, `repeats the figure of row ${first} (${key}, ${country}, ${year}): which of the two is right is the file's to say`);
        continue;
      }
      valueAt.set(at, row);
      result.values.push({ seriesKey: key, country: country!, year, value: number!, row });
    }
  }
  for (const [key, latest] of latestName) {
    const series = result.series.get(key)!;
    series.indicatorName = latest.indicatorName;
    series.offenceName = latest.offenceName;
  }
  if (errors.length >= MAX_REPORTED_ERRORS) {
    errors.push({ row: 0, column: 'file', message: `more problems were not checked: the first ${MAX_REPORTED_ERRORS} are listed` });
  }
  result.skipped = [...skipped].map(([reason, { rows, examples }]) => ({ reason, rows, examples: [...examples] }));
  return result;
}

/** What must be the same in every row of a series (names may change over the years). */
export function definitionsOf(series: SeriesDefinition): string {
  const { indicatorName: _name, offenceName: _offence, ...definitions } = series;
  return canonicalize(definitions) ?? '';
}

function countryOf(code: string, codes: 'alpha2' | 'alpha3' | 'm49', countries: CountryCodes): string | undefined {
  if (codes === 'alpha2') return countries.alpha2.has(code.toUpperCase()) ? code.toUpperCase() : undefined;
  if (codes === 'alpha3') return countries.alpha3.get(code.toUpperCase());
  return /^\d{1,3}$/.test(code) ? countries.m49.get(code.padStart(3, '0')) : undefined;
}

function parseNumber(cell: string, file: TStatisticsMapping['file']): number | undefined {
  let text = cell.replace(/^\+/, '');
  if (file.thousands !== '') text = text.split(file.thousands).join('');
  if (file.decimal === ',') text = text.replace(',', '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

function numberProblem(cell: string, file: TStatisticsMapping['file']): string {
  const separators = `decimal separator "${file.decimal}"${file.thousands === '' ? ', no thousands separator' : `, thousands separator "${file.thousands}"`}`;
  const missing = file.missing.map((m) => `“${m}”`).join(', ');
  return `"${clip(cell, 60)}" is not a number (${separators}; cells that mean “no figure” are ${missing || 'none'}: file.missing)`;
}

function valueProblem(value: number, unit: TStatisticUnit): string | undefined {
  if (value < 0) return `is ${value}: a figure in ${STATISTIC_UNIT_LABELS[unit].toLowerCase()} cannot be negative`;
  if (unit === 'count' && !Number.isInteger(value)) return `is ${value}: a count is a whole number (is the unit "count" right?)`;
  if (unit === 'percent' && value > 100) return `is ${value}: a percentage is at most 100 (is the unit "percent" right?)`;
  return undefined;
}

function describeHeader(header: string[]): string {
  const shown = header.slice(0, 20).map((cell, index) => (cell === '' ? `(empty column ${index + 1})` : `"${clip(cell, 100)}"`));
  return shown.join(', ') + (header.length > 20 ? `, … (${header.length} columns)` : '');
}

/** Text from a file, quoted in a message: a cell of notes is cut, and says so. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length.toLocaleString('en')} characters)`;
}

function describeCondition(c: TCondition): string {
  const column = typeof c.column === 'number' ? `column ${c.column}` : `"${c.column}"`;
  if (c.equals !== undefined) return `${column} = "${c.equals}"`;
  if (c.in !== undefined) return `${column} in [${c.in.slice(0, 5).join(', ')}${c.in.length > 5 ? ', …' : ''}]`;
  if (c.notIn !== undefined) return `${column} not in [${c.notIn.slice(0, 5).join(', ')}${c.notIn.length > 5 ? ', …' : ''}]`;
  return `${column} matches /${c.pattern}/`;
}

/** A row's label for the report: the first text cell other than the code (UN DESA: the area's name). */
function describeRow(cells: string[], header: string[], codeColumn: number): string {
  const label = cells.find((cell, index) => index !== codeColumn && /[A-Za-z]/.test(cell) && header[index] !== undefined);
  return (label ?? cells[codeColumn] ?? '').trim().slice(0, 80);
}
