import { sql } from 'drizzle-orm';
import { bigint, boolean, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { posts } from './reference';
import { bureaus } from './reference';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased; unique case-insensitively. */
    email: text().notNull(),
    name: text().notNull(),
    role: text().notNull(),
    postId: uuid().references(() => posts.id),
    bureauCode: text().references(() => bureaus.code),
    clearance: text().notNull(),
    disabled: boolean().notNull().default(false),
    passwordHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`lower(${t.email})`)],
);

/**
 * Server-side sessions; the session id (the cookie's secret) is stored only as its SHA-256
 * hash. `id` names a session to its owner (the list of their sessions, revoking one) without
 * being, or leading to, the secret.
 */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text().primaryKey(),
    id: uuid().notNull().defaultRandom().unique(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    data: jsonb().notNull(),
    /** Milliseconds, as a list cursor carries it (src/server/http/cursor.ts). */
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** The client's address at sign-in (as TRUST_PROXY derives it), shown to the owner. */
    address: text(),
    /** The browser's User-Agent at sign-in, cut to USER_AGENT_MAX_LENGTH, shown to the owner. */
    userAgent: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    name: text().notNull(),
    prefix: text().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** Failed sign-ins, counted per account and per address for rate limiting across instances. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_key_at_idx').on(t.key, t.at)],
);

/** Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); each row hashes the previous. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid(),
    actorEmail: text(),
    via: text().notNull(),
    action: text().notNull(),
    recordType: text().notNull(),
    recordId: text(),
    change: jsonb().notNull(),
    address: text(),
    /** The marking of the record the event is about: the trail shows it only to those cleared. */
    classification: text().notNull().default('U'),
    prevHash: text().notNull(),
    hash: text().notNull(),
    /**
     * The version of the canonical form the event was hashed with (see audit-hash.ts), so an
     * upgrade that changes the form leaves older events verifiable as they were written.
     */
    hashVersion: smallint().notNull().default(2),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actorId),
    index('audit_events_record_idx').on(t.recordType, t.recordId),
    index('audit_events_action_idx').on(t.action),
  ],
);
