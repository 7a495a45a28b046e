import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { eq } from 'drizzle-orm';
import { CLI } from '../server/audit/audit-context';
import type { Db } from '../server/db/client';
import { users } from '../server/db/schema/index';
import { loadConfig } from '../server/env';
import { AppError } from '../server/http/app-error';
import { type Actor, loadActor } from '../server/identity/actor';
import { IMPORT_FORMATS, type TImportFormat, type TImportRowError, type TIncidentImportReport } from '../shared/incident-imports';
import { importIncidents } from '../server/incidents/import/import-incidents';
import { formatOfFileName, parseIncidentFile } from '../server/incidents/import/parse-incident-file';
import { progressBar, type CliIo } from './output';
import { withDatabase } from './with-database';

const IMPORT_HELP = `
Every row is checked first; one invalid row and nothing is written (exit code 1), and each
problem is printed as "row 12, summary: …". A row whose external_id is already stored is
skipped, so a second import of the same file, or of a file whose import was interrupted,
writes only what is missing. Incidents are filed as drafts at the importing user's home post.
CSV: a header row and one row per incident, separated by commas, semicolons or tabs (a UTF-8
BOM is fine); row 1 is the header. JSON: an array of incidents as the API takes them, or
{ "incidents": [ … ] }. Columns and examples: docs/incident-import.md.

Example:
  demarche incidents import incidents.csv --as officer@example.org --dry-run`;

export function registerIncidentCommands(program: Command, io: CliIo): void {
  const incidents = program.command('incidents').description('Incident reports');
  incidents
    .command('import')
    .description('Import incidents from a CSV or JSON file, all or nothing; a second import of the same file changes nothing')
    .argument('<file>', 'a CSV file, or JSON (.json)')
    .requiredOption('--as <email>', 'the officer or approver filing them (at their home post)')
    .addOption(new Option('--format <format>', 'the file format (by default .json is JSON, anything else CSV)').choices(IMPORT_FORMATS))
    .option('--dry-run', 'check every row and report, writing nothing')
    .addHelpText('after', IMPORT_HELP)
    .action(async (file: string, options: { as: string; format?: TImportFormat; dryRun?: boolean }) => {
      const config = loadConfig(io.env);
      const content = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new Error(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      });
      const format = options.format ?? formatOfFileName(file);
      const checking = progressBar(io, 'Checking rows');
      const writing = progressBar(io, 'Writing      ');
      let report: TIncidentImportReport;
      try {
        const rows = parseIncidentFile(content, format);
        report = await withDatabase(config, async (database) => {
          const actor = await actorByEmail(database.db, options.as);
          return importIncidents(database, rows, {
            actor,
            context: { ...CLI, actor: { id: actor.id, email: actor.email } },
            dryRun: options.dryRun ?? false,
            format,
            onProgress: ({ phase, done, total }) => {
              if (phase === 'checking') checking.update(done, total);
              else writing.update(done, total);
            },
          });
        });
      } catch (error) {
        if (error instanceof AppError && Array.isArray(error.extensions.rows)) {
          printProblems(io, error.extensions.rows as TImportRowError[]);
          throw new Error(`${file} cannot be imported; nothing was imported.`);
        }
        throw error;
      } finally {
        checking.stop();
        writing.stop();
      }
      printReport(io, file, report);
    });
}

async function actorByEmail(db: Db, email: string): Promise<Actor> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  const actor = user ? await loadActor(db, user.id) : undefined;
  if (!actor) throw new Error(`No user has the e-mail ${email} (--as): name the officer or approver filing the incidents.`);
  if (actor.disabled) throw new Error(`The user ${actor.email} (--as) is disabled.`);
  return actor;
}

function printProblems(io: CliIo, problems: readonly TImportRowError[]): void {
  for (const problem of problems) io.err(problem.row > 0 ? `row ${problem.row}, ${problem.field}: ${problem.message}` : `${problem.field}: ${problem.message}`);
}

function printReport(io: CliIo, file: string, report: TIncidentImportReport): void {
  if (report.errors.length > 0) {
    printProblems(io, report.errors);
    const rows = new Set(report.errors.map((error) => error.row)).size;
    throw new Error(`${report.errors.length} problem(s) in ${rows} row(s) of ${file}; nothing was imported.`);
  }
  const skipped = report.skipped.length > 0 ? `; ${report.skipped.length} skipped (external id already stored)` : '';
  if (report.dryRun) io.out(`Checked ${report.rows} row(s) of ${file}: ${report.valid} would be imported${skipped}. Nothing was written (--dry-run).`);
  else io.out(`Imported ${report.created} incident(s) from ${file} as drafts${skipped}.`);
  if (report.duplicates.length > 0) {
    io.out(`${report.duplicates.length} row(s) may describe incidents already stored (review them on each incident's page):`);
    for (const { row, candidates } of report.duplicates) {
      io.out(`  row ${row}: ${candidates.map((candidate) => `${candidate.id} (similarity ${candidate.score.toFixed(2)})`).join(', ')}`);
    }
  }
}
