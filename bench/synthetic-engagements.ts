import { sql, type SQL } from 'drizzle-orm';
import { ENGAGEMENT_KINDS, RECEPTIONS } from '../src/shared/engagements';
import type { Db } from '../src/server/db/client';
import { queryRows } from '../src/server/db/client';

/**
 * Clearly synthetic engagements at scale, for benchmarks (DESIGN.md, data principle 5): every
 * engagement and directive is marked `synthetic`, readouts say "Synthetic readout", added posts
 * are "Synthetic consulate N", and nobody is named. Everything is written with ordinary SQL
 * inserts built on `generate_series`, in chunks, so that triggers on these tables (the cadence
 * pre-aggregates) see the rows as the app's own writes would make them.
 *
 * Engagement ids are derived from the batch label and the engagement's number
 * (the md5 of label and number, laid out as a version-4 uuid), so each later insert (directive links, points, follow-ups) finds its
 * engagement by number without a temporary table, and one label gives the same rows every time.
 * Coming record types can follow the same shape: numbered rows, derived ids, chunks.
 */
export interface SyntheticEngagementOptions {
  /** How many engagements. */
  count: number;
  /** Who drafted them (an officer) and who approved the approved ones (another user). */
  draftedBy: string;
  approvedBy: string;
  /** Posts engaging; synthetic consulates are added when the reference data has fewer (default 300). */
  posts?: number;
  /** Issued directives with a 30-day engagement cadence and three talking points each (default 4). */
  directives?: number;
  /** Days the engagements spread over, ending two days before `now` (so that approvals are past; default 730). */
  days?: number;
  now?: Date;
  /** Makes ids and directive references unique per batch (default `synthetic`). */
  label?: string;
  /** Rows per insert statement (default 50,000). */
  chunk?: number;
  /** Called after each chunk with the engagements written so far. */
  progress?: (written: number) => void;
}

export interface SyntheticEngagements {
  directives: { id: string; reference: string }[];
  postCodes: string[];
}

const MARKINGS = ['U', 'SBU', 'C', 'S'] as const;
// Approved twice as often as the other two: most engagements a reader sees are approved.
const STATUSES = ['draft', 'submitted', 'approved', 'approved'] as const;
const textArray = (values: readonly string[]) => sql.raw(`array[${values.map((value) => `'${value}'`).join(',')}]`);

export async function seedSyntheticEngagements(db: Db, options: SyntheticEngagementOptions): Promise<SyntheticEngagements> {
  const label = options.label ?? 'synthetic';
  const days = options.days ?? 730;
  const now = options.now ?? new Date();
  const chunk = options.chunk ?? 50_000;
  const postCodes = await ensurePosts(db, options.posts ?? 300);
  const directives = await ensureDirectives(db, label, options.directives ?? 4, new Date(now.getTime() - (days + 30) * 86_400_000), options.draftedBy);
  const directiveIds = sql.raw(`array[${directives.map((directive) => `'${directive.id}'::uuid`).join(',')}]`);
  // A version-4 layout (version and variant digits set), so that the API's uuid checks accept it.
  const id = (g: SQL) => sql`overlay(overlay(md5(${`${label}-engagement-`}::text || ${g}::text) placing '4' from 13) placing '8' from 17)::uuid`;
  const hours = days * 24;

  for (let from = 1; from <= options.count; from += chunk) {
    const to = Math.min(options.count, from + chunk - 1);
    const g = sql.raw('g');
    // Posts in turn, times spread over the period by a stride prime to its length, so that
    // neighbouring numbers are far apart in time and every post has engagements throughout.
    await db.execute(sql`
      insert into engagements (id, post_id, occurred_at, kind, classification, status, our_readout, commitments, synthetic,
                               drafted_by, submitted_at, approved_by, approved_at)
      select ${id(g)}, p.id, t.at, (${textArray(ENGAGEMENT_KINDS)})[1 + g % ${ENGAGEMENT_KINDS.length}],
             (${textArray(MARKINGS)})[1 + (g / 3) % 4], s.status,
             'Synthetic readout ' || g || ': the host side listened to our points and promised a reply.', '', true,
             ${options.draftedBy},
             case when s.status <> 'draft' then t.at + interval '6 hours' end,
             case when s.status = 'approved' then ${options.approvedBy}::uuid end,
             case when s.status = 'approved' then t.at + interval '1 day' end
      from generate_series(${from}::int, ${to}::int) g
      join (select id, row_number() over (order by code) - 1 as n from posts where code = any(${textArray(postCodes)})) p on p.n = g % ${postCodes.length}
      cross join lateral (select ${now.toISOString()}::timestamptz - interval '2 days' - ((g::bigint * 7919) % ${hours}) * interval '1 hour' as at) t
      cross join lateral (select (${textArray(STATUSES)})[1 + (g / 7) % 4] as status) s`);
    await db.execute(sql`
      insert into engagement_directives (engagement_id, directive_id)
      select ${id(g)}, (${directiveIds})[1 + g % ${directives.length}] from generate_series(${from}::int, ${to}::int) g`);
    // The directive's three points, all delivered, receptions in turn.
    await db.execute(sql`
      insert into engagement_points (engagement_id, talking_point_id, delivered, reception)
      select ${id(g)}, tp.id, true, (${textArray(RECEPTIONS)})[1 + (g + tp.number) % 3]
      from generate_series(${from}::int, ${to}::int) g
      join talking_points tp on tp.directive_id = (${directiveIds})[1 + g % ${directives.length}]`);
    // A follow-up on every fifth, half of them done.
    await db.execute(sql`
      insert into follow_ups (engagement_id, action, owner_id, due_date, done_at)
      select ${id(g)}, 'Synthetic follow-up: send the non-paper promised in the meeting', ${options.draftedBy},
             (e.occurred_at + interval '14 days')::date, case when g % 10 = 0 then e.occurred_at + interval '7 days' end
      from generate_series(${from}::int, ${to}::int) g
      join engagements e on e.id = ${id(g)}
      where g % 5 = 0`);
    options.progress?.(to);
  }
  await db.execute(sql`analyze`);
  return { directives, postCodes };
}

