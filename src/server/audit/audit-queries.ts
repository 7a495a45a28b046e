import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { TAuditEvent, TAuditQuery } from '../../shared/audit';
import type { Actor } from '../identity/actor';
import { markingReadable } from '../identity/access-policy';
import type { TPage } from '../../shared/pagination';
import type { Executor } from '../db/client';
import { auditEvents } from '../db/schema/index';
import { decodeCursor, toPage } from '../http/cursor';
import { presentAuditEvents } from './audit-presenter';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Audit events, newest first: only those about records the viewer is cleared for, each with
 * its record named as the viewer may know it (see audit-presenter.ts).
 */
export async function listAuditEvents(db: Executor, query: TAuditQuery, viewer: Actor): Promise<TPage<TAuditEvent>> {
  const after = decodeCursor(query.cursor, ['bigint']);
  const actor = query.actor?.trim().toLowerCase();
  const conditions: (SQL | undefined)[] = [
    markingReadable(viewer, auditEvents.classification),
    actor ? (UUID.test(actor) ? or(eq(auditEvents.actorId, actor), eq(auditEvents.actorEmail, actor)) : eq(auditEvents.actorEmail, actor)) : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.recordType ? eq(auditEvents.recordType, query.recordType) : undefined,
    query.recordId ? eq(auditEvents.recordId, query.recordId) : undefined,
    query.from ? gte(auditEvents.at, new Date(query.from)) : undefined,
    query.to ? lte(auditEvents.at, new Date(query.to)) : undefined,
    after ? lt(auditEvents.id, Number(after[0])) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (row) => [row.id]);
  return { items: await presentAuditEvents(db, viewer, page.items), nextCursor: page.nextCursor };
}
