import { z } from 'zod';
import { ZIdentifierKind } from './incidents';
import { ZProblem } from './problem';

/** The bulk import's API contract (POST /api/v1/incident-imports), shared by the server, the CLI and the upload page. */
export const IMPORT_FORMATS = ['csv', 'json'] as const;
export type TImportFormat = (typeof IMPORT_FORMATS)[number];

/** Rows in one upload; the CLI takes larger files. */
export const IMPORT_MAX_ROWS = 20_000;
/** Characters of `content` in one upload (the request body limit is set a little above it). */
export const IMPORT_MAX_CHARS = 16_000_000;

export const ZIncidentImportRequest = z.object({
  format: z.enum(IMPORT_FORMATS, { error: `must be one of ${IMPORT_FORMATS.join(', ')}` }),
  /** The file's text: CSV (comma, semicolon or tab; a UTF-8 BOM is ignored) or JSON. */
  content: z
    .string({ error: 'is required: the text of the file' })
    .min(1, 'is required: the text of the file')
    .max(IMPORT_MAX_CHARS, `must be at most ${IMPORT_MAX_CHARS.toLocaleString('en')} characters: split the file`),
  /** Check every row and report, without writing anything. */
  dryRun: z.boolean({ error: 'must be true or false' }).default(false),
});
export type TIncidentImportRequest = z.input<typeof ZIncidentImportRequest>;

/** A problem with one row (row 1 is a CSV file's header; JSON counts incidents from 1). */
export const ZImportRowError = z.object({
  row: z.number().int(),
  /** The CSV column (`summary`, `source2_url`) or the JSON path (`sources[1].url`); `file` for the file as a whole. */
  field: z.string(),
  message: z.string(),
  /** For a personal identifier: where it is in the field's text, [start, end). */
  span: z.object({ start: z.number().int(), end: z.number().int(), text: z.string(), kind: ZIdentifierKind }).optional(),
});
export type TImportRowError = z.infer<typeof ZImportRowError>;

export const ZIncidentImportReport = z.object({
  dryRun: z.boolean(),
  /** Rows read from the file. */
  rows: z.number().int(),
  /** Incidents written (none on a dry run or when any row is invalid). */
  created: z.number().int(),
  /** Rows that are valid and would be written by this import (not yet stored). */
  valid: z.number().int(),
  /** Rows whose external id is already stored: left as they are (a second import changes nothing). */
  skipped: z.array(z.object({ row: z.number().int(), externalId: z.string() })),
  errors: z.array(ZImportRowError),
  /** Incidents the importer may see that may describe the same event as a row: for review, never blocking. */
  duplicates: z.array(z.object({ row: z.number().int(), candidates: z.array(z.object({ id: z.string(), score: z.number() })) })),
});
export type TIncidentImportReport = z.infer<typeof ZIncidentImportReport>;

/** The 400 of an invalid file: `errors` as `rows[12].summary`, and the same problems by row in `rows`. */
export const ZIncidentImportProblem = ZProblem.extend({
  rows: z.array(ZImportRowError).optional(),
  report: ZIncidentImportReport.optional(),
});
