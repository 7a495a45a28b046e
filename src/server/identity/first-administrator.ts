import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema/index';
import { SYSTEM } from '../audit/audit-context';
import { createUser } from './create-user';

export const FIRST_ADMIN_EMAIL = 'admin@demarche.local';

/**
 * With no users at all, creates the first administrator with a random password and returns
 * the credentials (to be shown once); otherwise does nothing.
 */
export async function createFirstAdministrator(db: Db): Promise<{ email: string; password: string } | undefined> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return undefined;
  const password = randomBytes(18).toString('base64url');
  await createUser(db, { email: FIRST_ADMIN_EMAIL, name: 'Administrator', role: 'admin', clearance: 'S', password, post: null, bureau: null }, SYSTEM);
  return { email: FIRST_ADMIN_EMAIL, password };
}

export function announceFirstAdministrator(credentials: { email: string; password: string }, write = (text: string) => process.stdout.write(text)): void {
  write(
    [
      '',
      '  First start: an administrator was created. This password is shown only once.',
      `    email:    ${credentials.email}`,
      `    password: ${credentials.password}`,
      '  Sign in, create the other users, and change this password (or create your own',
      '  administrator and disable this one).',
      '',
      '',
    ].join('\n'),
  );
}
