import { desc, sql } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import { queryRows, type Executor } from '../db/client';
import { auditEvents } from '../db/schema/index';
import type { AuditContext } from './audit-context';
import { GENESIS_HASH, HASH_VERSION, hashEvent } from './audit-hash';
import type { AuditHead } from './audit-head';
import { secretsIn, withoutSecretValues } from './audit-secrets';

/** Any number shared by every Demarche process: audit appends take it in turn. */
const AUDIT_CHAIN_LOCK = 72_534_002;

export interface AuditEntry {
  action: string;
  recordType: string;
  recordId?: string | null;
  /**
   * What the write changed, field by field, without secrets (never a password, a hash or a
   * token): `{ status: { from: 'draft', to: 'submitted' } }` for a change, the values for a
   * creation, `'changed'` for a long text the record keeps, `{ added, removed }` for a list.
   * Required and never empty: an event that says nothing reads as "{}" forever.
   */
  change: Record<string, unknown>;
  /**
   * The marking of the record (the higher one when a change moves it): what an event says
   * of a record is as sensitive as the record. Required, so no write can forget it.
   */
  classification: TClearance;
}

/**
 * Waits for the chain until the caller's transaction ends, so that what the caller reads of
 * the chain stays its newest state until it appends. Taking it again in one transaction is free.
 */
export async function lockAuditChain(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
}

/**
 * Appends one event to the chain inside the caller's transaction, so the event exists
 * exactly when the write it describes does. The transaction-scoped advisory lock keeps the
 * chain linear when several processes write at once. Returns the new head.
 */
export async function recordAudit(tx: Executor, context: AuditContext, given: AuditEntry): Promise<AuditHead> {
  const entry = given.change ? { ...given, change: withoutSecretValues(given.change) } : given;
  assertDescribed(entry);
  await lockAuditChain(tx);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const [next] = await queryRows<{ id: string }>(tx, sql`select nextval(pg_get_serial_sequence('audit_events', 'id'))::text as id`);
  const id = Number(next?.id);
  // The column keeps milliseconds, as Date does: the stored time reads back as it was hashed.
  const at = new Date();
  // Through JSON once, so the hashed value is exactly what jsonb will give back.
  const change = JSON.parse(JSON.stringify({ ...entry.change, ...(context.tokenId ? { tokenId: context.tokenId } : {}) })) as Record<string, unknown>;
  const fields = {
    id,
    at,
    actorId: context.actor?.id ?? null,
    actorEmail: context.actor?.email ?? null,
    via: context.via,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId ?? null,
    change,
    address: context.address,
    classification: entry.classification,
  };
  const hash = hashEvent(fields, prevHash, HASH_VERSION);
  // hash_version is the column's default, which is HASH_VERSION (audit-upgrade.test.ts holds the
  // two equal): left out, the insert also works on the schema of an older migration.
  await tx.execute(sql`
    insert into audit_events (id, at, actor_id, actor_email, via, action, record_type, record_id, change, address, classification, prev_hash, hash)
    overriding system value
    values (${id}, ${at.toISOString()}, ${fields.actorId}, ${fields.actorEmail}, ${fields.via}, ${fields.action},
            ${fields.recordType}, ${fields.recordId}, ${JSON.stringify(change)}::jsonb, ${fields.address}, ${fields.classification},
            ${prevHash}, ${hash})`);
  return { id, hash };
}

/**
 * Refuses, before anything is written, an event that records no change or a secret field
 * (a password, a hash, a token by name): both are mistakes of the write path (the trail can
 * never be corrected afterwards), and the write fails with the event rather than leaving either
 * behind. Secret-shaped text a person typed has been replaced already (withoutSecretValues).
 */
function assertDescribed(entry: AuditEntry): void {
  const described = Object.values(entry.change ?? {}).some((value) => value !== undefined);
  if (!described) throw new Error(`Audit event ${entry.action} records no change: say what the write changed`);
  const secrets = secretsIn(entry.change);
  if (secrets.length > 0) throw new Error(`Audit event ${entry.action} would record a secret (${secrets.join(', ')})`);
}
