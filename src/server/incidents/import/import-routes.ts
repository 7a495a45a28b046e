import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { AppError } from '../../http/app-error';
import { ZProblem } from '../../../shared/problem';
import { actorOf, auditContextOf } from '../../identity/authenticate';
import { requirePermission } from '../../identity/access-policy';
import {
  IMPORT_MAX_CHARS,
  IMPORT_MAX_ROWS,
  type TIncidentImportReport,
  ZIncidentImportProblem,
  ZIncidentImportReport,
  ZIncidentImportRequest,
} from '../../../shared/incident-imports';
import { importIncidents } from './import-incidents';
import { parseIncidentFile } from './parse-incident-file';

/** JSON escapes and UTF-8 make a body larger than its content's characters; the schema then names the limit. */
const BODY_LIMIT = IMPORT_MAX_CHARS * 2;

/**
 * POST /api/v1/incident-imports: the upload page's bulk import. The page shows the upload's
 * own progress, then the report of a dry run (every row checked, nothing written), then
 * imports; docs/incident-import.md says more. Registered with the Database because the write
 * uses COPY on PostgreSQL's own connection.
 */
export const incidentImportRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.post(
    '/incident-imports',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['incidents'],
        summary: 'Import incidents from a CSV or JSON file at your home post, all or nothing',
        description:
          `Every row is checked as POST /incidents checks one incident; any invalid row and nothing is written, and the 400 lists each problem ` +
          `(\`errors\` as \`rows[12].summary\`, and \`rows\` with row, field, message and, for a personal identifier, its span). ` +
          `A row whose externalId is already stored is skipped (a second import changes nothing). \`dryRun: true\` checks and reports only (200). ` +
          `Written: 201 (200 when every row was skipped). At most ${IMPORT_MAX_ROWS.toLocaleString('en')} rows per upload. ` +
          'The CSV columns and the JSON form are in docs/incident-import.md.',
        body: ZIncidentImportRequest,
        response: { 200: ZIncidentImportReport, 201: ZIncidentImportReport, 400: ZIncidentImportProblem, 401: ZProblem, 403: ZProblem, 413: ZProblem },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requirePermission(actor, 'records.draft');
      const { format, content, dryRun } = request.body;
      const rows = parseIncidentFile(content, format, { maxRows: IMPORT_MAX_ROWS });
      const report = await importIncidents(database, rows, { actor, context: auditContextOf(request), dryRun, format });
      if (report.errors.length > 0) throw invalidImport(report);
      return reply.code(dryRun || report.created === 0 ? 200 : 201).send(report);
    },
  );
};

function invalidImport(report: TIncidentImportReport): AppError {
  const rowsWithErrors = new Set(report.errors.map((error) => error.row)).size;
  const error = AppError.validation(
    report.errors.map(({ row, field, message }) => ({ field: `rows[${row}].${field}`, message })),
    `${report.errors.length} problem(s) in ${rowsWithErrors} row(s); nothing was imported.`,
  );
  error.extensions = { rows: report.errors, report };
  return error;
}
