import { sql } from 'drizzle-orm';
import type { Executor } from '../src/server/db/client';

/**
 * Fills the incidents table up to `total` rows in the database itself (generate_series, 50,000
 * at a time), each with one source: clearly synthetic incidents (DESIGN.md, data principle 5:
 * `synthetic`, "no such event took place", example.org) spread over every post and two years,
 * with every status, marking, legal and suspect status. For benchmarks at 100k–1M rows, where
 * going through the import would take longer than what is measured.
 */
export async function fillSyntheticIncidentRows(db: Executor, options: { from: number; total: number; draftedBy: string }): Promise<void> {
  const step = 50_000;
  for (let start = options.from; start < options.total; start += step) {
    const end = Math.min(options.total, start + step);
    await db.execute(sql`
      insert into incidents (post_id, country_alpha2, place_name, latitude, longitude, geo_precision, occurred_on, time_precision, category,
                             summary, classification, status, legal_status, synthetic, drafted_by)
      select p.id, p.country_alpha2, 'Synthetic town ' || (g % 40), p.lat + (g % 40) * 0.01, p.lon + (g % 40) * 0.01, 'town',
             date '2026-11-30' - (g % 730), 'day',
             (array['violent_crime','homicide','sexual_assault','anti_migrant_attack','antisemitic_incident','public_disorder'])[1 + g % 6],
             'Synthetic benchmark incident ' || g || ': no such event took place.',
             (array['U','SBU','C','S'])[1 + g % 4],
             (array['draft','submitted','verified','verified'])[1 + (g / 4) % 4],
             (array['reported','under_investigation','charged','convicted','acquitted','dismissed'])[1 + (g / 16) % 6],
             true, ${options.draftedBy}
      from generate_series(${start + 1}::int, ${end}::int) g
      join (select id, country_alpha2, lat, lon, row_number() over (order by code) - 1 as n, count(*) over () as total from posts) p on p.n = g % p.total`);
  }
  await db.execute(sql`
    insert into sources (record_type, record_id, url, outlet, language, source_type, reliability, credibility, suspect_status)
    select 'incident', i.id, 'https://example.org/synthetic/' || i.id, 'Synthetic outlet', 'en', 'media',
           (array['A','B','C','D','E','F'])[1 + abs(hashtext(i.id::text)) % 6], 3,
           (array['national','foreign_national','asylum_seeker','no_residence_status','unknown','not_stated'])[1 + abs(hashtext(i.id::text) / 7) % 6]
    from incidents i where not exists (select 1 from sources s where s.record_type = 'incident' and s.record_id = i.id)`);
  await db.execute(sql`analyze`);
}
