import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { engagements } from './engagements';
import { users } from './identity';
import { countries } from './reference';

/**
 * Headquarters' outreach to a third country for an agreement (acceptance of third-country
 * nationals, safe third country, readmission, hosting a return hub). It belongs to no post:
 * who reads it follows its counterpart country (the post there, the country's bureau,
 * headquarters), and its marking. `stage` is the latest entry of agreement_stage_changes,
 * kept in step in the same transaction, for the board, filters and sorting.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid().primaryKey().defaultRandom(),
    countryAlpha2: text()
      .notNull()
      .references(() => countries.alpha2),
    /** third_country_nationals, safe_third_country, readmission, return_hub */
    type: text().notNull(),
    /** identified, approached, negotiating, text_agreed, signed, in_force, declined, suspended */
    stage: text().notNull(),
    /** The day the agreement reached its stage. */
    stageOn: date({ mode: 'string' }).notNull(),
    /** For a declined or suspended agreement: the stage it stopped at, where reopening takes it back. */
    stoppedAt: text(),
    notes: text().notNull().default(''),
    annualCapacity: integer(),
    /** ISO alpha-2 codes of the nationalities the counterpart accepts. */
    nationalities: text().array().notNull().default([]),
    assistanceOffered: text().notNull().default(''),
    durationMonths: integer(),
    reviewOn: date({ mode: 'string' }),
    classification: text().notNull(),
    synthetic: boolean().notNull().default(false),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Milliseconds, as a list cursor carries it (src/server/http/cursor.ts). */
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('agreements_country_idx').on(t.countryAlpha2), index('agreements_updated_idx').on(t.updatedAt, t.id)],
);

/** Every change of stage: from what to what, on which day, with the note, who recorded it and when. */
export const agreementStageChanges = pgTable(
  'agreement_stage_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id),
    /** Null for the stage the agreement was recorded at. */
    fromStage: text(),
    toStage: text().notNull(),
    effectiveOn: date({ mode: 'string' }).notNull(),
    note: text().notNull().default(''),
    changedBy: uuid().references(() => users.id),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreement_stage_changes_agreement_idx').on(t.agreementId, t.changedAt)],
);

/** Engagements an agreement rests on; each is shown only to readers who may see it. */
export const agreementEngagements = pgTable(
  'agreement_engagements',
  {
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id),
    engagementId: uuid()
      .notNull()
      .references(() => engagements.id),
    linkedBy: uuid().references(() => users.id),
    linkedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.engagementId] }), index('agreement_engagements_engagement_idx').on(t.engagementId)],
);
