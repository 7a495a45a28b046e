import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MIGRATIONS_FOLDER } from '../db/migrate';

/**
 * The committed migrations up to `last` (a tag such as 0005_audit_classification), in a folder
 * of their own: upgrade tests migrate a database to an old version with it, put old-shaped
 * data in, then migrate to the latest.
 */
export function migrationsUpTo(last: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'demarche-migrations-'));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((entry) => entry.tag === last);
  if (index < 0) throw new Error(`no migration ${last}`);
  journal.entries = journal.entries.slice(0, index + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}
