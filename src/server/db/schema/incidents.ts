import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity';
import { countries, posts } from './reference';

/** The configurable taxonomy of incident categories; a retired category stays on old incidents but is not offered. */
export const incidentCategories = pgTable('incident_categories', {
  code: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull().default(''),
  sortOrder: integer().notNull().default(0),
  retired: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A reported event. No name of a suspect, victim or private person is stored: there is no
 * field for one, and the free text passes the identifier guard before it is saved. Legal
 * status is kept with its history in incident_legal_statuses; `legalStatus` here is the
 * latest entry, kept in step in the same transaction, for filters and lists.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid().primaryKey().defaultRandom(),
    postId: uuid()
      .notNull()
      .references(() => posts.id),
    countryAlpha2: text()
      .notNull()
      .references(() => countries.alpha2),
    placeName: text().notNull(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    /** exact, town, district, region, country */
    geoPrecision: text().notNull(),
    /** The first day of the period the date stands for. */
    occurredOn: date({ mode: 'string' }).notNull(),
    /** day, week, month */
    timePrecision: text().notNull(),
    category: text()
      .notNull()
      .references(() => incidentCategories.code),
    summary: text().notNull(),
    /** Conservative counts: the lowest figure the sources support; null when no source gives one. */
    killed: integer(),
    injured: integer(),
    humanRightsRelevant: boolean().notNull().default(false),
    classification: text().notNull(),
    /** draft → submitted → verified | rejected; a returned incident goes back to draft. */
    status: text().notNull().default('draft'),
    legalStatus: text().notNull().default('reported'),
    /** Names of public officials in their official role that the identifier guard lets through. */
    allowedNames: text().array().notNull().default([]),
    /** The importing system's id: a second import of the same row changes nothing. */
    externalId: text(),
    /** Set when merged into another incident: this one is then a pointer to its survivor. */
    mergedIntoId: uuid(),
    synthetic: boolean().notNull().default(false),
    draftedBy: uuid()
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }),
    verifiedBy: uuid().references(() => users.id),
    verifiedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Lists page newest first by (occurred_on, id).
    index('incidents_occurred_idx').on(t.occurredOn, t.id),
    index('incidents_post_idx').on(t.postId, t.occurredOn),
    index('incidents_country_idx').on(t.countryAlpha2, t.occurredOn),
    index('incidents_merged_into_idx').on(t.mergedIntoId),
    uniqueIndex('incidents_external_id_idx').on(t.externalId),
    // No trigram index on the summary: duplicate candidates are narrowed by country and date
    // (incidents_country_idx) and scored on the few rows left (docs/duplicates.md measured it).
  ],
);

/**
 * Where a claim comes from. One table for every record type that carries sources (incidents
 * now; policy measures next), like record_activity: `recordId` has no foreign key because it
 * points into several tables. `suspectStatus` is what the source says of the suspect (incidents).
 */
export const sources = pgTable(
  'sources',
  {
    id: uuid().primaryKey().defaultRandom(),
    recordType: text().notNull(),
    recordId: uuid().notNull(),
    url: text().notNull(),
    outlet: text().notNull(),
    publishedOn: date({ mode: 'string' }),
    /** ISO 639-1 */
    language: text().notNull(),
    /** official, court, police, media, ngo, social_media */
    sourceType: text().notNull(),
    /** Admiralty scale: reliability of the source A (reliable) … F (cannot be judged). */
    reliability: text().notNull(),
    /** Admiralty scale: credibility of the information 1 (confirmed) … 6 (cannot be judged). */
    credibility: smallint().notNull(),
    suspectStatus: text(),
    /** Insertion order: sources of one record added together keep the order they were given in. */
    seq: bigserial({ mode: 'number' }).notNull(),
    addedBy: uuid().references(() => users.id),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sources_record_idx').on(t.recordType, t.recordId)],
);

/** An incident's legal status over time, each step with its date and the source that states it. */
export const incidentLegalStatuses = pgTable(
  'incident_legal_statuses',
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    /** reported, under_investigation, charged, convicted, acquitted, dismissed */
    status: text().notNull(),
    /** When the status took effect (the charge, the verdict). */
    effectiveOn: date({ mode: 'string' }).notNull(),
    sourceId: uuid().references(() => sources.id),
    recordedBy: uuid().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('incident_legal_statuses_incident_idx').on(t.incidentId, t.effectiveOn)],
);

/** What changed in an incident, by whom and when: every edit after creation, verified ones included. */
export const incidentRevisions = pgTable(
  'incident_revisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    actorId: uuid().references(() => users.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The incident's workflow status when it changed. */
    statusAtChange: text().notNull(),
    /** `{ field: { from, to } }`, or for sources and legal status `{ sources: { added | removed } }`. */
    change: jsonb().notNull(),
  },
  (t) => [index('incident_revisions_incident_idx').on(t.incidentId, t.at)],
);

/** Pairs found to describe the same event; `incidentId` is the newer of the two. */
export const incidentDuplicates = pgTable(
  'incident_duplicates',
  {
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    candidateId: uuid()
      .notNull()
      .references(() => incidents.id),
    /** Summary similarity, 0 … 1. */
    score: real().notNull(),
    foundAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Marked as not the same event. */
    dismissedBy: uuid().references(() => users.id),
    dismissedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.candidateId] }), index('incident_duplicates_candidate_idx').on(t.candidateId)],
);

/** A merge, kept so that it can be undone exactly: what moved, and the survivor's marking before. */
export const incidentMerges = pgTable(
  'incident_merges',
  {
    id: uuid().primaryKey().defaultRandom(),
    mergedId: uuid()
      .notNull()
      .references(() => incidents.id),
    survivorId: uuid()
      .notNull()
      .references(() => incidents.id),
    movedSourceIds: uuid().array().notNull().default([]),
    movedLegalStatusIds: uuid().array().notNull().default([]),
    survivorClassificationBefore: text().notNull(),
    survivorLegalStatusBefore: text().notNull(),
    mergedBy: uuid()
      .notNull()
      .references(() => users.id),
    mergedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    undoneBy: uuid().references(() => users.id),
    undoneAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('incident_merges_merged_idx').on(t.mergedId), index('incident_merges_survivor_idx').on(t.survivorId)],
);
