import { inArray, ne, sql } from 'drizzle-orm';
import { ZStatisticsMapping, type TStatisticsImportReport, type TStatisticsMapping, type TStatisticsRowError } from '../../shared/statistics';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Database, Executor } from '../db/client';
import { countries, statisticSeries, statisticValues } from '../db/schema/index';
import { AppError } from '../http/app-error';
import { fieldErrorsOf, parseHuman } from '../http/human-messages';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { type CountryCodes, definitionsOf, type Prepared, prepareStatistics, type SeriesDefinition } from './prepare-statistics';
import { readTable } from './read-table';

export interface StatisticsImportInput {
  bytes: Buffer;
  fileName: string;
  mapping: TStatisticsMapping;
}

export interface StatisticsImportOptions {
  /** The user importing; null for the operator at the command line (audited as the CLI). */
  actor: Actor | null;
  context: AuditContext;
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Values per INSERT: four parameters each, far below PostgreSQL's 65,535. */
const WRITE_BATCH = 2_000;
/** Corrections listed in the audit event (the counts are always complete). */
const AUDITED_CORRECTIONS = 200;
/** Any number shared by every Demarche process; with the source id, imports of one table take turns. */
const IMPORT_LOCK = 72_534_014;

/**
 * Imports a publisher's table as its mapping says: every row is read and checked first, and
 * one problem anywhere means nothing is written (the report lists each by row, column and
 * reason). Then, in one transaction, series and values are compared with what is stored:
 * new ones are inserted, changed ones updated (a corrected figure, a changed definition), and
 * the rest left alone, so that importing the same file again changes nothing. Values stored
 * earlier that the file no longer has are kept. One audit event records the import, with the
 * corrections it made.
 */
export async function importStatistics(database: Database, input: StatisticsImportInput, options: StatisticsImportOptions): Promise<TStatisticsImportReport> {
  if (options.actor) requirePermission(options.actor, 'statistics.import');
  const { mapping } = input;
  const table = await readTable(input.bytes, input.fileName, mapping.file);
  const prepared = prepareStatistics(table, mapping, await loadCountryCodes(database.db));
  const report: TStatisticsImportReport = {
    dryRun: options.dryRun ?? false,
    source: mapping.source.id,
    file: {
      name: input.fileName,
      format: mapping.file.format,
      gzipped: table.gzipped,
      encoding: table.encoding,
      separator: table.separator,
      sha256: table.sha256,
    },
    rows: table.rows.length,
    skipped: prepared.skipped,
    series: { created: 0, updated: 0, unchanged: 0 },
    values: { created: 0, updated: 0, unchanged: 0 },
    errors: prepared.errors,
  };
  if (prepared.errors.length > 0) return report;

  const outcome = await database.db
    .transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${mapping.source.id}))`);
      const result = await writeStatistics(tx, prepared, { ...options, report });
      // A dry run compares with what is stored, then leaves it as it was.
      if (options.dryRun) throw new DryRunDone(result);
      return result;
    })
    .catch((error: unknown) => {
      if (error instanceof DryRunDone) return error.result;
      throw error;
    });
  return { ...report, series: outcome.series, values: outcome.values };
}

class DryRunDone extends Error {
  constructor(readonly result: Pick<TStatisticsImportReport, 'series' | 'values'>) {
    super('dry run');
  }
}

async function writeStatistics(
  tx: Executor,
  prepared: Prepared,
  options: StatisticsImportOptions & { report: TStatisticsImportReport },
): Promise<Pick<TStatisticsImportReport, 'series' | 'values'>> {
  const keys = [...prepared.series.keys()];
  const stored = new Map<string, { id: string; definition: SeriesDefinition }>();
  for (let start = 0; start < keys.length; start += 5_000) {
    const rows = await tx
      .select()
      .from(statisticSeries)
      .where(inArray(statisticSeries.key, keys.slice(start, start + 5_000)));
    for (const row of rows) stored.set(row.key, { id: row.id, definition: definitionOfRow(row) });
  }
  const series = { created: 0, updated: 0, unchanged: 0 };
  const toWrite: SeriesDefinition[] = [];
  const definitionsChanged: string[] = [];
  for (const definition of prepared.series.values()) {
    const existing = stored.get(definition.key);
    if (!existing) {
      series.created += 1;
      toWrite.push(definition);
    } else if (definitionsOf(existing.definition) !== definitionsOf(definition) || names(existing.definition) !== names(definition)) {
      series.updated += 1;
      toWrite.push(definition);
      if (definitionsOf(existing.definition) !== definitionsOf(definition)) definitionsChanged.push(definition.key);
    } else series.unchanged += 1;
  }

  // The stored values of these series, to compare with the file's.
  const storedIds = [...stored.values()].map(({ id }) => id);
  const storedValues = new Map<string, number>();
  const keyOfId = new Map([...stored].map(([key, { id }]) => [id, key]));
  for (let start = 0; start < storedIds.length; start += 1_000) {
    const rows = await tx
      .select({ seriesId: statisticValues.seriesId, country: statisticValues.countryAlpha2, year: statisticValues.year, value: statisticValues.value })
      .from(statisticValues)
      .where(inArray(statisticValues.seriesId, storedIds.slice(start, start + 1_000)));
    for (const row of rows) storedValues.set(`${keyOfId.get(row.seriesId)}\u0000${row.country}\u0000${row.year}`, row.value);
  }
  const values = { created: 0, updated: 0, unchanged: 0 };
  const changedValues: typeof prepared.values = [];
  const corrections: { series: string; country: string; year: number; from: number; to: number }[] = [];
  for (const value of prepared.values) {
    const before = storedValues.get(`${value.seriesKey}\u0000${value.country}\u0000${value.year}`);
    if (before === undefined) {
      values.created += 1;
      changedValues.push(value);
    } else if (before !== value.value) {
      values.updated += 1;
      changedValues.push(value);
      if (corrections.length < AUDITED_CORRECTIONS)
        corrections.push({ series: value.seriesKey, country: value.country, year: value.year, from: before, to: value.value });
    } else values.unchanged += 1;
  }
  if (options.dryRun || (toWrite.length === 0 && changedValues.length === 0)) return { series, values };

  const ids = new Map([...stored].map(([key, { id }]) => [key, id]));
  for (let start = 0; start < toWrite.length; start += 500) {
    const written = await tx
      .insert(statisticSeries)
      .values(toWrite.slice(start, start + 500))
      .onConflictDoUpdate({
        target: statisticSeries.key,
        set: {
          ...Object.fromEntries(
            [
              'publisher',
              'table_id',
              'table_title',
              'url',
              'licence',
              'retrieved_on',
              'indicator_code',
              'indicator_name',
              'offence_key',
              'offence_name',
              'group_code',
              'group_definition',
              'justice_stage',
              'immigration_law_offences',
              'standardisation',
              'unit',
              'kind',
              'coverage',
              'denominator',
              'series_breaks',
              'caveats',
            ].map((column) => [toCamel(column), sql.raw(`excluded.${column}`)]),
          ),
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: statisticSeries.id, key: statisticSeries.key });
    for (const { id, key } of written) ids.set(key, id);
  }
  let done = 0;
  for (let start = 0; start < changedValues.length; start += WRITE_BATCH) {
    const batch = changedValues.slice(start, start + WRITE_BATCH);
    await tx
      .insert(statisticValues)
      .values(batch.map((value) => ({ seriesId: ids.get(value.seriesKey)!, countryAlpha2: value.country, year: value.year, value: value.value })))
      .onConflictDoUpdate({
        target: [statisticValues.seriesId, statisticValues.countryAlpha2, statisticValues.year],
        set: { value: sql`excluded.value`, updatedAt: sql`now()` },
      });
    done += batch.length;
    options.onProgress?.(done, changedValues.length);
  }
  const { report } = options;
  await recordAudit(tx, options.context, {
    action: 'statistics.imported',
    recordType: 'statistic_source',
    recordId: report.source,
    classification: 'U',
    change: {
      file: report.file.name,
      sha256: report.file.sha256,
      rows: report.rows,
      series,
      values,
      ...(definitionsChanged.length > 0 ? { definitionsChanged: definitionsChanged.slice(0, AUDITED_CORRECTIONS) } : {}),
      ...(corrections.length > 0 ? { corrections } : {}),
    },
  });
  return { series, values };
}

const toCamel = (column: string) => column.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());

const names = (definition: SeriesDefinition) => JSON.stringify([definition.indicatorName, definition.offenceName]);

function definitionOfRow(row: typeof statisticSeries.$inferSelect): SeriesDefinition {
  // The same key order as prepareStatistics builds, so that the two compare as JSON.
  return {
    key: row.key,
    sourceId: row.sourceId,
    publisher: row.publisher,
    tableId: row.tableId,
    tableTitle: row.tableTitle,
    url: row.url,
    licence: row.licence,
    retrievedOn: row.retrievedOn,
    indicatorCode: row.indicatorCode,
    indicatorName: row.indicatorName,
    offenceKey: row.offenceKey,
    offenceName: row.offenceName,
    groupCode: row.groupCode as SeriesDefinition['groupCode'],
    groupDefinition: row.groupDefinition,
    justiceStage: row.justiceStage,
    immigrationLawOffences: row.immigrationLawOffences,
    standardisation: row.standardisation,
    unit: row.unit as SeriesDefinition['unit'],
    kind: row.kind as SeriesDefinition['kind'],
    coverage: row.coverage as SeriesDefinition['coverage'],
    denominator: row.denominator ? { seriesKey: row.denominator.seriesKey, description: row.denominator.description } : null,
    seriesBreaks: row.seriesBreaks.map(({ year, note }) => ({ year, note })),
    caveats: row.caveats,
  };
}

export async function loadCountryCodes(db: Executor): Promise<CountryCodes> {
  const rows = await db
    .select({ alpha2: countries.alpha2, alpha3: countries.alpha3, numeric: countries.numeric })
    .from(countries)
    .where(ne(countries.numeric, '000'));
  const all = await db.select({ alpha2: countries.alpha2, alpha3: countries.alpha3 }).from(countries);
  return {
    alpha2: new Set(all.map((row) => row.alpha2)),
    alpha3: new Map(all.map((row) => [row.alpha3, row.alpha2])),
    m49: new Map(rows.map((row) => [row.numeric.padStart(3, '0'), row.alpha2])),
  };
}

/** A mapping file's text, checked: a 400 naming each field (`mapping.file.encoding`) in words. */
export function parseMapping(text: string): TStatisticsMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw AppError.validation([{ field: 'mapping', message: `is not valid JSON: ${(error as Error).message}` }], 'The mapping file is not valid JSON.');
  }
  return checkMapping(json);
}

/** A mapping as an object, checked with the same schema the API uses. */
export function checkMapping(json: unknown): TStatisticsMapping {
  const result = parseHuman(ZStatisticsMapping, json);
  if (result.error) {
    const errors = fieldErrorsOf(result.error.issues, 'mapping');
    throw AppError.validation(errors, `The mapping is not valid: ${errors.map((error) => `${error.field} ${error.message}`).join('; ')}`);
  }
  return result.data;
}

/** The 400 of a file with problems: `errors` as `rows[12].Jahr`, and the same by row in `rows`. */
export function invalidStatisticsFile(report: TStatisticsImportReport): AppError {
  const rowsWithErrors = new Set(report.errors.map((error: TStatisticsRowError) => error.row)).size;
  const error = AppError.validation(
    report.errors.map(({ row, column, message }) => ({ field: row > 0 ? `rows[${row}].${column}` : column, message })),
    `${report.errors.length} problem(s) in ${rowsWithErrors} row(s) of ${report.file.name}; nothing was imported.`,
  );
  error.extensions = { rows: report.errors, report };
  return error;
}
