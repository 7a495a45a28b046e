import { type Command, Option } from 'commander';
import { CLEARANCES, ROLES, ZUserCreate } from '../shared/identity';
import { BUREAU_CODES } from '../shared/reference';
import { CLI } from '../server/audit/audit-context';
import { loadConfig } from '../server/env';
import { AppError } from '../server/http/app-error';
import { createUser } from '../server/identity/create-user';
import { listUsers } from '../server/identity/user-queries';
import type { Actor } from '../server/identity/actor';
import type { CliIo } from './output';
import { withDatabase } from './with-database';

/** The CLI lists users with an administrator's view. */
const OPERATOR: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  email: 'cli',
  name: 'Operator',
  role: 'admin',
  clearance: 'S',
  postId: null,
  postCode: null,
  bureauCode: null,
  disabled: false,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

export function registerUserCommands(program: Command, io: CliIo): void {
  const users = program.command('users').description('User accounts');

  users
    .command('create')
    .description('Create a user (the first administrator, or anyone)')
    .requiredOption('--email <email>', 'sign-in email (unique)')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
    .option('--post <code>', 'home post code (officer, approver), e.g. berlin')
    .addOption(new Option('--bureau <code>', 'bureau (bureau_analyst)').choices(BUREAU_CODES))
    .addOption(new Option('--clearance <level>', 'clearance').choices(CLEARANCES).default('U'))
    .option('--password-stdin', 'read the password from standard input (required)')
    .addHelpText(
      'after',
      '\nExample:\n  echo "$PASSWORD" | demarche users create --email a@example.org --name "A. Admin" --role admin --clearance S --password-stdin',
    )
    .action(async (options: { email: string; name: string; role: string; post?: string; bureau?: string; clearance: string; passwordStdin?: boolean }) => {
      if (!options.passwordStdin) {
        throw new Error('--password-stdin is required: pass the password on standard input, never as an argument');
      }
      const password = await io.stdin();
      const parsed = ZUserCreate.safeParse({
        email: options.email,
        name: options.name,
        role: options.role,
        post: options.post ?? null,
        bureau: options.bureau ?? null,
        clearance: options.clearance,
        password,
      });
      if (!parsed.success) {
        throw AppError.validation(parsed.error.issues.map((issue) => ({ field: `--${String(issue.path[0] ?? 'input')}`, message: issue.message })));
      }
      const config = loadConfig(io.env);
      const user = await withDatabase(config, ({ db }) => createUser(db, parsed.data, CLI)).catch((error: unknown) => {
        if (error instanceof AppError) {
          // Name the option, not the API field.
          for (const fieldError of error.fieldErrors) fieldError.field = fieldError.field.replace(/^body\./, '--');
        }
        throw error;
      });
      io.out(
        `Created ${user.role} ${user.email}${user.post ? ` at ${user.post}` : ''}${user.bureau && !user.post ? ` in ${user.bureau}` : ''} (clearance ${user.clearance}).`,
      );
    });

  users
    .command('list')
    .description('List users')
    .addOption(new Option('--role <role>', 'only this role').choices(ROLES))
    .action(async (options: { role?: (typeof ROLES)[number] }) => {
      const config = loadConfig(io.env);
      await withDatabase(config, async ({ db }) => {
        let cursor: string | undefined;
        do {
          const page = await listUsers(db, { limit: 500, cursor, role: options.role }, OPERATOR);
          for (const user of page.items) {
            io.out([user.email, user.role, user.post ?? user.bureau ?? '-', user.clearance, user.disabled ? 'disabled' : 'active'].join('\t'));
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      });
    });
}
