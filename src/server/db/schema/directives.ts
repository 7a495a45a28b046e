import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';
import { posts } from './reference';

/** Subject TAGS (Traffic Analysis by Geography and Subject), e.g. PREL, SMIG. */
export const tags = pgTable('tags', {
  code: text().primaryKey(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const directives = pgTable(
  'directives',
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull().unique(),
    date: date({ mode: 'string' }).notNull(),
    subject: text().notNull(),
    fromLine: text().notNull(),
    objective: text().notNull(),
    background: text().notNull().default(''),
    classification: text().notNull(),
    status: text().notNull().default('draft'),
    engagementCadenceDays: integer(),
    incidentCadenceDays: integer(),
    assessmentCadenceDays: integer(),
    /** The directive this one replaces; issuing this one marks that one superseded. */
    supersedesId: uuid(),
    /** Demo data: synthetic records are labelled as such everywhere. */
    synthetic: boolean().notNull().default(false),
    /** Where the content comes from, for directives built from public reporting. */
    sourceNote: text(),
    draftedBy: uuid().references(() => users.id),
    issuedBy: uuid().references(() => users.id),
    issuedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('directives_status_idx').on(t.status), index('directives_date_idx').on(t.date, t.id)],
);

export const directiveTags = pgTable(
  'directive_tags',
  {
    directiveId: uuid()
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    tagCode: text()
      .notNull()
      .references(() => tags.code),
  },
  (t) => [primaryKey({ columns: [t.directiveId, t.tagCode] })],
);

/** Posts a directive is addressed to: `action` posts must act, `info` posts are informed. */
export const directivePosts = pgTable(
  'directive_posts',
  {
    directiveId: uuid()
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    postId: uuid()
      .notNull()
      .references(() => posts.id),
    role: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.directiveId, t.postId] }), index('directive_posts_post_idx').on(t.postId)],
);

export const talkingPoints = pgTable(
  'talking_points',
  {
    id: uuid().primaryKey().defaultRandom(),
    directiveId: uuid()
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    text: text().notNull(),
    /** 'all' action posts, some 'bureaus', or some 'countries'. */
    scope: text().notNull().default('all'),
    scopeBureaus: text().array().notNull().default([]),
    scopeCountries: text().array().notNull().default([]),
    rationale: text(),
    /** 'verbatim', 'paraphrase' or 'unpublished': how much of the wording is known. */
    wording: text().notNull().default('verbatim'),
    /** Who published the wording (an outlet), when it comes from public reporting. */
    attribution: text(),
  },
  (t) => [unique('talking_points_number_unique').on(t.directiveId, t.number)],
);

export const counterArguments = pgTable('counter_arguments', {
  id: uuid().primaryKey().defaultRandom(),
  talkingPointId: uuid()
    .notNull()
    .references(() => talkingPoints.id, { onDelete: 'cascade' }),
  position: integer().notNull(),
  argument: text().notNull(),
  rebuttal: text().notNull(),
});
