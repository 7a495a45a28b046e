import { inArray } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import type { Executor } from '../db/client';
import { engagements } from '../db/schema/index';
import { higherMarking } from '../identity/access-policy';

/**
 * The marking of an audit event that names linked engagements by id: the highest of the
 * agreement's own (`floor`) and theirs. An S engagement's id in an event marked U would tell a
 * U-cleared administrator that it exists (contact.merged is marked the same way).
 */
export async function markingWithEngagements(db: Executor, floor: TClearance, engagementIds: readonly string[]): Promise<TClearance> {
  if (engagementIds.length === 0) return floor;
  const rows = await db
    .select({ classification: engagements.classification })
    .from(engagements)
    .where(inArray(engagements.id, [...engagementIds]));
  return rows.reduce<TClearance>((top, row) => higherMarking(top, row.classification), floor);
}
