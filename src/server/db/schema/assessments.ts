import { boolean, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';
import { countries, posts } from './reference';

/**
 * The policy areas that measures are filed under and assessments score (asylum procedure,
 * returns…), configurable by administrators like the incident categories: a retired area
 * stays on old measures and scores but is not offered for new ones.
 */
export const policyAreas = pgTable('policy_areas', {
  code: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull().default(''),
  sortOrder: integer().notNull().default(0),
  retired: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A host-government law or policy, recorded by a post for its country. `status` and `statusOn`
 * are the latest entry of policy_measure_statuses, kept in step in the same transaction, for
 * filters and lists. Sources live in the shared `sources` table (recordType 'policy_measure').
 */
export const policyMeasures = pgTable(
  'policy_measures',
  {
    id: uuid().primaryKey().defaultRandom(),
    postId: uuid()
      .notNull()
      .references(() => posts.id),
    countryAlpha2: text()
      .notNull()
      .references(() => countries.alpha2),
    area: text()
      .notNull()
      .references(() => policyAreas.code),
    title: text().notNull(),
    /** proposed, adopted, in_force, suspended, repealed */
    status: text().notNull(),
    statusOn: date({ mode: 'string' }).notNull(),
    /** more_restrictive, more_open, neutral */
    direction: text().notNull(),
    summary: text().notNull(),
    classification: text().notNull(),
    synthetic: boolean().notNull().default(false),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('policy_measures_status_on_idx').on(t.statusOn, t.id),
    index('policy_measures_country_idx').on(t.countryAlpha2, t.area, t.statusOn),
    index('policy_measures_post_idx').on(t.postId, t.statusOn),
  ],
);

/** A measure's status over time: each step with the date it took effect (adopted on, in force from…). */
export const policyMeasureStatuses = pgTable(
  'policy_measure_statuses',
  {
    id: uuid().primaryKey().defaultRandom(),
    measureId: uuid()
      .notNull()
      .references(() => policyMeasures.id),
    status: text().notNull(),
    effectiveOn: date({ mode: 'string' }).notNull(),
    recordedBy: uuid().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_measure_statuses_measure_idx').on(t.measureId, t.effectiveOn), index('policy_measure_statuses_effective_idx').on(t.effectiveOn)],
);

/**
 * A post's periodic assessment of its host government, for one period (`2026-Q1`, `2026-03`,
 * `2026-H1`, `2026`): a score per area, a narrative, and the flag with its rationale and
 * evidence. Drafted, submitted and approved through the shared record workflow; an approved
 * assessment never changes, and the next period starts from a copy of it (`copiedFromId`).
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid().primaryKey().defaultRandom(),
    postId: uuid()
      .notNull()
      .references(() => posts.id),
    countryAlpha2: text()
      .notNull()
      .references(() => countries.alpha2),
    period: text().notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    /** The last day of the period. */
    periodEnd: date({ mode: 'string' }).notNull(),
    narrative: text().notNull().default(''),
    /** "Policies unduly favor migrants at the expense of local populations." */
    flagged: boolean().notNull().default(false),
    flagRationale: text(),
    classification: text().notNull(),
    /** draft → submitted → approved; a return sends a submitted assessment back to draft. */
    status: text().notNull().default('draft'),
    copiedFromId: uuid(),
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
    uniqueIndex('assessments_post_period_idx').on(t.postId, t.period),
    index('assessments_country_idx').on(t.countryAlpha2, t.periodStart),
    index('assessments_period_idx').on(t.periodStart, t.id),
  ],
);

/** One area's score, −2 (most restrictive) … +2 (most open), with its justification. An area not scored is "not assessed". */
export const assessmentScores = pgTable(
  'assessment_scores',
  {
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    area: text()
      .notNull()
      .references(() => policyAreas.code),
    score: smallint().notNull(),
    justification: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.area] })],
);

/**
 * The records an assessment rests on (the flag's evidence): policy measures, incidents,
 * engagements and statistic series. `recordId` has no foreign key because it points into
 * several tables; each link is shown only to a reader who may see the record it points at.
 */
export const assessmentEvidence = pgTable(
  'assessment_evidence',
  {
    assessmentId: uuid()
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    recordType: text().notNull(),
    recordId: uuid().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.recordType, t.recordId] })],
);
