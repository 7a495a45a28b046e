import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, pgView, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
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

/**
 * The addressees as the author chose them: a bureau, a country or a single post (`kind`,
 * `code`), as an `action` or `info` addressee, in the order chosen. While a directive is a
 * draft these rows are its addressees, so a post added to a chosen bureau later is included;
 * issuing it resolves them once into `directive_posts`.
 */
export const directiveAddresseeChoices = pgTable(
  'directive_addressee_choices',
  {
    directiveId: uuid()
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    role: text().notNull(),
    /** 'bureau', 'country' (ISO alpha-2) or 'post' (its code). */
    kind: text().notNull(),
    code: text().notNull(),
    position: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.directiveId, t.role, t.kind, t.code] })],
);

/**
 * Posts an issued (or superseded, or rescinded) directive was addressed to, frozen when it was
 * issued: `action` posts must act, `info` posts are informed. Drafts have none: see
 * `directiveAddressees`.
 */
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

/**
 * Every directive's addressed posts: the frozen `directive_posts` of a directive once issued,
 * and for a draft the posts its choices stand for today (every post of a chosen bureau or
 * country, and each post chosen by code). A post chosen both ways acts: action wins over info.
 * Everything that asks which posts a directive is addressed to, draft or not, reads this;
 * issuing a draft copies its rows here into `directive_posts`.
 */
export const directiveAddressees = pgView('directive_addressees', {
  directiveId: uuid('directive_id').notNull(),
  postId: uuid('post_id').notNull(),
  role: text('role').notNull(),
}).as(sql`
  select dp.directive_id, dp.post_id, dp.role
  from directive_posts dp
  join directives d on d.id = dp.directive_id and d.status <> 'draft'
  union all
  select c.directive_id, p.id as post_id, case when bool_or(c.role = 'action') then 'action' else 'info' end as role
  from directive_addressee_choices c
  join directives d on d.id = c.directive_id and d.status = 'draft'
  join posts p on (c.kind = 'bureau' and p.bureau_code = c.code)
    or (c.kind = 'country' and p.country_alpha2 = c.code)
    or (c.kind = 'post' and p.code = c.code)
  group by c.directive_id, p.id
`);
