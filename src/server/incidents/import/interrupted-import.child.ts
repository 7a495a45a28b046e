import { readFileSync } from 'node:fs';
import { CLI } from '../../audit/audit-context';
import { openDatabase } from '../../db/client';
import { loadActor } from '../../identity/actor';
import { importIncidents } from './import-incidents';
import { parseIncidentFile } from './parse-incident-file';

/**
 * For import-incidents.test.ts: imports a JSON file on DATABASE_URL as the given user, in
 * batches of 4, and once half of it is in the tables (uncommitted) prints "halfway" and waits
 * for the test to kill it with SIGKILL.
 */
const [file, userId] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'unused', poolSize: 2 });
const actor = await loadActor(database.db, userId!);
if (!actor) throw new Error(`no user ${userId}`);
await importIncidents(database, parseIncidentFile(readFileSync(file!, 'utf8'), 'json'), {
  actor,
  context: { ...CLI, actor: { id: actor.id, email: actor.email } },
  batchSize: 4,
  onProgress: async ({ phase, done, total }) => {
    if (phase !== 'writing' || done < total / 2) return;
    process.stdout.write('halfway\n');
    await new Promise(() => setInterval(() => undefined, 60_000));
  },
});
