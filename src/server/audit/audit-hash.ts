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
 * What is hashed, by version. Each event records the version it was hashed with, so that
 * adding a field to the hash never breaks the events written before: they verify under
 * their own form. A new form gets the next number; a form once used never changes.
 */
const CANONICAL_FORMS: Record<number, (event: HashedFields, prevHash: string) => Record<string, unknown>> = {
  // Until migration 0005: no marking.
  1: (event, prevHash) => ({
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
    prevHash,
  }),
  // From migration 0005: the marking too, since it decides who may read the event.
  2: (event, prevHash) => ({ ...CANONICAL_FORMS[1]!(event, prevHash), classification: event.classification }),
};

/** The form new events are hashed with. */
export const HASH_VERSION = 2;

export function isKnownHashVersion(version: number): boolean {
  return version in CANONICAL_FORMS;
}

/**
 * SHA-256 over the canonical JSON (RFC 8785) of the event, in the given form, and the
 * previous hash, so that changing, removing or reordering any event breaks every hash after it.
 */
export function hashEvent(event: HashedFields, prevHash: string, version = HASH_VERSION): string {
  const form = CANONICAL_FORMS[version];
  if (!form) throw new Error(`Unknown audit hash version ${version}`);
  return createHash('sha256')
    .update(canonicalize(form(event, prevHash)) ?? '')
    .digest('hex');
}
