import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditEvents } from '../db/schema/index';
import { SYSTEM } from './audit-context';
import { GENESIS_HASH } from './audit-hash';
import { type AuditHead, readAuditHead } from './audit-head';
import { lockAuditChain, recordAudit } from './record-audit';

export const CHECKPOINT_ACTION = 'audit.checkpoint';

export interface AuditCheckpoint {
  /** The UTC day the checkpoint stands for. */
  period: string;
  /** The checkpoint event itself: the head to keep in the logs. */
  event: AuditHead;
  /** False when the period already had its checkpoint (a rerun, or another worker). */
  written: boolean;
}

/**
 * Writes the chain's head into the chain once per UTC day, as an event of its own (marking U,
 * by the system). Cutting the chain back past a checkpoint removes an event that the logs and
 * the backups of that day still show. Idempotent: under the chain's lock, a period that already
 * has its checkpoint gets no second one, however many workers run the job.
 */
export async function writeAuditCheckpoint(db: Db, now: Date): Promise<AuditCheckpoint> {
  const period = now.toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    await lockAuditChain(tx);
    const [existing] = await tx
      .select({ id: auditEvents.id, hash: auditEvents.hash })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'audit'), eq(auditEvents.recordId, period), eq(auditEvents.action, CHECKPOINT_ACTION)))
      .limit(1);
    if (existing) return { period, event: existing, written: false };
    const head = await readAuditHead(tx);
    const event = await recordAudit(tx, SYSTEM, {
      action: CHECKPOINT_ACTION,
      recordType: 'audit',
      recordId: period,
      change: { headId: head?.id ?? null, headHash: head?.hash ?? GENESIS_HASH },
      classification: 'U',
    });
    return { period, event, written: true };
  });
}
