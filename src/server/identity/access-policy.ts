import { and, eq, inArray, sql, type Column, type SQL } from 'drizzle-orm';
import { CLEARANCES, type TClearance, type TPermission, type TRole } from '../../shared/identity';
import { posts } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from './actor';

/**
 * The one access mechanism. A record that carries a post and a classification marking is
 * visible when it is inside the actor's scope and at or below the actor's clearance. The
 * rule exists twice, as a predicate (`canSee`) for one record in hand and as a SQL condition
 * (`visibleRecords`) for lists, counts, searches, charts and exports, and both are built
 * here so they cannot drift apart (access-policy.test.ts checks them against each other).
 */

const PERMISSIONS_BY_ROLE: Record<TRole, TPermission[]> = {
  officer: ['records.read', 'records.draft', 'tokens.manage'],
  approver: ['records.read', 'records.draft', 'records.approve', 'incidents.triage', 'tokens.manage'],
  // Analysts read across posts, so they see duplicates that no single post sees: they merge them.
  bureau_analyst: ['records.read', 'incidents.triage', 'tokens.manage'],
  // Official statistics are public data that headquarters curates: its analysts and administrators import them.
  // Third-country agreements are headquarters' outreach: its analysts and directive authors record and move them.
  hq_analyst: ['records.read', 'incidents.triage', 'statistics.import', 'agreements.manage', 'tokens.manage'],
  directive_author: ['records.read', 'directives.issue', 'agreements.manage', 'tokens.manage'],
  // Administrators manage users and settings; they read no post's records.
  admin: ['users.manage', 'audit.read', 'statistics.import', 'tokens.manage'],
};

export function permissionsFor(role: TRole): TPermission[] {
  return PERMISSIONS_BY_ROLE[role];
}

export function hasPermission(actor: Actor, permission: TPermission): boolean {
  return PERMISSIONS_BY_ROLE[actor.role].includes(permission);
}

/** Throws 403 when the actor's role lacks a general permission (the resource kind is no secret). */
export function requirePermission(actor: Actor, permission: TPermission): void {
  if (!hasPermission(actor, permission)) {
    throw new AppError('forbidden', `Your role (${actor.role}) does not allow this (${permission}).`);
  }
}

export function clearanceRank(level: TClearance): number {
  return CLEARANCES.indexOf(level);
}

/** The higher of two markings (of a record before and after a change, say). */
export function higherMarking(a: string, b: string): TClearance {
  return CLEARANCES[Math.max(clearanceRank(a as TClearance), clearanceRank(b as TClearance))]!;
}

/** Markings the actor may read: those at or below the actor's clearance. */
export function readableMarkings(actor: Pick<Actor, 'clearance'>): TClearance[] {
  return CLEARANCES.slice(0, clearanceRank(actor.clearance) + 1);
}

export type Scope = { kind: 'post'; postId: string | null } | { kind: 'bureau'; bureauCode: string | null } | { kind: 'all' } | { kind: 'none' };

export function scopeOf(actor: Actor): Scope {
  switch (actor.role) {
    case 'officer':
    case 'approver':
      return { kind: 'post', postId: actor.postId };
    case 'bureau_analyst':
      return { kind: 'bureau', bureauCode: actor.bureauCode };
    case 'hq_analyst':
    case 'directive_author':
      return { kind: 'all' };
    case 'admin':
      return { kind: 'none' };
  }
}

/** What the predicate needs to know about a record. */
export interface ScopedRecord {
  postId: string;
  postBureauCode: string | null;
  classification: TClearance;
}

export function canSee(actor: Actor, record: ScopedRecord): boolean {
  if (clearanceRank(record.classification) > clearanceRank(actor.clearance)) return false;
  return postReadable(actor, record);
}

/** The scope half of the rule, as a predicate: whether the actor reads records of this post at all. */
export function postReadable(actor: Actor, post: Pick<ScopedRecord, 'postId' | 'postBureauCode'>): boolean {
  if (actor.disabled) return false;
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'post':
      return scope.postId !== null && post.postId === scope.postId;
    case 'bureau':
      return scope.bureauCode !== null && post.postBureauCode === scope.bureauCode;
  }
}

/** The scope half of the rule: posts whose records the actor may read, as a condition. */
export function postInScope(actor: Actor, postId: Column): SQL {
  if (actor.disabled) return sql`false`;
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'post':
      return scope.postId === null ? sql`false` : eq(postId, scope.postId);
    case 'bureau':
      return scope.bureauCode === null ? sql`false` : inArray(postId, sql`(select ${posts.id} from ${posts} where ${posts.bureauCode} = ${scope.bureauCode})`);
  }
}

/** The marking half of the rule: classifications at or below the actor's clearance. */
export function markingReadable(actor: Actor, classification: Column): SQL {
  return inArray(classification, readableMarkings(actor));
}

const CLEARANCE_ORDER = sql.raw(`array[${CLEARANCES.map((level) => `'${level}'`).join(',')}]::text[]`);

/**
 * The marking half for work done for many users at once (reminders, notifications): the
 * record's marking is at or below the clearance of the user on the same row.
 */
export function markingReadableByUser(classification: Column, userClearance: Column): SQL {
  return sql`array_position(${CLEARANCE_ORDER}, ${classification}) <= array_position(${CLEARANCE_ORDER}, ${userClearance})`;
}

/** The same rule as `canSee`, as a condition on a table's post and classification columns. */
export function visibleRecords(actor: Actor, columns: { postId: Column; classification: Column }): SQL {
  return and(markingReadable(actor, columns.classification), postInScope(actor, columns.postId)) as SQL;
}

/** Throws 404 for a record the actor may not see: for that actor it does not exist. */
export function requireVisible<T extends ScopedRecord>(actor: Actor, record: T | undefined, what: string): T {
  if (!record || !canSee(actor, record)) throw AppError.notFound(what);
  return record;
}

/** Four eyes: whoever approves or verifies a record is never the one who drafted it. */
export function assertFourEyes(actor: Pick<Actor, 'id'>, drafterId: string, what = 'this record'): void {
  if (actor.id === drafterId) {
    throw new AppError('forbidden', `You drafted ${what}; a second person must approve it (four eyes).`);
  }
}
