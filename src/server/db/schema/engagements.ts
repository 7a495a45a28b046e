import { boolean, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { directives, talkingPoints } from './directives';
import { users } from './identity';
import { countries, posts } from './reference';

/** Interlocutors, recorded in their official capacity only. */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    title: text().notNull(),
    organization: text().notNull(),
    organizationType: text().notNull(),
    countryAlpha2: text()
      .notNull()
      .references(() => countries.alpha2),
    /** The owning post: its scope decides who sees the contact. */
    postId: uuid()
      .notNull()
      .references(() => posts.id),
    classification: text().notNull().default('U'),
    /** Set when merged into another contact; merged contacts are hidden from lists. */
    mergedIntoId: uuid(),
    synthetic: boolean().notNull().default(false),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contacts_post_idx').on(t.postId)],
);

export const engagements = pgTable(
  'engagements',
  {
    id: uuid().primaryKey().defaultRandom(),
    postId: uuid()
      .notNull()
      .references(() => posts.id),
    /** Milliseconds, as a list cursor carries it (src/server/http/cursor.ts). */
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** demarche, meeting, call, letter, event, non_paper */
    kind: text().notNull(),
    classification: text().notNull(),
    /** draft → submitted → approved; a returned engagement goes back to draft. */
    status: text().notNull().default('draft'),
    ourReadout: text().notNull().default(''),
    commitments: text().notNull().default(''),
    counterpartAccount: text(),
    counterpartSourceUrl: text(),
    counterpartDate: date({ mode: 'string' }),
    synthetic: boolean().notNull().default(false),
    draftedBy: uuid()
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }),
    approvedBy: uuid().references(() => users.id),
    approvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('engagements_post_idx').on(t.postId, t.occurredAt),
    index('engagements_status_idx').on(t.status),
    // Lists page newest first by (occurred_at, id): a backward scan of this index.
    index('engagements_occurred_idx').on(t.occurredAt, t.id),
  ],
);

export const engagementDirectives = pgTable(
  'engagement_directives',
  {
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    directiveId: uuid()
      .notNull()
      .references(() => directives.id),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.directiveId] }), index('engagement_directives_directive_idx').on(t.directiveId)],
);

export const engagementContacts = pgTable(
  'engagement_contacts',
  {
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    contactId: uuid()
      .notNull()
      .references(() => contacts.id),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.contactId] }), index('engagement_contacts_contact_idx').on(t.contactId)],
);

export const engagementOfficers = pgTable(
  'engagement_officers',
  {
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.userId] })],
);

/** Each applicable talking point: delivered or not, and how the host received it. */
export const engagementPoints = pgTable(
  'engagement_points',
  {
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    talkingPointId: uuid()
      .notNull()
      .references(() => talkingPoints.id),
    delivered: boolean().notNull(),
    /** receptive, noncommittal, disagreed; null when not delivered. */
    reception: text(),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.talkingPointId] }), index('engagement_points_point_idx').on(t.talkingPointId)],
);

export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid().primaryKey().defaultRandom(),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    action: text().notNull(),
    ownerId: uuid().references(() => users.id),
    dueDate: date({ mode: 'string' }).notNull(),
    doneAt: timestamp({ withTimezone: true }),
  },
  // By engagement: every page of engagements reads its rows' follow-ups.
  (t) => [index('follow_ups_owner_idx').on(t.ownerId, t.dueDate), index('follow_ups_engagement_idx').on(t.engagementId)],
);
