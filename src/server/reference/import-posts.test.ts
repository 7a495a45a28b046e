import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posts } from '../db/schema/index';
import { AppError } from '../http/app-error';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { importPosts } from './import-posts';
import { seedReference } from './seed-reference';

const HEADER = 'code,name,kind,country,city,lat,lon,bureau';

async function importError(database: TestDatabase, csv: string): Promise<AppError> {
  const error = await importPosts(database.db, csv).catch((e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('posts import', () => {
  let database: TestDatabase;
  const postCount = async () => (await database.db.select({ n: count() }).from(posts))[0]?.n ?? 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReference(database.db);
  });
  afterAll(async () => database.close());

  it('imports consulates and missions, defaulting the bureau to the country’s', async () => {
    const before = await postCount();
    const result = await importPosts(
      database.db,
      [
        HEADER,
        'frankfurt,Consulate General Frankfurt,consulate_general,DE,Frankfurt am Main,50.1109,8.6821,',
        'usun-geneva,U.S. Mission Geneva,mission,CHE,Geneva,46.2044,6.1432,IO',
        '"toronto","Consulate General Toronto, Ontario",consulate_general,ca,Toronto,43.6532,-79.3832,',
      ].join('\n'),
    );
    expect(result.imported).toBe(3);
    expect(await postCount()).toBe(before + 3);
    const [frankfurt] = await database.db.select().from(posts).where(eq(posts.code, 'frankfurt'));
    expect(frankfurt).toMatchObject({ countryAlpha2: 'DE', bureauCode: 'EUR', kind: 'consulate_general' });
    const [geneva] = await database.db.select().from(posts).where(eq(posts.code, 'usun-geneva'));
    expect(geneva).toMatchObject({ countryAlpha2: 'CH', bureauCode: 'IO' });
    const [toronto] = await database.db.select().from(posts).where(eq(posts.code, 'toronto'));
    expect(toronto?.name).toBe('Consulate General Toronto, Ontario');
  });

  it('names the row and field of each bad value and imports nothing', async () => {
    const before = await postCount();
    const error = await importError(
      database,
      [
        HEADER,
        'munich,Consulate General Munich,consulate_general,DE,Munich,48.1351,11.5820,',
        'hamburg,Consulate General Hamburg,consulate_general,DE,Hamburg,953.55,9.99,',
        'Bad Code,Somewhere,palace,ZZ,Nowhere,1,2,',
      ].join('\n'),
    );
    expect(error.code).toBe('validation');
    expect(error.message).toContain('nothing was imported');
    expect(error.fieldErrors).toEqual(
      expect.arrayContaining([
        { field: 'row 3.lat', message: 'must be between -90 and 90' },
        { field: 'row 4.code', message: expect.stringContaining('lowercase slug') },
        { field: 'row 4.kind', message: expect.stringContaining('embassy') },
      ]),
    );
    expect(await postCount()).toBe(before);
    expect(await database.db.select().from(posts).where(eq(posts.code, 'munich'))).toEqual([]);
  });

  it('refuses unknown countries, codes already taken and codes repeated in the file', async () => {
    const error = await importError(
      database,
      [
        HEADER,
        'berlin,Another Berlin,embassy,DE,Berlin,52.5,13.4,',
        'atlantis,Embassy Atlantis,embassy,QQ,Atlantis,0,0,',
        'leipzig,Consulate Leipzig,consulate,DE,Leipzig,51.34,12.37,',
        'leipzig,Consulate Leipzig again,consulate,DE,Leipzig,51.34,12.37,',
      ].join('\n'),
    );
    expect(error.fieldErrors).toEqual([
      { field: 'row 2.code', message: 'a post with code "berlin" already exists' },
      { field: 'row 3.country', message: 'no country has the code "QQ"' },
      { field: 'row 5.code', message: 'repeats the code of row 4' },
    ]);
    expect(await database.db.select().from(posts).where(eq(posts.code, 'leipzig'))).toEqual([]);
  });

  it('explains a wrong header or an empty file', async () => {
    const header = await importError(database, 'code,name,kind,country,town,lat,lon\nx,y,embassy,DE,z,1,2');
    expect(header.fieldErrors).toEqual(
      expect.arrayContaining([
        { field: 'header.city', message: 'column is missing' },
        { field: 'header.town', message: expect.stringContaining('not a known column') },
      ]),
    );
    const empty = await importError(database, `${HEADER}\n`);
    expect(empty.fieldErrors).toEqual([{ field: 'file', message: 'has no rows after the header' }]);
    const broken = await importError(database, `${HEADER}\n"unterminated,quote`);
    expect(broken.fieldErrors[0]?.field).toBe('file');
  });
});
