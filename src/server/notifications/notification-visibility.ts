import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { visibleAssessments } from '../assessments/assessment-policy';
import { assessments, directives, engagements, incidents, notifications } from '../db/schema/index';
import { visibleDirectives } from '../directives/directive-policy';
import { visibleEngagements } from '../engagements/engagement-policy';
import { visibleIncidents } from '../incidents/incident-policy';
import type { Actor } from '../identity/actor';
import { postInScope } from '../identity/access-policy';

/**
 * A notification is shown, counted and opened only while its reader may see the record it
 * points at, by the record's own access rule, evaluated for the reader now: a lowered
 * clearance or a move to another post hides what it no longer covers. A record type without
 * an entry here is never shown, so a new type cannot leak by being forgotten.
 */
const RECORD_RULES: Record<string, (reader: Actor) => SQL> = {
  engagement: (reader) => sql`exists (select 1 from ${engagements} where ${engagements.id} = ${notifications.recordId} and ${visibleEngagements(reader)})`,
  incident: (reader) => sql`exists (select 1 from ${incidents} where ${incidents.id} = ${notifications.recordId} and ${visibleIncidents(reader)})`,
  assessment: (reader) => sql`exists (select 1 from ${assessments} where ${assessments.id} = ${notifications.recordId} and ${visibleAssessments(reader)})`,
  directive: (reader) =>
    and(
      sql`exists (select 1 from ${directives} where ${directives.id} = ${notifications.recordId} and ${visibleDirectives(reader)})`,
      // A reminder about a post's cadence also needs that post in the reader's scope.
      or(isNull(notifications.postId), postInScope(reader, notifications.postId)),
    ) as SQL,
};

export function readableNotifications(reader: Actor): SQL {
  const byType = Object.entries(RECORD_RULES).map(([recordType, rule]) => and(eq(notifications.recordType, recordType), rule(reader)));
  return and(eq(notifications.userId, reader.id), or(...byType)) as SQL;
}
