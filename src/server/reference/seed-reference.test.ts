import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bureaus, countries, posts } from '../db/schema/index';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { referenceIsEmpty, seedReference } from './seed-reference';

describe('reference seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  const snapshot = async () => ({
    bureaus: await database.db.select().from(bureaus).orderBy(asc(bureaus.code)),
    countries: await database.db.select().from(countries).orderBy(asc(countries.alpha2)),
    posts: await database.db.select().from(posts).orderBy(asc(posts.code)),
  });

  it('loads bureaus, countries and one embassy per country at its capital', async () => {
    expect(await referenceIsEmpty(database.db)).toBe(true);
    const result = await seedReference(database.db);
    expect(result).toMatchObject({ bureaus: 7, countries: 250 });
    expect(result.postsAdded).toBeGreaterThan(180);
    expect(await referenceIsEmpty(database.db)).toBe(false);

    const { countries: all, posts: embassies } = await snapshot();
    const germany = all.find((c) => c.alpha2 === 'DE');
    expect(germany).toMatchObject({ alpha3: 'DEU', numeric: '276', name: 'Germany', capital: 'Berlin', bureauCode: 'EUR' });
    expect(germany?.capitalLat).toBeCloseTo(52.52, 1);
    expect(germany?.capitalLon).toBeCloseTo(13.4, 1);
    expect(germany?.population).toBeGreaterThan(70_000_000);

    const bureauOf = (alpha2: string) => all.find((c) => c.alpha2 === alpha2)?.bureauCode;
    expect([bureauOf('CA'), bureauOf('MX'), bureauOf('BR')]).toEqual(['WHA', 'WHA', 'WHA']);
    expect([bureauOf('AU'), bureauOf('NZ'), bureauOf('JP')]).toEqual(['EAP', 'EAP', 'EAP']);
    expect([bureauOf('IN'), bureauOf('PK'), bureauOf('KZ')]).toEqual(['SCA', 'SCA', 'SCA']);
    expect([bureauOf('EG'), bureauOf('IR'), bureauOf('IL')]).toEqual(['NEA', 'NEA', 'NEA']);
    expect([bureauOf('NG'), bureauOf('SD')]).toEqual(['AF', 'AF']);
    expect([bureauOf('TR'), bureauOf('GB')]).toEqual(['EUR', 'EUR']);

    const embassy = (code: string) => embassies.find((p) => p.code === code);
    expect(embassy('berlin')).toMatchObject({ kind: 'embassy', countryAlpha2: 'DE', city: 'Berlin', bureauCode: 'EUR' });
    expect(embassy('ottawa')).toMatchObject({ countryAlpha2: 'CA', bureauCode: 'WHA' });
    expect(embassy('canberra')).toMatchObject({ countryAlpha2: 'AU', bureauCode: 'EAP' });
    expect(embassies.some((p) => p.countryAlpha2 === 'US')).toBe(false);
    expect(new Set(embassies.map((p) => p.countryAlpha2)).size).toBe(embassies.length);
    for (const post of embassies) expect(post.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot();
    const again = await seedReference(database.db);
    expect(again.postsAdded).toBe(0);
    expect(await snapshot()).toEqual(before);
  });
});
