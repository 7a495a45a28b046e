import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';
import { posts } from './reference';

/**
 * In-app notifications. A notification points at a record and keeps no text of it: the text
 * is composed when the reader reads it, from what the reader may see then, and a notification
 * whose record the reader may no longer see is not shown (nor counted). `dedupeKey` makes a
 * reminder job that runs twice create one.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** engagement.awaiting_approval, engagement.returned, cadence.due_soon, cadence.overdue, follow_up.overdue */
    kind: text().notNull(),
    /** The record it is about: engagement or directive. */
    recordType: text().notNull(),
    recordId: uuid().notNull(),
    /** For cadence reminders: the post that should engage (it must stay in the reader's scope). */
    postId: uuid().references(() => posts.id),
    /** Facts of the event that are not in the record (a due date, a follow-up id); never record text. */
    params: jsonb().$type<Record<string, string>>().notNull().default({}),
    dedupeKey: text().notNull().unique(),
    /** Milliseconds, as a list cursor carries it (src/server/http/cursor.ts): a reminders run shares one now(). */
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    /** Set when nothing is left to do (approved or returned by someone, follow-up done). */
    resolvedAt: timestamp({ withTimezone: true }),
    /** approved, returned, done */
    resolution: text(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt), index('notifications_record_idx').on(t.recordType, t.recordId)],
);

/** A user's secret calendar feed; only the hash of the secret is kept, and it can be rotated. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id),
  secretHash: text().notNull().unique(),
  rotatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
