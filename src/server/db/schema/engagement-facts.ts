import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { directives, talkingPoints } from './directives';
import { posts } from './reference';

/*
 * Pre-aggregated facts about approved engagements, so that the cadence dashboard, its
 * heatmap and roll-up and the talking-point coverage read a few thousand rows whatever the
 * number of engagements. Each row is kept per post and per classification marking, so that
 * every reader's figures are summed from the rows they may see (scope by post, marking at
 * or below clearance): exact for each reader, never computed for everyone and filtered.
 *
 * Triggers on engagements, engagement_directives, engagement_points and directives keep them
 * (drizzle/0012_engagement_facts.sql): whatever writes those tables, the facts follow in the
 * same transaction. Engagements dated in the future are in the facts; readers leave them out
 * (src/server/cadence/engagement-facts.ts says how).
 */

/**
 * Approved engagements per post, marking and ISO week (Monday, UTC), grouped by the set of
 * directives each counts towards (linked to it and dated on or after the day of its issue).
 * The set keeps counts exact when one engagement counts for several directives.
 */
export const cadenceWeeks = pgTable(
  'cadence_weeks',
  {
    postId: uuid()
      .notNull()
      .references(() => posts.id),
    classification: text().notNull(),
    weekStart: date({ mode: 'string' }).notNull(),
    /** Sorted ids of the directives these engagements count towards. */
    directiveIds: uuid().array().notNull(),
    engagements: integer().notNull(),
    lastAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.classification, t.weekStart, t.directiveIds] }), index('cadence_weeks_week_idx').on(t.weekStart)],
);

/** The latest approved engagement that counts towards a directive, per post and marking. */
export const cadenceLatest = pgTable(
  'cadence_latest',
  {
    directiveId: uuid()
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    postId: uuid()
      .notNull()
      .references(() => posts.id),
    classification: text().notNull(),
    lastAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.directiveId, t.postId, t.classification] })],
);

/** Delivered talking points of counting engagements per directive, post, marking and month (UTC), by reception. */
export const receptionMonths = pgTable(
  'reception_months',
  {
    directiveId: uuid()
      .notNull()
      .references(() => directives.id, { onDelete: 'cascade' }),
    postId: uuid()
      .notNull()
      .references(() => posts.id),
    classification: text().notNull(),
    month: date({ mode: 'string' }).notNull(),
    receptive: integer().notNull(),
    noncommittal: integer().notNull(),
    disagreed: integer().notNull(),
    notRecorded: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.directiveId, t.postId, t.classification, t.month] })],
);

/** Per talking point, post and marking: the latest approved engagement that delivered it, and its reception. */
export const pointLatest = pgTable(
  'point_latest',
  {
    talkingPointId: uuid()
      .notNull()
      .references(() => talkingPoints.id, { onDelete: 'cascade' }),
    postId: uuid()
      .notNull()
      .references(() => posts.id),
    classification: text().notNull(),
    /** No foreign key: when an approved engagement is deleted, the trigger finds the rows it was latest in by this id. */
    engagementId: uuid().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    reception: text(),
  },
  (t) => [primaryKey({ columns: [t.talkingPointId, t.postId, t.classification] }), index('point_latest_engagement_idx').on(t.engagementId)],
);
