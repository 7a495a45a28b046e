import { and, asc, eq } from 'drizzle-orm';
import type { TSource } from '../../shared/sources';
import type { Executor } from '../db/client';
import { sources, users } from '../db/schema/index';

/**
 * The sources of one record of a type whose sources carry no suspect status (agreements, policy
 * measures), in the order they were added, with who added them. The caller has already checked
 * that the reader may see the record.
 */
export async function loadRecordSources(db: Executor, recordType: string, recordId: string): Promise<TSource[]> {
  const rows = await db
    .select({
      id: sources.id,
      url: sources.url,
      outlet: sources.outlet,
      publishedOn: sources.publishedOn,
      language: sources.language,
      type: sources.sourceType,
      reliability: sources.reliability,
      credibility: sources.credibility,
      addedById: sources.addedBy,
      addedByName: users.name,
      addedAt: sources.addedAt,
    })
    .from(sources)
    .leftJoin(users, eq(users.id, sources.addedBy))
    .where(and(eq(sources.recordType, recordType), eq(sources.recordId, recordId)))
    .orderBy(asc(sources.seq));
  return rows.map(({ addedById, addedByName, addedAt, ...source }) => ({
    ...source,
    type: source.type as TSource['type'],
    reliability: source.reliability as TSource['reliability'],
    addedBy: addedById && addedByName !== null ? { id: addedById, name: addedByName } : null,
    addedAt: addedAt.toISOString(),
  }));
}
