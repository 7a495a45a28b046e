import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { TRevision } from '../../shared/incidents';
import type { Executor } from '../db/client';
import { incidentRevisions, incidents, users } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { findIncidentSubject } from './incident-queries';
import { visibleIncidents } from './incident-policy';

/** Keeps what changed in an incident, inside the caller's transaction. */
export async function recordRevision(
  tx: Executor,
  revision: { incidentId: string; actorId: string | null; statusAtChange: string; change: Record<string, unknown>; at?: Date },
): Promise<void> {
  await tx.insert(incidentRevisions).values({
    incidentId: revision.incidentId,
    actorId: revision.actorId,
    statusAtChange: revision.statusAtChange,
    change: revision.change,
    ...(revision.at ? { at: revision.at } : {}),
  });
}

/** The incident's revisions and those of the incidents merged into it that the reader may see, oldest first. */
export async function listRevisions(db: Executor, id: string, viewer: Actor): Promise<{ items: TRevision[] }> {
  await findIncidentSubject(db, id, viewer);
  const mergedInto = db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.mergedIntoId, id), visibleIncidents(viewer)));
  const rows = await db
    .select({
      id: incidentRevisions.id,
      incidentId: incidentRevisions.incidentId,
      actorId: incidentRevisions.actorId,
      actorName: users.name,
      at: incidentRevisions.at,
      statusAtChange: incidentRevisions.statusAtChange,
      change: incidentRevisions.change,
    })
    .from(incidentRevisions)
    .leftJoin(users, eq(users.id, incidentRevisions.actorId))
    .where(or(eq(incidentRevisions.incidentId, id), inArray(incidentRevisions.incidentId, mergedInto)))
    .orderBy(asc(incidentRevisions.at), asc(incidentRevisions.id));
  return {
    items: rows.map((row) => ({
      id: row.id,
      incidentId: row.incidentId,
      actor: row.actorId && row.actorName !== null ? { id: row.actorId, name: row.actorName } : null,
      at: row.at.toISOString(),
      statusAtChange: row.statusAtChange as TRevision['statusAtChange'],
      change: row.change as Record<string, unknown>,
    })),
  };
}
