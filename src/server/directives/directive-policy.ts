import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { directiveAddressees, directives, posts } from '../db/schema/index';
import type { FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { hasPermission, readableMarkings, requirePermission, scopeOf } from '../identity/access-policy';

/**
 * Who sees which directive. A directive is not a post's record: it is addressed to many
 * posts, so the scope half of the rule asks whether it is addressed to a post in the
 * actor's scope (as action or info), and drafts stay with the directive authors who write
 * them. The marking half is the general one (at or below the actor's clearance).
 */

/** Directive authors write drafts; nobody else sees a directive before it is issued. */
export function seesDrafts(actor: Actor): boolean {
  return hasPermission(actor, 'directives.issue');
}

/** 403 for roles that may not write directives (the kind of record is no secret). */
export function requireDirectiveAuthor(actor: Actor): void {
  requirePermission(actor, 'directives.issue');
}

/** TAGS are settings, and administrators manage settings (the contract has no separate permission). */
export function canManageTags(actor: Actor): boolean {
  return hasPermission(actor, 'users.manage');
}

/** A directive addressed (as action or info) to a post matching `postCondition`. */
function addressedTo(postCondition: SQL): SQL {
  return sql`exists (select 1 from ${directiveAddressees} inner join ${posts} on ${posts.id} = ${directiveAddressees.postId}
    where ${directiveAddressees.directiveId} = ${directives.id} and ${postCondition})`;
}

/**
 * The rule as a SQL condition on the (unaliased) `directives` table: the one place that
 * decides, used by the list and by every single-directive read (get, talking points, update,
 * issue, rescind); other areas use it to check the directives their records cite.
 */
export function visibleDirectives(actor: Actor): SQL {
  if (actor.disabled) return sql`false`;
  const marking = inArray(directives.classification, readableMarkings(actor));
  const status = seesDrafts(actor) ? undefined : ne(directives.status, 'draft');
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return and(marking, status) as SQL;
    case 'none':
      return sql`false`;
    case 'post':
      return scope.postId === null ? sql`false` : (and(marking, status, addressedTo(sql`${posts.id} = ${scope.postId}`)) as SQL);
    case 'bureau':
      return scope.bureauCode === null ? sql`false` : (and(marking, status, addressedTo(sql`${posts.bureauCode} = ${scope.bureauCode}`)) as SQL);
  }
}

/**
 * A directive's status as the viewer may know it: "superseded" tells that a newer directive
 * replaced it, so a viewer who may not see that directive (marked above their clearance, or
 * not addressed to their posts) reads the replaced one as issued, in lists, filters and pages.
 */
export function statusAsSeenBy(actor: Actor): SQL<string> {
  // Uncorrelated: the directives replaced by one the actor may see.
  const replacedByVisible = sql`(select ${directives.supersedesId} from ${directives}
    where ${directives.supersedesId} is not null and ${directives.status} <> 'draft' and ${visibleDirectives(actor)})`;
  return sql<string>`(case when ${directives.status} = 'superseded' and ${directives.id} not in ${replacedByVisible} then 'issued' else ${directives.status} end)`;
}

/** Whether this directive is visible to the actor, by the same SQL condition as the list. */
export async function canSeeDirective(db: Executor, actor: Actor, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: directives.id })
    .from(directives)
    .where(and(eq(directives.id, id), visibleDirectives(actor)))
    .limit(1);
  return rows.length > 0;
}

/**
 * The post whose talking points the viewer reads: a post user reads their own post's points,
 * everyone else (headquarters, bureau analysts) reads them all.
 */
export function viewerPostId(actor: Actor | null): string | null {
  if (!actor) return null;
  const scope = scopeOf(actor);
  return scope.kind === 'post' ? scope.postId : null;
}

/** What a draft still lacks before it can be issued; empty when it can be. */
export interface IssueReadiness {
  actionPostCount: number;
  pointCount: number;
  supersedesId: string | null;
  /** Status of the directive this one supersedes, when there is one. */
  supersedesStatus: string | null;
}

export function issueProblems(directive: IssueReadiness): FieldError[] {
  const errors: FieldError[] = [];
  if (directive.actionPostCount === 0) {
    errors.push({ field: 'body.actionPosts', message: 'must name at least one action post before the directive is issued' });
  }
  if (directive.pointCount === 0) {
    errors.push({ field: 'body.talkingPoints', message: 'must have at least one talking point before the directive is issued' });
  }
  if (directive.supersedesId !== null && directive.supersedesStatus !== 'issued') {
    errors.push({
      field: 'body.supersedes',
      message: `must be an issued directive; the one it supersedes is ${directive.supersedesStatus ?? 'gone'}`,
    });
  }
  return errors;
}

/** What the viewer may do with a directive they see; the UI shows only these buttons. */
export function directiveActions(viewer: Actor | null, directive: IssueReadiness & { status: string }): string[] {
  if (!viewer || !seesDrafts(viewer)) return [];
  if (directive.status === 'draft') return issueProblems(directive).length === 0 ? ['update', 'issue'] : ['update'];
  if (directive.status === 'issued') return ['rescind'];
  return [];
}
