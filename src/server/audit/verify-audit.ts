import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditEvents } from '../db/schema/index';
import { GENESIS_HASH, hashEvent } from './audit-hash';

export type AuditVerification = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; reason: string };

const BATCH = 1000;

/**
 * Walks the whole chain in order and recomputes every hash. Reports the first event whose
 * content no longer matches its hash, or whose link to its predecessor is broken (an event
 * removed or inserted before it).
 */
export async function verifyAudit(db: Db, onProgress?: (checked: number) => void): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let prevId: number | null = null;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(prevId === null ? undefined : gt(auditEvents.id, prevId))
      .orderBy(asc(auditEvents.id))
      .limit(BATCH);
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          brokenAt: row.id,
          reason:
            prevId === null
              ? 'it should be the first event, but its previous hash is not the genesis hash (events before it were removed)'
              : `its previous hash does not match event ${prevId} (an event between them was removed or altered)`,
        };
      }
      if (hashEvent(row, row.prevHash) !== row.hash) {
        return { ok: false, checked, brokenAt: row.id, reason: 'its content does not match its hash (the event was altered)' };
      }
      prevHash = row.hash;
      prevId = row.id;
      checked += 1;
    }
    onProgress?.(checked);
    if (rows.length < BATCH) return { ok: true, checked };
  }
}