/** The reference posts, and synthetic consulates beside them up to `wanted`. */
async function ensurePosts(db: Db, wanted: number): Promise<string[]> {
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from posts`);
  if (n < wanted) {
    await db.execute(sql`
      insert into posts (code, name, kind, country_alpha2, city, lat, lon, bureau_code)
      select 'synthetic-consulate-' || g, 'Synthetic consulate ' || g, 'consulate', p.country_alpha2, 'Synthetic city ' || g, p.lat, p.lon, p.bureau_code
      from generate_series(1, ${wanted - n}::int) g
      join (select *, row_number() over (order by code) - 1 as n, count(*) over () as total from posts) p on p.n = g % p.total
      on conflict (code) do nothing`);
  }
  const rows = await queryRows<{ code: string }>(db, sql`select code from posts order by code limit ${wanted}`);
  return rows.map((row) => row.code);
}

/** Issued directives with cadence, addressed to every post, three talking points each. */
async function ensureDirectives(db: Db, label: string, count: number, issuedAt: Date, author: string): Promise<{ id: string; reference: string }[]> {
  const prefix = `SYNTH-${label.toUpperCase()}-`;
  await db.execute(sql`
    insert into directives (reference, date, subject, from_line, objective, classification, status, engagement_cadence_days,
                            synthetic, drafted_by, issued_by, issued_at)
    select ${prefix} || g, ${issuedAt.toISOString().slice(0, 10)}::date, 'Synthetic directive ' || g, 'SECSTATE WASHDC',
           'Synthetic objective: ask hosts to support the synthetic resolution.', (array['U','SBU','C'])[1 + g % 3], 'issued', 30,
           true, ${author}, ${author}, ${issuedAt.toISOString()}::timestamptz
    from generate_series(1, ${count}::int) g
    on conflict (reference) do nothing`);
  const directives = await queryRows<{ id: string; reference: string }>(
    db,
    sql`select id, reference from directives where reference like ${`${prefix}%`} order by reference`,
  );
  const ids = sql.raw(`array[${directives.map((directive) => `'${directive.id}'::uuid`).join(',')}]`);
  await db.execute(sql`
    insert into directive_posts (directive_id, post_id, role)
    select d, p.id, 'action' from unnest(${ids}) d cross join posts p
    on conflict do nothing`);
  await db.execute(sql`
    insert into talking_points (directive_id, number, text)
    select d, n, 'Synthetic talking point ' || n from unnest(${ids}) d cross join generate_series(1, 3) n
    on conflict do nothing`);
  return directives;
}
