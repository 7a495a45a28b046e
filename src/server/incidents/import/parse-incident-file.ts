import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../../http/app-error';
import { csvColumnOf, csvMessage, csvRowToInput, INCIDENT_CSV_COLUMNS, jsonFieldOf, normaliseHeader, REQUIRED_CSV_COLUMNS } from './incident-columns';
import type { TImportFormat, TImportRowError } from '../../../shared/incident-imports';

/**
 * Reads an import file into rows of incident input, numbered as a person counts them:
 * in a CSV file the header is row 1 and the first incident row 2, as a spreadsheet shows
 * them (a cell with line breaks stays one row); in JSON the first incident is row 1.
 * Whatever makes the file unreadable as a whole is thrown as a 400 with its `rows`.
 */
export interface ImportRow {
  row: number;
  input: unknown;
  /** The file's name for a field of the input (`body.sources.1.url` → `source2_url` or `sources[1].url`). */
  fieldOf(path: readonly string[]): string;
  /** The message as the file's reader should read it. */
  messageFor(field: string, message: string): string;
}

export interface ParseOptions {
  /** More rows than this refuse the file (the API's limit; the CLI has none). */
  maxRows?: number;
}

const SEPARATORS = [',', ';', '\t'] as const;
const BOM = '\uFEFF';

export function parseIncidentFile(content: string, format: TImportFormat, options: ParseOptions = {}): ImportRow[] {
  const rows = format === 'csv' ? parseCsv(content) : parseJson(content);
  if (options.maxRows !== undefined && rows.length > options.maxRows) {
    throw fileProblem([
      {
        row: 0,
        field: 'file',
        message: `has ${rows.length.toLocaleString('en')} incidents; import at most ${options.maxRows.toLocaleString('en')} at a time (split the file)`,
      },
    ]);
  }
  return rows;
}

/** The format a file name suggests: .json is JSON, anything else is read as CSV. */
export function formatOfFileName(name: string): TImportFormat {
  return /\.json$/i.test(name) ? 'json' : 'csv';
}

/** The separator of the header line: the one of comma, semicolon and tab it uses most, outside quotes. */
export function detectSeparator(content: string): string {
  const header = headerLine(content.startsWith(BOM) ? content.slice(1) : content);
  const counts = SEPARATORS.map((separator) => header.split(separator).length - 1);
  const best = counts.indexOf(Math.max(...counts));
  return counts[best]! > 0 ? SEPARATORS[best]! : ',';
}

function headerLine(content: string): string {
  let line = '';
  let quoted = false;
  for (const char of content) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted) line += char;
  }
  return line;
}

function parseCsv(content: string): ImportRow[] {
  let records: string[][];
  try {
    records = parse(content, { bom: true, delimiter: detectSeparator(content), relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw fileProblem([{ row: 0, field: 'file', message: `is not readable as CSV${line ? ` at line ${line}` : ''}: ${error.message}` }]);
    }
    throw error;
  }
  const [header, ...data] = records;
  if (!header || header.every((cell) => cell.trim() === ''))
    throw fileProblem([{ row: 1, field: 'file', message: 'is empty: the first row must name the columns' }]);
  const columns = header.map(normaliseHeader);
  const known = new Set(INCIDENT_CSV_COLUMNS);
  const problems: TImportRowError[] = [];
  columns.forEach((column, index) => {
    if (column === '') problems.push({ row: 1, field: `column ${index + 1}`, message: 'has no name: name it or delete it' });
    else if (!known.has(column)) problems.push({ row: 1, field: column, message: 'is not a known column (docs/incident-import.md lists them)' });
    else if (columns.indexOf(column) !== index) problems.push({ row: 1, field: column, message: 'appears twice: keep one' });
  });
  for (const column of REQUIRED_CSV_COLUMNS) {
    if (!columns.includes(column)) problems.push({ row: 1, field: column, message: 'is missing: every incident needs it' });
  }
  if (problems.length > 0) throw fileProblem(problems);

  const rows: ImportRow[] = [];
  const position = new Map(columns.map((column, index) => [column, index]));
  data.forEach((cells, index) => {
    const row = index + 2;
    // A row left empty in a spreadsheet is counted, as the spreadsheet counts it, and ignored.
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length !== columns.length) {
      problems.push({ row, field: 'row', message: `has ${cells.length} cells where the header has ${columns.length} columns` });
      return;
    }
    const { input, sourceGroups } = csvRowToInput((column) => {
      const at = position.get(column);
      return at === undefined ? undefined : cells[at];
    });
    rows.push({
      row,
      input,
      fieldOf: (path) => csvColumnOf(path, sourceGroups),
      messageFor: (field, message) => csvMessage(field, message, sourceGroups),
    });
  });
  if (problems.length > 0) throw fileProblem(problems);
  return rows;
}

function parseJson(content: string): ImportRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.startsWith(BOM) ? content.slice(1) : content);
  } catch (error) {
    throw fileProblem([{ row: 0, field: 'file', message: `is not readable as JSON: ${(error as Error).message}` }]);
  }
  const list = Array.isArray(parsed) ? parsed : isObject(parsed) && Array.isArray(parsed.incidents) ? parsed.incidents : undefined;
  if (!list) throw fileProblem([{ row: 0, field: 'file', message: 'must be a JSON array of incidents, or an object { "incidents": [ … ] }' }]);
  return list.map((input: unknown, index: number) => ({ row: index + 1, input, fieldOf: jsonFieldOf, messageFor: (_field, message) => message }));
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A file that cannot be read as rows: nothing is imported, and `rows` says where. */
export function fileProblem(rows: TImportRowError[]): AppError {
  const error = AppError.validation(
    rows.map((problem) => ({ field: problem.row > 0 ? `rows[${problem.row}].${problem.field}` : problem.field, message: problem.message })),
    'The file cannot be imported; nothing was imported.',
  );
  error.extensions = { rows };
  return error;
}
