import { parse } from 'csv-parse/sync';
import { inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { ZBureauCode, ZPostCode, ZPostKind } from '../../shared/reference';
import type { Db } from '../db/client';
import { countries, posts } from '../db/schema/index';
import { AppError, type FieldError } from '../http/app-error';
import { parseHuman } from '../http/human-messages';

export const POST_CSV_COLUMNS = ['code', 'name', 'kind', 'country', 'city', 'lat', 'lon', 'bureau'] as const;
const REQUIRED_COLUMNS = POST_CSV_COLUMNS.filter((column) => column !== 'bureau');

const ZCoordinate = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number such as 52.52')
    .transform(Number)
    .pipe(z.number().min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`));

const ZPostCsvRow = z.object({
  code: ZPostCode,
  name: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  kind: ZPostKind,
  country: z.string().regex(/^[A-Za-z]{2,3}$/, 'must be an ISO alpha-2 or alpha-3 code such as "DE"'),
  city: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  lat: ZCoordinate(-90, 90),
  lon: ZCoordinate(-180, 180),
  bureau: z.union([z.literal(''), ZBureauCode]).optional(),
});

export interface ImportPostsResult {
  imported: number;
}

/**
 * Imports posts from CSV (header: code,name,kind,country,city,lat,lon[,bureau]). Every row
 * is checked first; one bad row imports nothing and the error names each row and field.
 * Row numbers count the header as row 1, as a spreadsheet shows them.
 */
export async function importPosts(db: Db, csv: string, onProgress?: (done: number, total: number) => void): Promise<ImportPostsResult> {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw AppError.validation([{ field: 'file', message: `is not valid CSV: ${(error as Error).message}` }]);
  }
  if (records.length === 0) {
    throw AppError.validation([{ field: 'file', message: 'has no rows after the header' }]);
  }
  const header = Object.keys(records[0] ?? {});
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  const unknown = header.filter((column) => !(POST_CSV_COLUMNS as readonly string[]).includes(column));
  if (missing.length > 0 || unknown.length > 0) {
    throw AppError.validation([
      ...missing.map((column) => ({ field: `header.${column}`, message: 'column is missing' })),
      ...unknown.map((column) => ({
        field: `header.${column}`,
        message: `is not a known column (expected ${POST_CSV_COLUMNS.join(', ')})`,
      })),
    ]);
  }

  const errors: FieldError[] = [];
  const valid: { row: number; value: z.infer<typeof ZPostCsvRow> }[] = [];
  records.forEach((record, index) => {
    const row = index + 2;
    const result = parseHuman(ZPostCsvRow, record);
    if (result.success) valid.push({ row, value: result.data });
    else for (const issue of result.error.issues) errors.push({ field: `row ${row}.${issue.path.join('.')}`, message: issue.message });
  });

  const countryCodes = [...new Set(valid.map(({ value }) => value.country.toUpperCase()))];
  const known = countryCodes.length
    ? await db
        .select({ alpha2: countries.alpha2, alpha3: countries.alpha3, bureauCode: countries.bureauCode })
        .from(countries)
        .where(or(inArray(countries.alpha2, countryCodes), inArray(countries.alpha3, countryCodes)))
    : [];
  const countryOf = new Map<string, (typeof known)[number]>();
  for (const country of known) {
    countryOf.set(country.alpha2, country);
    countryOf.set(country.alpha3, country);
  }
  const codes = valid.map(({ value }) => value.code);
  const taken = new Set(codes.length ? (await db.select({ code: posts.code }).from(posts).where(inArray(posts.code, codes))).map((p) => p.code) : []);

  const firstRowOfCode = new Map<string, number>();
  const rows: (typeof posts.$inferInsert)[] = [];
  for (const { row, value } of valid) {
    const country = countryOf.get(value.country.toUpperCase());
    if (!country) errors.push({ field: `row ${row}.country`, message: `no country has the code "${value.country}"` });
    if (taken.has(value.code)) errors.push({ field: `row ${row}.code`, message: `a post with code "${value.code}" already exists` });
    const earlier = firstRowOfCode.get(value.code);
    if (earlier !== undefined) errors.push({ field: `row ${row}.code`, message: `repeats the code of row ${earlier}` });
    else firstRowOfCode.set(value.code, row);
    if (!country) continue;
    rows.push({
      code: value.code,
      name: value.name,
      kind: value.kind,
      countryAlpha2: country.alpha2,
      city: value.city,
      lat: value.lat,
      lon: value.lon,
      bureauCode: value.bureau || country.bureauCode,
    });
  }
  if (errors.length > 0) {
    errors.sort((a, b) => rowNumber(a.field) - rowNumber(b.field));
    throw AppError.validation(errors, `${errors.length} problem(s) in the file; nothing was imported.`);
  }

  const CHUNK = 500;
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += CHUNK) {
      await tx.insert(posts).values(rows.slice(start, start + CHUNK));
      onProgress?.(Math.min(start + CHUNK, rows.length), rows.length);
    }
  });
  return { imported: rows.length };
}

function rowNumber(field: string): number {
  const match = /^row (\d+)/.exec(field);
  return match ? Number(match[1]) : 0;
}
