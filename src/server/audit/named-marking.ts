import { inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { TClearance } from '../../shared/identity';
import type { Executor } from '../db/client';
import { higherMarking } from '../identity/access-policy';

/** A table of marked records: its id and classification columns. */
type MarkedTable = PgTable & { id: PgColumn; classification: PgColumn };

/**
 * The marking an audit event needs when its change names other records by id: the highest of
 * the record's own (`floor`) and the named records'. An S engagement's id in an event marked U
 * would tell a U-cleared administrator that it exists. Used by every event that names records
 * (contact.merged, assessment.created and .updated, agreement.created and .updated).
 */
export async function markingNaming(db: Executor, floor: TClearance, named: readonly { table: MarkedTable; ids: readonly string[] }[]): Promise<TClearance> {
  let marking = floor;
  for (const { table, ids } of named) {
    if (ids.length === 0) continue;
    const rows = (await db
      .select({ classification: table.classification })
      .from(table)
      .where(inArray(table.id, [...ids]))) as { classification: TClearance }[];
    for (const row of rows) marking = higherMarking(marking, row.classification);
  }
  return marking;
}
