import { asc, eq, inArray } from 'drizzle-orm';
import type { TTalkingPoint } from '../../shared/directives';
import type { Executor } from '../db/client';
import { counterArguments, talkingPoints } from '../db/schema/index';
import { applicablePoints } from './applicable-points';

/**
 * A directive's talking points in order, with their counter-arguments: all of them, or
 * (given a post) only those that apply to it. Which points apply is decided by
 * `applicablePoints` alone, so directives and engagements never disagree about it.
 */
export async function loadTalkingPoints(db: Executor, directiveId: string, postId: string | null): Promise<TTalkingPoint[]> {
  let rows = await db.select().from(talkingPoints).where(eq(talkingPoints.directiveId, directiveId)).orderBy(asc(talkingPoints.number));
  if (postId !== null) {
    const applicable = new Set((await applicablePoints(db, [directiveId], postId)).map((point) => point.id));
    rows = rows.filter((row) => applicable.has(row.id));
  }
  const pointIds = rows.map((row) => row.id);
  const counters =
    pointIds.length === 0
      ? []
      : await db.select().from(counterArguments).where(inArray(counterArguments.talkingPointId, pointIds)).orderBy(asc(counterArguments.position));
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    text: row.text,
    scope: row.scope as TTalkingPoint['scope'],
    bureaus: row.scopeBureaus,
    countries: row.scopeCountries,
    rationale: row.rationale,
    wording: row.wording as TTalkingPoint['wording'],
    attribution: row.attribution,
    counterArguments: counters.filter((counter) => counter.talkingPointId === row.id).map(({ argument, rebuttal }) => ({ argument, rebuttal })),
  }));
}
