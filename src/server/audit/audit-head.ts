import { desc } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditEvents } from '../db/schema/index';
import { AppError } from '../http/app-error';

/** The newest event of the chain: kept outside the database, it lets `verify` detect truncation or rewriting up to it. */
export interface AuditHead {
  id: number;
  hash: string;
}

export async function readAuditHead(db: Executor): Promise<AuditHead | undefined> {
  const [head] = await db.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  return head;
}

/** `SEQ:HASH`, the form `demarche audit head` prints and `demarche audit verify --head` reads. */
export function formatAuditHead(head: AuditHead): string {
  return `${head.id}:${head.hash}`;
}

export function parseAuditHead(text: string): AuditHead {
  const refuse = (message: string) => AppError.validation([{ field: 'head', message }], message);
  const [seq, hash, ...rest] = text.trim().split(':');
  if (hash === undefined || rest.length > 0) {
    throw refuse(`expected SEQ:HASH as printed by "demarche audit head" (e.g. 1234:9f86d081…), got "${text}"`);
  }
  if (!/^[1-9][0-9]{0,15}$/.test(seq!) || !Number.isSafeInteger(Number(seq))) {
    throw refuse(`"${seq}" is not an event sequence number (a whole number from 1)`);
  }
  if (!/^[0-9a-f]{64}$/i.test(hash)) {
    throw refuse(`the hash must be the 64 hexadecimal digits of a SHA-256, got "${hash}"`);
  }
  return { id: Number(seq), hash: hash.toLowerCase() };
}
