import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from './app';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import type { Config } from './env';
import { startJobs, type JobRunner } from './jobs/job-runner';
import { announceFirstAdministrator, createFirstAdministrator } from './identity/first-administrator';
import { fastifyTrustProxy } from './identity/trusted-proxies';
import { seedTags } from './directives/seed-tags';
import { referenceIsEmpty, seedReference } from './reference/seed-reference';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  /** Empty for a worker, which does not listen. */
  url: string;
  jobs: JobRunner | undefined;
  stop(): Promise<void>;
}

/**
 * Logger options: JSON lines in production, readable lines on a terminal. In production the
 * lines are written asynchronously (pino's sonic-boom, flushed at exit): a synchronous write
 * per line held each request on the write of its log lines.
 */
export function loggerOptions(config: Config, tty = Boolean(process.stdout.isTTY)) {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    ...(tty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } } : { stream: pino.destination({ dest: 1, sync: false }) }),
  };
}

/** Opens the database, brings it up to date and starts listening. */
export type ServeRole = 'web' | 'worker' | 'both';

export interface StartOptions {
  /** Shows the first administrator's credentials; by default printed to the terminal. */
  announce?: (credentials: { email: string; password: string }) => void;
  /** `web` serves HTTP, `worker` runs background jobs, `both` (default) does both. */
  role?: ServeRole;
  /** Runs once the database is ready and before listening (`serve --demo` seeds the demo data here). */
  beforeListen?: (database: Database) => Promise<void>;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let app: FastifyInstance | undefined;
  let jobs: JobRunner | undefined;
  try {
    await migrate(database);
    app = await buildApp({
      database,
      logger: loggerOptions(config),
      sessionSecret: config.sessionSecret,
      trustProxy: fastifyTrustProxy(config.trustProxy),
      homeCountry: config.homeCountry,
    });
    if (await referenceIsEmpty(database.db)) {
      const seeded = await seedReference(database.db);
      app.log.info(seeded, 'first start: reference data loaded');
    } else {
      // TAGS came after the first reference data: databases seeded before them get them now.
      await seedTags(database.db);
    }
    const firstAdmin = await createFirstAdministrator(database.db);
    // Printed, never logged: log files outlive terminals.
    if (firstAdmin) (options.announce ?? announceFirstAdministrator)(firstAdmin);
    await options.beforeListen?.(database);
    const role = options.role ?? 'both';
    jobs = role === 'web' ? undefined : await startJobs(database, app.log);
    let address = '';
    if (role !== 'worker') {
      address = await app.listen({ port: config.port, host: config.host });
      app.log.info({ database: database.driver, role }, `Demarche is listening on ${address}`);
    } else {
      await app.ready();
      app.log.info({ database: database.driver, role }, 'Demarche worker is running');
    }
    const started = app;
    const runningJobs = jobs;
    return {
      app: started,
      database,
      url: address,
      jobs: runningJobs,
      async stop() {
        await runningJobs?.stop();
        await started.close();
        await database.close();
      },
    };
  } catch (error) {
    await jobs?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** Runs until SIGTERM or SIGINT, then finishes in-flight requests and closes the database. */
export async function serveUntilSignalled(config: Config, role: ServeRole = 'both', beforeListen?: StartOptions['beforeListen']): Promise<void> {
  const server = await startServer(config, { role, ...(beforeListen ? { beforeListen } : {}) });
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) server.app.log.error({ err }, 'shutting down after an error');
    else server.app.log.info({ signal }, 'shutting down');
    await server.stop();
  });
}
