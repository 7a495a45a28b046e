import { asc, gt } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditEvents } from '../db/schema/index';
import { GENESIS_HASH, hashEvent, isKnownHashVersion } from './audit-hash';
import type { AuditHead } from './audit-head';

export type AuditVerification =
  | { ok: true; checked: number }
  /** An event whose content or link no longer matches. */
  | { ok: false; checked: number; brokenAt: number; reason: string }
  /** The chain holds together, but not up to the head kept outside: it was cut short or rewritten. */
  | { ok: false; checked: number; head: AuditHead; reason: string };

export interface VerifyOptions {
  /** A head kept outside the database (`demarche audit head`): that event must exist with exactly that hash. */
  head?: AuditHead | undefined;
  onProgress?: (checked: number) => void;
}

const BATCH = 1000;

/**
 * Walks the whole chain in order and recomputes every hash, each under the canonical form
 * its event was written with. Reports the first event whose content no longer matches its
 * hash, or whose link to its predecessor is broken (an event removed or inserted before it).
 * The chain alone cannot tell that its newest events were removed or rewritten with fresh
 * hashes: a kept head can, for every event up to it.
 */
export async function verifyAudit(db: Executor, options: VerifyOptions = {}): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let prevId: number | null = null;
  let checked = 0;
  let hashAtHead: string | undefined;
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
      if (!isKnownHashVersion(row.hashVersion)) {
        return {
          ok: false,
          checked,
          brokenAt: row.id,
          reason: `it says it was hashed with canonical form ${row.hashVersion}, which this version of Demarche does not know (a newer Demarche wrote it, or the event was altered)`,
        };
      }
      if (hashEvent(row, row.prevHash, row.hashVersion) !== row.hash) {
        return { ok: false, checked, brokenAt: row.id, reason: 'its content does not match its hash (the event was altered)' };
      }
      if (row.id === options.head?.id) hashAtHead = row.hash;
      prevHash = row.hash;
      prevId = row.id;
      checked += 1;
    }
    options.onProgress?.(checked);
    if (rows.length < BATCH) break;
  }
  const reason = options.head && headMismatch(options.head, hashAtHead, prevId);
  return reason ? { ok: false, checked, head: options.head!, reason } : { ok: true, checked };
}

function headMismatch(head: AuditHead, hashAtHead: string | undefined, lastId: number | null): string | undefined {
  if (hashAtHead === head.hash) return undefined;
  if (hashAtHead !== undefined) {
    return `event ${head.id} has the hash ${hashAtHead}, not the kept one (it or an event before it was rewritten since)`;
  }
  if (lastId === null) return 'the trail is empty (every event was removed, or this is another database)';
  if (lastId < head.id) {
    return `the trail ends at event ${lastId}: the events after it, up to ${head.id}, were removed (or the head comes from another database)`;
  }
  return `there is no event ${head.id} (it was removed and the events after it rewritten, or the head comes from another database)`;
}
