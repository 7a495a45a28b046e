import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The hash of the first event's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  id: number;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  via: string;
  action: string;
  recordType: string;
  recordId: string | null;
  change: unknown;
  address: string | null;
  classification: string;
}

/**
 * SHA-256 over the canonical JSON (RFC 8785) of the event and the previous hash, so that
 * changing, removing or reordering any event breaks every hash after it.
 */
export function hashEvent(event: HashedFields, prevHash: string): string {
  const canonical = canonicalize({
    id: event.id,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    via: event.via,
    action: event.action,
    recordType: event.recordType,
    recordId: event.recordId,
    change: event.change ?? null,
    address: event.address,
    classification: event.classification,
    prevHash,
  });
  return createHash('sha256')
    .update(canonical ?? '')
    .digest('hex');
}
