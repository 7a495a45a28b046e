import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client';
import { runReminders } from '../cadence/reminders';
import { writeAuditCheckpoint } from '../audit/audit-checkpoint';
import { formatAuditHead } from '../audit/audit-head';

/** Every job Demarche runs in the background: a name, a schedule (cron, UTC) and a handler. */
export const JOBS = {
  reminders: {
    cron: '*/15 * * * *',
    description: 'notifications for due-soon and overdue engagements and late follow-ups',
    run: (database: Database) => runReminders(database.db, new Date()),
  },
  'audit-checkpoint': {
    cron: '5 0 * * *',
    description: "the audit chain's head, written into the chain once a day",
    run: async (database: Database) => {
      const checkpoint = await writeAuditCheckpoint(database.db, new Date());
      // In the logs too, so a head of every day lives outside the database.
      return { period: checkpoint.period, written: checkpoint.written, head: formatAuditHead(checkpoint.event) };
    },
  },
} as const;

export type JobName = keyof typeof JOBS;

export interface JobRunner {
  boss: PgBoss;
  /** Runs a job now (as the schedule would) and returns its id. */
  trigger(name: JobName): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * pg-boss over the app's own database connection, so the embedded database works too.
 * pg-boss claims jobs with SKIP LOCKED, so several app processes on one PostgreSQL never run
 * the same job twice; and every job is idempotent besides.
 */
function bossFor(database: Database): PgBoss {
  const raw = database.raw;
  const executeSql =
    raw.driver === 'postgres'
      ? (text: string, values?: unknown[]) => raw.pool.query(text, values as unknown[])
      : async (text: string, values?: unknown[]) => {
          // PGlite's extended protocol takes one statement; pg-boss's schema set-up sends several.
          if (!values || values.length === 0) {
            const results = await raw.client.exec(text);
            return { rows: results.at(-1)?.rows ?? [] };
          }
          return raw.client.query(text, values as unknown[]);
        };
  return new PgBoss({ db: { executeSql: executeSql as never }, schedule: true, supervise: true, migrate: true });
}

export async function startJobs(database: Database, log: FastifyBaseLogger): Promise<JobRunner> {
  const boss = bossFor(database);
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const [name, job] of Object.entries(JOBS)) {
    await boss.createQueue(name, { name, policy: 'singleton', retryLimit: 2 });
    await boss.schedule(name, job.cron, {}, { tz: 'UTC' });
    await boss.work(name, { pollingIntervalSeconds: 5 }, async () => {
      const result = await job.run(database);
      log.info(result, `${name} job done`);
      return result;
    });
  }
  log.info({ jobs: Object.keys(JOBS) }, 'background jobs started');
  return {
    boss,
    trigger: (name) => boss.send(name, {}),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
