import { openDatabase, type Database } from '../server/db/client';
import { migrate } from '../server/db/migrate';
import type { Config } from '../server/env';

/**
 * Opens the configured database for one CLI command and closes it afterwards. The embedded
 * database refuses a second process (DatabaseInUseError) instead of risking corruption.
 */
export async function withDatabase<T>(
  config: Config,
  work: (database: Database) => Promise<T>,
  options: { migrate?: boolean } = { migrate: true },
): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    if (options.migrate !== false) await migrate(database);
    return await work(database);
  } finally {
    await database.close();
  }
}
