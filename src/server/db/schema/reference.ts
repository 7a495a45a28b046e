import { bigint, doublePrecision, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const bureaus = pgTable('bureaus', {
  code: text().primaryKey(),
  name: text().notNull(),
});

export const countries = pgTable(
  'countries',
  {
    alpha2: text().primaryKey(),
    alpha3: text().notNull().unique(),
    numeric: text().notNull(),
    name: text().notNull(),
    officialName: text().notNull(),
    capital: text(),
    capitalLat: doublePrecision(),
    capitalLon: doublePrecision(),
    population: bigint({ mode: 'number' }),
    region: text().notNull(),
    subregion: text(),
    bureauCode: text().references(() => bureaus.code),
  },
  (t) => [index('countries_bureau_idx').on(t.bureauCode)],
);

export const posts = pgTable(
  'posts',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: text().notNull(),
    countryAlpha2: text()
      .notNull()
      .references(() => countries.alpha2),
    city: text().notNull(),
    lat: doublePrecision().notNull(),
    lon: doublePrecision().notNull(),
    bureauCode: text().references(() => bureaus.code),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('posts_country_idx').on(t.countryAlpha2), index('posts_bureau_idx').on(t.bureauCode)],
);
