import { type Command, InvalidArgumentError } from 'commander';
import { count } from 'drizzle-orm';
import { auditEvents } from '../server/db/schema/index';
import { loadConfig } from '../server/env';
import { type AuditHead, formatAuditHead, parseAuditHead, readAuditHead } from '../server/audit/audit-head';
import { verifyAudit } from '../server/audit/verify-audit';
import { progressBar, type CliIo } from './output';
import { withDatabase } from './with-database';

export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('The tamper-evident audit trail');
  audit
    .command('verify')
    .description('Recompute the hash chain; exit 1 and name the first broken event if any')
    .option('--head <SEQ:HASH>', 'also check that event SEQ exists with exactly this hash, as `demarche audit head` printed it', headArgument)
    .action(async (options: { head?: AuditHead }) => {
      const config = loadConfig(io.env);
      const bar = progressBar(io, 'Verifying audit chain');
      const result = await withDatabase(config, async ({ db }) => {
        const [row] = await db.select({ n: count() }).from(auditEvents);
        return verifyAudit(db, { head: options.head, onProgress: (checked) => bar.update(checked, row?.n ?? checked) });
      });
      bar.stop();
      if (!result.ok && 'brokenAt' in result) {
        throw new Error(`Audit chain broken at event ${result.brokenAt}: ${result.reason}. ${result.checked} event(s) before it are intact.`);
      }
      if (!result.ok) {
        throw new Error(`Audit chain does not hold the kept head ${formatAuditHead(result.head)}: ${result.reason}.`);
      }
      const kept = options.head ? `; event ${options.head.id} has the kept hash` : '';
      io.out(`Audit chain intact: ${result.checked} event(s) verified${kept}.`);
    });
  audit
    .command('head')
    .description('Print the newest event as SEQ:HASH, to keep outside the database for `audit verify --head`')
    .action(async () => {
      const config = loadConfig(io.env);
      const head = await withDatabase(config, ({ db }) => readAuditHead(db));
      if (!head) throw new Error('The audit trail is empty: there is no head yet.');
      io.out(formatAuditHead(head));
    });
}

function headArgument(text: string): AuditHead {
  try {
    return parseAuditHead(text);
  } catch (error) {
    throw new InvalidArgumentError(`${(error as Error).message}.`);
  }
}
