import { sql } from 'drizzle-orm';
import { bench, describe } from 'vitest';
import { SYSTEM } from '../src/server/audit/audit-context';
import { cadenceReport } from '../src/server/cadence/cadence-report';
import { openDatabase, queryRows } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { listEngagements } from '../src/server/engagements/engagement-queries';
import { loadActor } from '../src/server/identity/actor';
import { createUser } from '../src/server/identity/create-user';
import { seedReference } from '../src/server/reference/seed-reference';
import { buildIssuedDirective } from '../src/server/testing/builders';

/**
 * What the access rules cost. Each group times a Demarche query (scope, clearance, drafts
 * and presentation included) against the plain SQL a table without access control would
 * need, on the same embedded database in the same run: vitest prints the ratio.
 */
const ENGAGEMENTS = Number(process.env.BENCH_ENGAGEMENTS ?? 20_000);

const database = await openDatabase({ dataDir: 'memory://' });
await migrate(database);
await seedReference(database.db);
const db = database.db;
const make = async (role: 'hq_analyst' | 'bureau_analyst' | 'officer', extra: { post?: string; bureau?: 'EUR' }) => {
  const user = await createUser(
    db,
    { email: `${role}@bench.test`, name: role, role, post: extra.post ?? null, bureau: extra.bureau ?? null, clearance: 'C', password: 'bench passphrase 1' },
    SYSTEM,
  );
  return (await loadActor(db, user.id))!;
};
const hq = await make('hq_analyst', {});
const analyst = await make('bureau_analyst', { bureau: 'EUR' });
const officer = await make('officer', { post: 'berlin' });
const allPosts = (await queryRows<{ code: string }>(db, sql`select code from posts order by code`)).map((p) => p.code);
const directive = await buildIssuedDirective(db, { actionPosts: allPosts, cadenceDays: 30, issuedAt: new Date(Date.now() - 400 * 86_400_000) });

// Spread engagements over every post, a year, all statuses and markings.
await db.execute(sql`
  insert into engagements (post_id, occurred_at, kind, classification, status, drafted_by, synthetic)
  select p.id,
         now() - (g % 365) * interval '1 day' - (g % 24) * interval '1 hour',
         'meeting',
         (array['U','SBU','C','S'])[1 + g % 4],
         (array['draft','submitted','approved','approved'])[1 + (g / 4) % 4],
         ${officer.id}, true
  from generate_series(1, ${ENGAGEMENTS}) g
  join (select id, row_number() over (order by code) - 1 as n, count(*) over () as total from posts) p on p.n = g % p.total`);
await db.execute(sql`insert into engagement_directives (engagement_id, directive_id) select id, ${directive.id} from engagements`);
await db.execute(sql`analyze`);

const OPTIONS = { time: 2_000, warmupTime: 300 };

describe(`a page of engagements (${ENGAGEMENTS} in the table)`, () => {
  bench(
    'raw SQL: newest 50, no access control',
    async () => {
      await queryRows(db, sql`select * from engagements order by occurred_at desc, id desc limit 51`);
    },
    OPTIONS,
  );
  bench(
    'Demarche: headquarters analyst (clearance, drafts)',
    async () => {
      await listEngagements(db, { limit: 50 }, hq);
    },
    OPTIONS,
  );
  bench(
    'Demarche: bureau analyst (bureau scope)',
    async () => {
      await listEngagements(db, { limit: 50 }, analyst);
    },
    OPTIONS,
  );
  bench(
    'Demarche: officer (one post)',
    async () => {
      await listEngagements(db, { limit: 50 }, officer);
    },
    OPTIONS,
  );
});

describe(`cadence of ${allPosts.length} posts (${ENGAGEMENTS} engagements)`, () => {
  bench(
    'raw SQL: last approved engagement per post',
    async () => {
      await queryRows(db, sql`select post_id, max(occurred_at) from engagements where status = 'approved' group by post_id`);
    },
    OPTIONS,
  );
  bench(
    'Demarche: cadence report with 12-week heatmap (headquarters)',
    async () => {
      await cadenceReport(db, hq, { weeks: 12 }, new Date());
    },
    OPTIONS,
  );
});
