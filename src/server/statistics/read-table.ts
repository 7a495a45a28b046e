import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import chardet from 'chardet';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { TStatisticsMapping } from '../../shared/statistics';
import { AppError } from '../http/app-error';
import { checkZipSize, MAX_ZIP_ENTRIES } from './zip-size';

/** A decompressed file may be this large at most: a small gzip or XLSX that unpacks to gigabytes is refused. */
export const MAX_TABLE_BYTES = 200_000_000;

export interface TableRow {
  /** The row of the file, counted from 1 with the rows above the header (a spreadsheet's row number). */
  row: number;
  cells: string[];
}

export interface Table {
  header: string[];
  /** The header's row number. */
  headerRow: number;
  rows: TableRow[];
  gzipped: boolean;
  encoding: string | null;
  separator: string | null;
  sha256: string;
}

/** The file as a whole cannot be read: a 400 naming `file`, never a 500. */
const unreadable = (message: string) => AppError.validation([{ field: 'file', message }], `The file cannot be read: ${message}`);

/** With the u flag, a surrogate class matches only surrogates that are not part of a pair. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why text from a file is no text PostgreSQL can store (a NUL, half of a surrogate pair), or undefined. */
function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'half of a character pair (a lone surrogate, \\ud800–\\udfff)';
  return undefined;
}

/**
 * Reads a publisher's table as the mapping's `file` section describes it: gunzips it when it
 * is gzipped (by name or by its magic bytes), decodes CSV text (detecting the encoding and the
 * separator when asked) and parses it with csv-parse, or reads an XLSX worksheet with exceljs;
 * skips the rows above the header; returns the header and the rows below it as text cells.
 */
export async function readTable(bytes: Buffer, fileName: string, file: TStatisticsMapping['file']): Promise<Table> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const gzipped = fileName.toLowerCase().endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b);
  let data = bytes;
  if (gzipped) {
    try {
      data = gunzipSync(bytes, { maxOutputLength: MAX_TABLE_BYTES });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw unreadable(
        code === 'ERR_BUFFER_TOO_LARGE'
          ? `it unpacks to more than ${MAX_TABLE_BYTES.toLocaleString('en')} bytes`
          : 'it is named .gz (or starts like gzip) but is not a valid gzip file',
      );
    }
  }
  const table = file.format === 'xlsx' ? await readXlsx(data, file) : readCsv(data, file);
  const headerIndex = table.records.findIndex((_, index) => index >= file.skipRows);
  const header = headerIndex >= 0 ? table.records[headerIndex]! : undefined;
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw unreadable(`there is no header row after the ${file.skipRows} row(s) the mapping skips (skipRows): the file has ${table.records.length} row(s)`);
  }
  const rows = table.records
    .slice(file.skipRows + 1)
    .map((cells, index) => ({ row: file.skipRows + 2 + index, cells }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  return {
    header: header.map((cell) => cell.trim()),
    headerRow: file.skipRows + 1,
    rows,
    gzipped,
    encoding: table.encoding,
    separator: table.separator,
    sha256,
  };
}

interface Records {
  records: string[][];
  encoding: string | null;
  separator: string | null;
}

function readCsv(data: Buffer, file: TStatisticsMapping['file']): Records {
  if (data.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    throw unreadable('it is a ZIP or XLSX file, but the mapping says csv (file.format)');
  }
  const encoding = file.encoding === 'auto' ? detectEncoding(data) : file.encoding;
  if (!iconv.encodingExists(encoding)) throw unreadable(`the encoding "${encoding}" is not one Demarche knows (file.encoding)`);
  const text = iconv.decode(data, encoding, { stripBOM: true });
  const problem = textProblem(text);
  if (problem) throw unreadable(`it contains ${problem}: it is not CSV text in ${encoding} (check file.format and file.encoding)`);
  const separator = file.separator === 'auto' ? detectSeparator(text, file.skipRows) : file.separator;
  try {
    const records = parse(text, { delimiter: separator, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
    return { records, encoding, separator };
  } catch (error) {
    const { message, lines } = error as { message: string; lines?: number };
    throw unreadable(`it is not valid CSV${lines ? ` near line ${lines}` : ''}: ${message.replace(/^Invalid [^:]*: /, '')}`);
  }
}

/** A BOM or valid UTF-8 is UTF-8; anything else is what chardet finds most likely (Latin-1 when it finds nothing). */
export function detectEncoding(data: Buffer): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8';
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) return data[0] === 0xff ? 'utf-16le' : 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return 'utf-8';
  } catch {
    const guess = chardet.detect(data);
    return guess && iconv.encodingExists(guess) && !guess.toLowerCase().startsWith('utf') ? guess : 'latin1';
  }
}

const SEPARATORS = [',', ';', '\t', '|'];

/** The separator that splits the header and the next rows into the most columns, the same number in each. */
function detectSeparator(text: string, skipRows: number): string {
  const lines = text
    .split(/\r?\n/)
    .slice(skipRows, skipRows + 6)
    .filter((line) => line.trim() !== '');
  let best = ',';
  let bestScore = 0;
  for (const separator of SEPARATORS) {
    const counts = lines.map((line) => line.replace(/"[^"]*"/g, '').split(separator).length - 1);
    const first = counts[0] ?? 0;
    const consistent = counts.filter((count) => count === first).length;
    const score = first === 0 ? 0 : first * consistent;
    if (score > bestScore) {
      best = separator;
      bestScore = score;
    }
  }
  return best;
}

async function readXlsx(data: Buffer, file: TStatisticsMapping['file']): Promise<Records> {
  const zip = await checkZipSize(data, MAX_TABLE_BYTES);
  if (!zip.ok) {
    throw unreadable(
      zip.reason === 'too_large'
        ? `it unpacks to more than ${MAX_TABLE_BYTES.toLocaleString('en')} bytes (an XLSX file is a ZIP archive; this one holds far more than a table)`
        : zip.reason === 'too_many_entries'
          ? `it holds more than ${MAX_ZIP_ENTRIES.toLocaleString('en')} files (an XLSX file is a ZIP archive of a few dozen)`
          : 'it is not an XLSX workbook (check file.format)',
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('it is not an XLSX workbook (check file.format)');
  }
  const sheet = typeof file.sheet === 'string' ? workbook.getWorksheet(file.sheet) : workbook.worksheets[(file.sheet ?? 1) - 1];
  if (!sheet) {
    const names = workbook.worksheets.map((worksheet) => `"${worksheet.name}"`).join(', ');
    throw unreadable(
      `it has no worksheet ${typeof file.sheet === 'string' ? `"${file.sheet}"` : `number ${file.sheet ?? 1}`} (file.sheet); it has ${names || 'none'}`,
    );
  }
  const records: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column += 1) {
      const cell = row.getCell(column);
      const text = cellText(cell.value);
      // exceljs turns the escapes _x0000_ and _xD800_ into a NUL and a lone surrogate.
      const problem = textProblem(text);
      if (problem) throw unreadable(`cell ${cell.address} of the worksheet "${sheet.name}" contains ${problem}, which is not text`);
      cells.push(text);
    }
    records.push(cells);
  }
  return { records, encoding: null, separator: null };
}

/** A cell as the text a CSV of the same table would have: numbers unformatted, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}
