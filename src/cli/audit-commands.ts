import type { Command } from 'commander';
import { count } from 'drizzle-orm';
import { auditEvents } from '../server/db/schema/index';
import { loadConfig } from '../server/env';
import { verifyAudit } from '../server/audit/verify-audit';
import { progressBar, type CliIo } from './output';
import { withDatabase } from './with-database';

export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('The tamper-evident audit trail');
  audit
    .command('verify')
    .description('Recompute the hash chain; exit 1 and name the first broken event if any')
    .action(async () => {
      const config = loadConfig(io.env);
      const bar = progressBar(io, 'Verifying audit chain');
      const result = await withDatabase(config, async ({ db }) => {
        const [row] = await db.select({ n: count() }).from(auditEvents);
        return verifyAudit(db, (checked) => bar.update(checked, row?.n ?? checked));
      });
      bar.stop();
      if (!result.ok) {
        throw new Error(`Audit chain broken at event ${result.brokenAt}: ${result.reason}. ${result.checked} event(s) before it are intact.`);
      }
      io.out(`Audit chain intact: ${result.checked} event(s) verified.`);
    });
}
