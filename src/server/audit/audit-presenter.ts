import { AGREEMENT_TYPE_LABELS, type TAgreementType } from '../../shared/agreements';
import { AUDIT_RECORD_TYPE_LABEL, type TAuditEvent, type TAuditRecord } from '../../shared/audit';
import type { TClearance } from '../../shared/identity';
import type { Executor } from '../db/client';
import type { auditEvents } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { hasPermission, scopeOf } from '../identity/access-policy';
import { actionLabel, describeAuditChange, fieldLabel } from './audit-change-words';
import { type NameRequest, type Names, nameKey, readsWholeTrail, resolveNames } from './audit-names';

type AuditRow = typeof auditEvents.$inferSelect;

const ENGAGEMENT_KIND: Record<string, string> = {
  demarche: 'Démarche',
  meeting: 'Meeting',
  call: 'Call',
  letter: 'Letter',
  event: 'Event',
  non_paper: 'Non-paper',
};
/** Kinds whose records belong to posts: without a known record, the reader is told nothing of them. */
const POST_RECORDS = new Set(['engagement', 'follow_up', 'directive', 'contact', 'incident', 'comment', 'agreement', 'policy_measure', 'assessment']);
const TEXT_MAX = 80;
const cut = (text: string) => (text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX - 1)}…` : text);

/** The id an event names its record by; an old category event kept its code in the change only. */
function recordIdOf(row: AuditRow): string | null {
  if (row.recordId) return row.recordId;
  const code = (row.change as Record<string, unknown> | null)?.code;
  return row.recordType === 'incident_category' && typeof code === 'string' ? code : null;
}

/** What to name for a page of events: each record, and each actor. */
function nameRequest(rows: AuditRow[]): NameRequest {
  const request: Record<string, Set<string>> = {};
  const want = (type: string, id: string | null) => {
    if (!id) return;
    request[type] ??= new Set();
    request[type].add(id);
  };
  for (const row of rows) {
    want(row.recordType, recordIdOf(row));
    want('user', row.actorId);
  }
  return request;
}

const engagementName = (date: string | null, post: string | null, kind: string | null) =>
  [date, post, kind ? (ENGAGEMENT_KIND[kind] ?? kind) : null].filter(Boolean).join(' · ');

interface Named {
  name: string | null;
  href: string | null;
}

/** The record's name and page, from the parts its branch gave (see audit-names.ts). */
function named(type: string, id: string, p: (string | null)[], viewer: Actor): Named {
  const manages = hasPermission(viewer, 'users.manage');
  const userPage = (userId: string | null) => (manages && userId ? `/admin/users/${userId}` : null);
  switch (type) {
    case 'user':
      return { name: p[0] && p[1] ? `${p[0]} (${p[1]})` : (p[0] ?? null), href: userPage(id) };
    case 'api_token':
      return { name: `‘${p[0]}’ of ${p[1]}`, href: userPage(p[2] ?? null) };
    case 'notification':
      return { name: `${fieldLabel((p[0] ?? '').replace('.', '_'))} for ${p[1]}`, href: null };
    case 'tag':
    case 'incident_category':
    case 'policy_area':
      return { name: `${p[1]} (${p[0]})`, href: null };
    case 'post':
      return { name: p[1] ?? null, href: `/posts/${encodeURIComponent(p[0] ?? '')}` };
    case 'engagement':
      return { name: engagementName(p[0] ?? null, p[1] ?? null, p[2] ?? null), href: `/engagements/${id}` };
    case 'follow_up':
      return { name: `‘${cut(p[0] ?? '')}’ of ${engagementName(p[2] ?? null, p[3] ?? null, p[4] ?? null)}`, href: `/engagements/${p[1]}` };
    case 'directive':
      return { name: `${p[0]}: ${cut(p[1] ?? '')}`, href: `/directives/${id}` };
    case 'contact':
      return { name: p[1] ? `${p[0]}, ${p[1]}` : (p[0] ?? null), href: `/contacts/${id}` };
    case 'incident':
      return { name: `${cut(p[0] ?? '')} (${[p[1], p[2]].filter(Boolean).join(', ')})`, href: `/incidents/${id}` };
    case 'agreement':
      return { name: `${p[0]} · ${AGREEMENT_TYPE_LABELS[p[1] as TAgreementType] ?? p[1]}`, href: `/agreements/${id}` };
    case 'policy_measure':
      return { name: `${cut(p[0] ?? '')} (${p[1]})`, href: `/policy/measures/${id}` };
    case 'assessment':
      return { name: `${p[0]}, ${p[1]}`, href: `/policy/assessments/${id}` };
    case 'comment':
      return p[0] === 'engagement'
        ? { name: `On ${engagementName(p[2] ?? null, p[3] ?? null, p[4] ?? null)}`, href: `/engagements/${p[1]}` }
        : { name: `On ${cut(p[2] ?? '')}`, href: `/incidents/${p[1]}` };
    default:
      return { name: null, href: null };
  }
}

/** Users' own things (their account, tokens, sessions, notifications) are open to them and to those who manage users. */
function ownedBy(viewer: Actor, ownerId: string | null): boolean {
  return hasPermission(viewer, 'users.manage') || (ownerId !== null && ownerId === viewer.id);
}

function recordOf(row: AuditRow, names: Names, viewer: Actor): TAuditRecord {
  const type = row.recordType;
  const id = recordIdOf(row);
  const base = { type, typeLabel: AUDIT_RECORD_TYPE_LABEL[type] ?? fieldLabel(type), id: row.recordId };
  const withheld = { ...base, name: null, href: null, withheld: true };
  const found = id ? names.get(nameKey(type, id)) : undefined;

  if (type === 'audit') return { ...base, name: `Day ${row.recordId ?? ''}`.trim(), href: null, withheld: false };
  if (type === 'session') {
    // Sessions end and are deleted: named by their owner, who wrote the event.
    if (!ownedBy(viewer, row.actorId)) return withheld;
    const owner = row.actorId ? names.get(nameKey('user', row.actorId))?.parts[0] : null;
    return { ...base, name: `A session of ${owner ?? row.actorEmail ?? 'a user'}`, href: null, withheld: false };
  }
  if (!id) {
    // No single record (an import of many, a sign-in with an unknown email): values only for
    // readers who know every post's records.
    if (POST_RECORDS.has(type) && !readsWholeTrail(viewer) && scopeOf(viewer).kind !== 'all') return withheld;
    return { ...base, name: null, href: null, withheld: false };
  }
  if (!found) {
    // Gone (or never there): a post's record cannot be judged, so nothing is said of it.
    return POST_RECORDS.has(type) || !(type in AUDIT_RECORD_TYPE_LABEL) ? withheld : { ...base, name: null, href: null, withheld: false };
  }
  if (!found.known) return withheld;
  const ownerId = type === 'user' ? id : type === 'api_token' || type === 'notification' ? (found.parts[2] ?? null) : null;
  if ((type === 'user' || type === 'api_token' || type === 'notification') && !ownedBy(viewer, ownerId)) return withheld;
  const { name, href } = named(type, id, found.parts, viewer);
  // Named, but linked only where the reader may open the page (an administrator knows of an
  // engagement through the trail, and still may not open it).
  return { ...base, name, href: found.openable ? href : null, withheld: false };
}

/** A page of stored events as this reader may read them: names, links and the change in words. */
export async function presentAuditEvents(db: Executor, viewer: Actor, rows: AuditRow[]): Promise<TAuditEvent[]> {
  const names = await resolveNames(db, viewer, nameRequest(rows));
  return rows.map((row) => {
    const record = recordOf(row, names, viewer);
    const actor = row.actorId ? names.get(nameKey('user', row.actorId)) : undefined;
    return {
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorEmail: row.actorEmail,
      actorName: actor?.parts[0] ?? null,
      via: row.via as TAuditEvent['via'],
      action: row.action,
      actionLabel: actionLabel(row.action),
      recordType: row.recordType,
      recordId: row.recordId,
      record,
      change: record.withheld ? null : row.change,
      changes: describeAuditChange(row.change, record.withheld),
      address: row.address,
      classification: row.classification as TClearance,
      prevHash: row.prevHash,
      hash: row.hash,
    };
  });
}
