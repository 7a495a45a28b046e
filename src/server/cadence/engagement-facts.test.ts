import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCadenceReport, TCoverage } from '../../shared/engagements';
import { CLEARANCES, type TClearance } from '../../shared/identity';
import { queryRows } from '../db/client';
import { canSee } from '../identity/access-policy';
import { buildEngagement, buildIssuedDirective } from '../testing/builders';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app';
import { isoWeekStartUtc } from './cadence-report';
import { cadenceStatus } from './cadence-status';

const DAY = 86_400_000;
const POSTS = ['berlin', 'paris', 'warsaw', 'rome', 'tokyo'];
const RECEPTIONS = ['receptive', 'noncommittal', 'disagreed', null] as const;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Row {
  id: string;
  post: string;
  postId: string;
  bureau: string | null;
  classification: TClearance;
  status: string;
  occurredAt: Date;
}

/**
 * The cadence dashboard and the coverage read facts that triggers keep per post, marking and
 * week or month (engagement-facts.ts). Whatever writes the engagements, in whatever order,
 * the facts must equal counting again from scratch, and every reader's figures must equal
 * what the engagements they may see say.
 */
describe('engagement facts', () => {
  let t: TestApp;
  let readers: TestUser[];
  let directiveIds: string[];
  const now = Date.now();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const author = await t.user({ role: 'hq_analyst', clearance: 'S' });
    readers = [
      author,
      await t.user({ role: 'hq_analyst', clearance: 'U' }),
      await t.user({ role: 'bureau_analyst', bureau: 'EUR', clearance: 'SBU' }),
      await t.user({ role: 'officer', post: 'berlin', clearance: 'C' }),
    ];
    const early = await buildIssuedDirective(db, {
      actionPosts: POSTS,
      cadenceDays: 30,
      issuedAt: new Date(now - 420 * DAY),
      points: [{ text: 'One' }, { text: 'Two' }, { text: 'Three' }],
    });
    const late = await buildIssuedDirective(db, {
      actionPosts: POSTS.slice(0, 3),
      cadenceDays: 14,
      issuedAt: new Date(now - 60 * DAY),
      points: [{ text: 'Four' }, { text: 'Five' }],
    });
    directiveIds = [early.id, late.id];
    const next = random(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      const links = pick([[early], [late], [early, late]]);
      // From before either issue to a day ahead; distinct milliseconds, so the latest delivery is never a tie.
      const occurredAt = new Date(now - Math.floor(next() * 450 * DAY) + DAY - i);
      ids.push(
        await buildEngagement(db, {
          post: pick(POSTS),
          draftedBy: author.actor.id,
          directiveIds: links.map((directive) => directive.id),
          occurredAt,
          status: pick(['draft', 'submitted', 'approved', 'approved', 'approved'] as const),
          classification: pick(CLEARANCES),
          points: links.flatMap((directive) =>
            directive.pointIds.map((talkingPointId) => ({ talkingPointId, delivered: next() < 0.7, reception: pick(RECEPTIONS) })),
          ),
        }),
      );
    }
    // Later changes, as the app and an operator make them: approvals, a reception corrected,
    // a link removed, an approved engagement deleted, a directive's issue date corrected.
    await db.execute(sql`update directives set issued_at = issued_at - interval '20 days' where id = ${late.id}`);
    await db.execute(sql`update engagements set status = 'approved' where status = 'submitted'`);
    // Each of these touches what a fact holds: the latest delivery's reception, a counted
    // engagement's link, the latest delivery's engagement.
    await db.execute(sql`update engagement_points set reception = 'disagreed'
      where (engagement_id, talking_point_id) in (select engagement_id, talking_point_id from point_latest where reception is distinct from 'disagreed' limit 3)`);
    await db.execute(sql`delete from engagement_directives
      where engagement_id in (select e.id from engagements e join engagement_directives ed on ed.engagement_id = e.id
                              where e.status = 'approved' and e.occurred_at > now() - interval '50 days' limit 2)`);
    await db.execute(sql`delete from engagements where id in (select engagement_id from point_latest order by occurred_at desc limit 1)`);
    // This week at Berlin: one an hour ago that counts, one in an hour that does not yet.
    for (const offset of [-3_600_000, 3_600_000])
      await buildEngagement(db, {
        post: 'berlin',
        draftedBy: author.actor.id,
        directiveIds: [early.id, late.id],
        occurredAt: new Date(now + offset),
        classification: 'U',
        points: [{ talkingPointId: early.pointIds[0]!, delivered: true, reception: 'receptive' }],
      });
    expect(ids).toHaveLength(120);
  });
  afterAll(async () => t.close());

  const FACT_TABLES = ['cadence_weeks', 'cadence_latest', 'reception_months', 'point_latest'];
  const snapshot = async () => {
    const tables: Record<string, unknown[]> = {};
    for (const table of FACT_TABLES) tables[table] = await queryRows(t.database.db, sql.raw(`select * from ${table} order by 1, 2, 3, 4`));
    return tables;
  };

  it('gives every reader the figures the engagements they may see say', async () => {
    const db = t.database.db;
    const engagements = (
      await queryRows<Omit<Row, 'occurredAt'> & { occurredAt: string | Date }>(
        db,
        sql`select e.id, p.code as post, e.post_id as "postId", p.bureau_code as bureau, e.classification, e.status, e.occurred_at as "occurredAt"
            from engagements e join posts p on p.id = e.post_id`,
      )
    ).map((row) => ({ ...row, occurredAt: new Date(row.occurredAt) }));
    const links = await queryRows<{ engagementId: string; directiveId: string }>(
      db,
      sql`select engagement_id as "engagementId", directive_id as "directiveId" from engagement_directives`,
    );
    const points = await queryRows<{ engagementId: string; pointId: string; directiveId: string; delivered: boolean; reception: string | null }>(
      db,
      sql`select ep.engagement_id as "engagementId", ep.talking_point_id as "pointId", tp.directive_id as "directiveId", ep.delivered, ep.reception
          from engagement_points ep join talking_points tp on tp.id = ep.talking_point_id`,
    );
    const issued = new Map(
      (await queryRows<{ id: string; issuedAt: string | Date }>(db, sql`select id, issued_at as "issuedAt" from directives`)).map((row) => [
        row.id,
        new Date(row.issuedAt),
      ]),
    );
    const byId = new Map(engagements.map((row) => [row.id, row]));
    const issueDay = (directiveId: string) => {
      const at = issued.get(directiveId)!;
      return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
    };

    for (const reader of readers) {
      const approved = (row: Row | undefined): row is Row =>
        row !== undefined &&
        row.status === 'approved' &&
        canSee(reader.actor, { postId: row.postId, postBureauCode: row.bureau, classification: row.classification });
      for (const directiveId of directiveIds) {
        const report = (await t.request({ method: 'GET', url: `/api/v1/cadence?directive=${directiveId}`, as: reader })).json<TCadenceReport>();
        const asOf = Date.parse(report.asOf);
        const counting = links
          .filter((link) => link.directiveId === directiveId)
          .map((link) => byId.get(link.engagementId))
          .filter(approved)
          .filter((row) => row.occurredAt.getTime() >= issueDay(directiveId) && row.occurredAt.getTime() <= asOf);
        const where = `${reader.actor.role} ${reader.actor.clearance}, directive ${directiveIds.indexOf(directiveId)}`;

        for (const row of report.rows.filter((candidate) => candidate.directiveId === directiveId)) {
          const last = Math.max(...counting.filter((engagement) => engagement.post === row.post).map((engagement) => engagement.occurredAt.getTime()));
          expect(row.lastEngagementAt, `${where}, last engagement at ${row.post}`).toBe(Number.isFinite(last) ? new Date(last).toISOString() : null);
        }
        report.heatmap.posts.forEach((post, p) => {
          const perWeek = report.heatmap.weeks.map(
            (week) => counting.filter((row) => row.post === post.code && isoWeekStartUtc(row.occurredAt).toISOString().slice(0, 10) === week).length,
          );
          expect(report.heatmap.counts[p], `${where}, heatmap of ${post.code}`).toEqual(perWeek);
          // Each week's status, from the last engagement that counts up to the end of that week.
          const row = report.rows.find((candidate) => candidate.directiveId === directiveId && candidate.post === post.code)!;
          const statuses = report.heatmap.weeks.map((week) => {
            const end = Math.min(Date.parse(`${week}T00:00:00Z`) + 7 * DAY, asOf);
            if (end < Date.parse(row.issuedAt)) return null;
            const last = Math.max(
              ...counting
                .filter((engagement) => engagement.post === post.code && engagement.occurredAt.getTime() <= end)
                .map((engagement) => engagement.occurredAt.getTime()),
            );
            return cadenceStatus({
              issuedAt: new Date(row.issuedAt),
              lastEngagementAt: Number.isFinite(last) ? new Date(last) : null,
              cadenceDays: row.cadenceDays,
              now: new Date(end),
            }).status;
          });
          expect(report.heatmap.statuses[p], `${where}, statuses of ${post.code}`).toEqual(statuses);
        });

        const rollup = report.rollup.find((candidate) => candidate.directiveId === directiveId)!;
        const delivered = points.filter((point) => point.directiveId === directiveId && point.delivered && approved(byId.get(point.engagementId)));
        const pairs = new Set(delivered.map((point) => `${point.pointId}/${byId.get(point.engagementId)!.post}`));
        expect(rollup.points.delivered, `${where}, points delivered`).toBe(pairs.size);
        const months = new Map<string, { receptive: number; noncommittal: number; disagreed: number; notRecorded: number }>();
        for (const point of delivered) {
          const at = byId.get(point.engagementId)!.occurredAt;
          if (at.getTime() < issueDay(directiveId) || at.getTime() > asOf) continue;
          const month = at.toISOString().slice(0, 7);
          const tally = months.get(month) ?? { receptive: 0, noncommittal: 0, disagreed: 0, notRecorded: 0 };
          if (point.reception === null) tally.notRecorded++;
          else tally[point.reception as 'receptive' | 'noncommittal' | 'disagreed']++;
          months.set(month, tally);
        }
        expect(rollup.receptionByMonth, `${where}, receptions by month`).toEqual(
          [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, tally]) => ({ month, ...tally })),
        );

        const coverage = (await t.request({ method: 'GET', url: `/api/v1/directives/${directiveId}/coverage`, as: reader })).json<TCoverage>();
        for (const point of coverage.points) {
          const latestByPost = new Map<string, { at: number; reception: string | null }>();
          for (const delivery of delivered.filter((candidate) => candidate.pointId === point.talkingPointId)) {
            const engagement = byId.get(delivery.engagementId)!;
            const known = latestByPost.get(engagement.post);
            if (!known || engagement.occurredAt.getTime() > known.at)
              latestByPost.set(engagement.post, { at: engagement.occurredAt.getTime(), reception: delivery.reception });
          }
          const latest = [...latestByPost.values()];
          expect(point.deliveredPosts, `${where}, point ${point.number} delivered`).toBe(latest.length);
          expect(point.reception, `${where}, point ${point.number} reception`).toEqual({
            receptive: latest.filter((entry) => entry.reception === 'receptive').length,
            noncommittal: latest.filter((entry) => entry.reception === 'noncommittal').length,
            disagreed: latest.filter((entry) => entry.reception === 'disagreed').length,
          });
        }
      }
    }
  });

  // After the test above: it reads the facts as the triggers kept them, before this one counts them again.
  it('keeps the facts equal to counting them again from scratch', async () => {
    const kept = await snapshot();
    expect(kept.cadence_weeks!.length).toBeGreaterThan(20);
    expect(kept.point_latest!.length).toBeGreaterThan(20);
    await t.database.db.execute(sql.raw(`truncate ${FACT_TABLES.join(', ')}`));
    await t.database.db.execute(sql`
      select engagement_facts_refresh(coalesce(w.posts, '{}'), coalesce(w.days, '{}'), coalesce(p.posts, '{}'), coalesce(p.ids, '{}'))
      from (select array_agg(post_id) as posts, array_agg(day) as days
            from (select distinct post_id, (occurred_at at time zone 'UTC')::date as day from engagements) s) w,
           (select array_agg(post_id) as posts, array_agg(talking_point_id) as ids
            from (select distinct e.post_id, ep.talking_point_id from engagements e join engagement_points ep on ep.engagement_id = e.id) s) p`);
    expect(await snapshot()).toEqual(kept);
  });
});
