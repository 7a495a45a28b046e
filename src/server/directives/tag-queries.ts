import { and, asc, gt } from 'drizzle-orm';
import type { TTag } from '../../shared/directives';
import type { TPage, TPageQuery } from '../../shared/pagination';
import type { Executor } from '../db/client';
import { tags } from '../db/schema/index';
import { decodeCursor, toPage } from '../http/cursor';

/** TAGS by code. They are reference data: every signed-in user reads them all. */
export async function listTags(db: Executor, query: TPageQuery): Promise<TPage<TTag>> {
  const after = decodeCursor(query.cursor, ['text']);
  const rows = await db
    .select({ code: tags.code, name: tags.name })
    .from(tags)
    .where(and(after ? gt(tags.code, String(after[0])) : undefined))
    .orderBy(asc(tags.code))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.code]);
}
