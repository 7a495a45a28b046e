import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { incidentCategories, incidents, posts, users } from '../../db/schema/index';
import { seedReference } from '../../reference/seed-reference';

/**
 * Rows for the duplicate tests and the benchmark, written directly: the incident commands are
 * not what is tested here. Every incident is marked synthetic.
 */
export interface DuplicatesFixture {
  drafterId: string;
  category: string;
  /** The embassy in each country, by alpha-2 code. */
  postOf(country: string): Promise<string>;
}

export async function setUpDuplicatesFixture(db: Db): Promise<DuplicatesFixture> {
  await seedReference(db);
  const [drafter] = await db
    .insert(users)
    .values({ email: 'duplicates-drafter@demarche.test', name: 'Synthetic drafter', role: 'officer', clearance: 'S', passwordHash: 'not-a-hash' })
    .returning({ id: users.id });
  const category = 'synthetic_event';
  await db.insert(incidentCategories).values({ code: category, name: 'Synthetic event' }).onConflictDoNothing();
  const postIds = new Map<string, string>();
  return {
    drafterId: drafter!.id,
    category,
    async postOf(country) {
      let id = postIds.get(country);
      if (!id) {
        const [post] = await db.select({ id: posts.id }).from(posts).where(eq(posts.countryAlpha2, country)).orderBy(posts.code).limit(1);
        if (!post) throw new Error(`no post in ${country}`);
        id = post.id;
        postIds.set(country, id);
      }
      return id;
    },
  };
}

export interface IncidentRow {
  country: string;
  occurredOn: string;
  summary: string;
  status?: 'draft' | 'submitted' | 'verified' | 'rejected';
  classification?: 'U' | 'SBU' | 'C' | 'S';
  mergedIntoId?: string | null;
}

export async function insertIncident(db: Db, fixture: DuplicatesFixture, row: IncidentRow): Promise<string> {
  const [inserted] = await db
    .insert(incidents)
    .values({
      postId: await fixture.postOf(row.country),
      countryAlpha2: row.country,
      placeName: 'Synthetic town',
      geoPrecision: 'town',
      occurredOn: row.occurredOn,
      timePrecision: 'day',
      category: fixture.category,
      summary: row.summary,
      classification: row.classification ?? 'U',
      status: row.status ?? 'submitted',
      mergedIntoId: row.mergedIntoId ?? null,
      synthetic: true,
      draftedBy: fixture.drafterId,
    })
    .returning({ id: incidents.id });
  return inserted!.id;
}

/** Whatever the reader may see: for tests where access is not the point. */
export const EVERYONE_SEES = sql`true`;
