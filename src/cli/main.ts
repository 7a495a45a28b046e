import { readFile } from 'node:fs/promises';
import { Command, CommanderError, Option } from 'commander';
import { DatabaseInUseError } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import { ConfigError, loadConfig } from '../server/env';
import { AppError } from '../server/http/app-error';
import { serveUntilSignalled, type ServeRole } from '../server/main';
import { importPosts, POST_CSV_COLUMNS } from '../server/reference/import-posts';
import { seedReference } from '../server/reference/seed-reference';
import { seedDemo, type DemoSeedResult } from '../server/demo/seed-demo';
import { processIo, progressBar, type CliIo } from './output';
import { buildWeb, webBuildIsStale } from './web-build';
import { withDatabase } from './with-database';
import { registerAuditCommands } from './audit-commands';
import { registerIncidentCommands } from './incident-commands';
import { registerStatisticsCommands } from './statistics-commands';
import { registerUserCommands } from './user-commands';

const CONFIG_HELP = `
Configuration comes from environment variables: DATABASE_URL (PostgreSQL; unset = the
embedded database in DATA_DIR), DATA_DIR (default ./data), PORT (8080), HOST (127.0.0.1),
SESSION_SECRET, LOG_LEVEL (info).`;

/** Builds the command tree; each command is a thin wrapper over the server's own commands. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('demarche')
    .description('Demarche: directive-driven diplomacy, from instruction cable to released report.')
    .addHelpText('after', CONFIG_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();

  program
    .command('serve')
    .description('Start the web server and API (builds the web app first when it is missing or stale)')
    .option('--no-build', 'do not build the web app, even when it is stale')
    .option('--demo', 'add the demo users and synthetic demo records before serving (safe to repeat)')
    .addOption(
      new Option('--role <role>', 'web serves HTTP, worker runs background jobs (reminders, daily audit checkpoints), both does both')
        .choices(['web', 'worker', 'both'])
        .default('both'),
    )
    .action(async (options: { build: boolean; role: ServeRole; demo?: boolean }) => {
      const config = loadConfig(io.env);
      if (options.build && options.role !== 'worker' && webBuildIsStale()) {
        io.err('Building the web app…');
        await buildWeb();
      }
      // Seeded by the serving process itself: the embedded database admits one process.
      await serveUntilSignalled(config, options.role, options.demo ? async ({ db: handle }) => printDemo(io, await seedDemo(handle)) : undefined);
    });

  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply the committed SQL migrations (safe to run again)')
    .action(async () => {
      const config = loadConfig(io.env);
      await withDatabase(config, async (database) => migrate(database), { migrate: false });
      io.out('Database is up to date.');
    });
  db.command('seed')
    .description('Load reference data: bureaus, countries, TAGS and an embassy per country (safe to run again)')
    .option('--demo', 'also add demo users of every role and the synthetic demo directives and engagements')
    .action(async (options: { demo?: boolean }) => {
      const config = loadConfig(io.env);
      await withDatabase(config, async ({ db: handle }) => {
        const result = await seedReference(handle);
        io.out(
          `Reference data loaded: ${result.bureaus} bureaus, ${result.countries} countries, ${result.postsAdded} new posts, ${result.tagsAdded} new TAGS.`,
        );
        if (options.demo) printDemo(io, await seedDemo(handle));
      });
    });

  const postsCommand = program.command('posts').description('Posts (embassies, consulates, missions)');
  postsCommand
    .command('import')
    .description('Import posts from a CSV file; one bad row imports nothing')
    .argument('<file>', `CSV with the header ${POST_CSV_COLUMNS.join(',')} (bureau optional)`)
    .addHelpText(
      'after',
      `
Columns: code (lowercase slug, unique), name, kind (embassy, consulate_general, consulate,
mission, office), country (ISO alpha-2 or alpha-3), city, lat, lon (decimal degrees) and
bureau (optional; defaults to the country's bureau, e.g. IO for a mission to the UN).`,
    )
    .action(async (file: string) => {
      const config = loadConfig(io.env);
      const csv = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new Error(`Cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      });
      const bar = progressBar(io, 'Importing posts');
      try {
        const result = await withDatabase(config, ({ db: handle }) => importPosts(handle, csv, bar.update));
        io.out(`Imported ${result.imported} post(s) from ${file}.`);
      } finally {
        bar.stop();
      }
    });

  registerUserCommands(program, io);
  registerAuditCommands(program, io);
  registerIncidentCommands(program, io);
  registerStatisticsCommands(program, io);
  return program;
}

function printDemo(io: CliIo, result: DemoSeedResult): void {
  io.out(
    `Demo data: ${result.directives} new directive(s), ${result.engagements} new engagement(s), ${result.incidents} new incident(s), ${result.agreements} new agreement(s), all labelled synthetic.`,
  );
  io.out('Demo users (passwords are shown once; existing users keep theirs):');
  for (const user of result.users) {
    io.out(`  ${user.email.padEnd(36)} ${user.role.padEnd(17)} ${user.scope.padEnd(10)} ${user.clearance.padEnd(4)} ${user.password ?? '(unchanged)'}`);
  }
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0.
    return error.exitCode;
  }
  if (error instanceof AppError) {
    io.err(`demarche: ${error.message}`);
    for (const fieldError of error.fieldErrors) io.err(`  ${fieldError.field}: ${fieldError.message}`);
    return 1;
  }
  if (error instanceof ConfigError || error instanceof DatabaseInUseError || error instanceof Error) {
    io.err(`demarche: ${error.message}`);
    return 1;
  }
  io.err(`demarche: ${String(error)}`);
  return 1;
}
