import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { bureaus, countries, posts } from '../db/schema/index';
import { seedTags } from '../directives/seed-tags';
import { BUREAUS, buildReferenceData } from './reference-data';

export interface SeedReferenceResult {
  bureaus: number;
  countries: number;
  postsAdded: number;
  tagsAdded: number;
}

/**
 * Loads bureaus, countries, one embassy per country and the common subject TAGS.
 * Idempotent: reference rows are upserted from the data packages, and an embassy or a TAGS
 * code that exists is left as it is (an administrator may have corrected it).
 */
export async function seedReference(db: Db): Promise<SeedReferenceResult> {
  const data = buildReferenceData();
  return db.transaction(async (tx) => {
    await tx
      .insert(bureaus)
      .values(BUREAUS)
      .onConflictDoUpdate({ target: bureaus.code, set: { name: sql`excluded.name` } });

    const countryRows = data.countries.map(({ independent: _independent, ...row }) => row);
    await tx
      .insert(countries)
      .values(countryRows)
      .onConflictDoUpdate({
        target: countries.alpha2,
        set: {
          alpha3: sql`excluded.alpha3`,
          numeric: sql`excluded.numeric`,
          name: sql`excluded.name`,
          officialName: sql`excluded.official_name`,
          capital: sql`excluded.capital`,
          capitalLat: sql`excluded.capital_lat`,
          capitalLon: sql`excluded.capital_lon`,
          population: sql`excluded.population`,
          region: sql`excluded.region`,
          subregion: sql`excluded.subregion`,
          bureauCode: sql`excluded.bureau_code`,
        },
      });

    const added = await tx.insert(posts).values(data.embassies).onConflictDoNothing({ target: posts.code }).returning({ id: posts.id });

    // TAGS are reference data too; missing ones are added, existing ones left as they are.
    const tagsAdded = await seedTags(tx);

    return { bureaus: BUREAUS.length, countries: countryRows.length, postsAdded: added.length, tagsAdded };
  });
}

/** True when the reference tables have never been loaded (first start). */
export async function referenceIsEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(countries);
  return (rows[0]?.n ?? 0) === 0;
}
