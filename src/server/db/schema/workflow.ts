import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';

/**
 * What happened to a drafted-and-approved record, for its activity timeline and for four
 * eyes: every user with a `created` or `edited` row is one of the record's editors, and no
 * editor may approve it. Rows are read only through their record, so they follow its access
 * rule. `recordType` is the workflow's record type (engagement; incident, assessment and
 * report to come); `recordId` has no foreign key because it points into several tables.
 */
export const recordActivity = pgTable(
  'record_activity',
  {
    id: uuid().primaryKey().defaultRandom(),
    recordType: text().notNull(),
    recordId: uuid().notNull(),
    /** Null for work the system did (a migration, say). */
    actorId: uuid().references(() => users.id),
    /** created, edited, submitted, returned, approved */
    kind: text().notNull(),
    /** For `edited`: the names of the fields that changed (the record keeps the values). */
    fields: text().array().notNull().default([]),
    /** For `returned`: the reason, which the drafter reads on the record. */
    note: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('record_activity_record_idx').on(t.recordType, t.recordId, t.at), index('record_activity_actor_idx').on(t.actorId, t.recordType, t.recordId)],
);

/**
 * A comment on a record: a record of its own, carrying the marking of the record it is on
 * (kept in step when the record's marking changes), read only by those who may read that record.
 */
export const comments = pgTable(
  'comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    recordType: text().notNull(),
    recordId: uuid().notNull(),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    classification: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comments_record_idx').on(t.recordType, t.recordId, t.createdAt)],
);
