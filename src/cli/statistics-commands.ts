import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import type { TStatisticsImportReport, TStatisticsRowError } from '../shared/statistics';
import { CLI } from '../server/audit/audit-context';
import type { Db } from '../server/db/client';
import { users } from '../server/db/schema/index';
import { loadConfig } from '../server/env';
import { type Actor, loadActor } from '../server/identity/actor';
import { importStatistics, parseMapping } from '../server/statistics/import-statistics';
import { progressBar, type CliIo } from './output';
import { withDatabase } from './with-database';

const IMPORT_HELP = `
The mapping (JSON) says how the file is read (csv or xlsx, encoding, separator, rows above the
header), which columns hold the country, the year, the indicator and the figures of each group,
and the definitions and caveats that apply. Every row is checked first: one problem and nothing
is written (exit code 1), each printed as "row 12, Jahr: …". Importing the same file again
changes nothing; corrected figures are updated, and the audit trail records each correction.
A .gz file is unpacked. Mapping format and examples: docs/statistics.md, docs/mappings/.

Example:
  demarche statistics import ../shared/data/bka-pks-zr-f-01-t01-faelle-1987-2023.csv.gz \\
    --mapping docs/mappings/bka-pks-zr-f-01-t01.json`;

export function registerStatisticsCommands(program: Command, io: CliIo): void {
  const statistics = program.command('statistics').description('Official statistics with their definitions');
  statistics
    .command('import')
    .description('Import a publisher’s table (CSV or XLSX, gzipped or not) with its mapping, all or nothing; a second import changes nothing')
    .argument('<file>', 'the table: CSV in any encoding, or XLSX; .gz is unpacked')
    .requiredOption('--mapping <mapping>', 'the mapping file (JSON), e.g. docs/mappings/un-desa-migrant-stock.json')
    .option('--as <email>', 'the headquarters analyst or administrator importing (default: the operator, audited as the command line)')
    .option('--dry-run', 'check every row and report what would change, writing nothing')
    .addHelpText('after', IMPORT_HELP)
    .action(async (file: string, options: { mapping: string; as?: string; dryRun?: boolean }) => {
      const config = loadConfig(io.env);
      const mappingText = await readFile(options.mapping, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new Error(`Cannot read the mapping ${options.mapping}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      });
      const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'it is a folder' : error.message}`);
      });
      const mapping = parseMapping(mappingText);
      const bar = progressBar(io, 'Writing figures');
      let report: TStatisticsImportReport;
      try {
        report = await withDatabase(config, async (database) => {
          const actor = options.as ? await actorByEmail(database.db, options.as) : null;
          const context = actor ? { ...CLI, actor: { id: actor.id, email: actor.email } } : CLI;
          return importStatistics(database, { bytes, fileName: file, mapping }, { actor, context, dryRun: options.dryRun ?? false, onProgress: bar.update });
        });
      } finally {
        bar.stop();
      }
      if (report.errors.length > 0) {
        printProblems(io, report.errors);
        const rows = new Set(report.errors.map((error) => error.row)).size;
        throw new Error(`${report.errors.length} problem(s) in ${rows} row(s) of ${file}; nothing was imported.`);
      }
      printReport(io, file, report);
    });
}

async function actorByEmail(db: Db, email: string): Promise<Actor> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  const actor = user ? await loadActor(db, user.id) : undefined;
  if (!actor) throw new Error(`No user has the e-mail ${email} (--as).`);
  if (actor.disabled) throw new Error(`The user ${actor.email} (--as) is disabled.`);
  return actor;
}

function printProblems(io: CliIo, problems: readonly TStatisticsRowError[]): void {
  for (const problem of problems)
    io.err(problem.row > 0 ? `row ${problem.row}, ${problem.column}: ${problem.message}` : `${problem.column}: ${problem.message}`);
}

function printReport(io: CliIo, file: string, report: TStatisticsImportReport): void {
  const { series, values } = report;
  const read = [
    report.file.gzipped ? 'gzipped' : '',
    report.file.format.toUpperCase(),
    report.file.encoding ?? '',
    report.file.separator ? `separator "${report.file.separator === '\t' ? '\\t' : report.file.separator}"` : '',
  ]
    .filter(Boolean)
    .join(', ');
  io.out(`Read ${report.rows} row(s) of ${file} (${read}).`);
  for (const { reason, rows, examples } of report.skipped) io.out(`  skipped ${rows} row(s) or figure(s): ${reason} (e.g. ${examples.join('; ')})`);
  const counts = `series: ${series.created} new, ${series.updated} updated, ${series.unchanged} unchanged; figures: ${values.created} new, ${values.updated} updated, ${values.unchanged} unchanged`;
  if (report.dryRun) io.out(`Would import (${counts}). Nothing was written (--dry-run).`);
  else io.out(`Imported ${report.source} (${counts}).`);
}
