import { and, eq, inArray, sql, type Column, type SQL } from 'drizzle-orm';
import { AGREEMENT_ACTIONS, nextStages, type TAgreementAction, type TAgreementStage } from '../../shared/agreements';
import { agreements, countries, posts } from '../db/schema/index';
import { AppError, type Refusal, refusal } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { hasPermission, markingReadable, scopeOf } from '../identity/access-policy';

/**
 * Who sees an agreement, and what they may do with it. An agreement belongs to no post: its
 * scope is its counterpart country. Headquarters (analysts, directive authors) reads every
 * agreement; a bureau analyst those with countries of the bureau; a post's officers and
 * approvers those with the post's own country, where they do the outreach. Administrators read
 * none. Everyone reads only what is marked at or below their clearance. The rule exists only as
 * SQL: every read (one agreement, the list, the board, the map) goes through `visibleAgreements`.
 */
export function countryInScope(viewer: Actor, countryAlpha2: Column): SQL {
  if (viewer.disabled) return sql`false`;
  const scope = scopeOf(viewer);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
    case 'post':
      return scope.postId === null
        ? sql`false`
        : inArray(countryAlpha2, sql`(select ${posts.countryAlpha2} from ${posts} where ${posts.id} = ${scope.postId})`);
    case 'bureau':
      return scope.bureauCode === null
        ? sql`false`
        : inArray(countryAlpha2, sql`(select ${countries.alpha2} from ${countries} where ${countries.bureauCode} = ${scope.bureauCode})`);
  }
}

export function visibleAgreements(viewer: Actor): SQL {
  return and(markingReadable(viewer, agreements.classification), countryInScope(viewer, agreements.countryAlpha2)) as SQL;
}

/** What the rules need of an agreement the viewer already sees. */
export interface AgreementState {
  stage: string;
  stoppedAt: string | null;
}

const MANAGE = 'Only headquarters analysts and directive authors record and move agreements (agreements.manage).';

/**
 * Why the viewer may not do this now, or undefined when allowed; commands and the presenter's
 * allowedActions both ask here, so the board offers only the moves that would work.
 */
export function actionRefusal(viewer: Actor, agreement: AgreementState, action: TAgreementAction): Refusal | undefined {
  if (!hasPermission(viewer, 'agreements.manage')) return refusal('forbidden', MANAGE);
  if (action === 'move_stage' && allowedMoves(agreement).length === 0) {
    return refusal('conflict', 'This agreement has no stage to move to.');
  }
  return undefined;
}

export function assertAgreementAction(viewer: Actor, agreement: AgreementState, action: TAgreementAction): void {
  const refused = actionRefusal(viewer, agreement, action);
  if (refused) throw AppError.from(refused);
}

export function agreementActions(viewer: Actor, agreement: AgreementState): TAgreementAction[] {
  return AGREEMENT_ACTIONS.filter((action) => !actionRefusal(viewer, agreement, action));
}

export function allowedMoves(agreement: AgreementState): TAgreementStage[] {
  return nextStages(agreement.stage as TAgreementStage, agreement.stoppedAt as TAgreementStage | null);
}

/** The moves offered to this viewer: none to a reader who may not move agreements. */
export function movesFor(viewer: Actor, agreement: AgreementState): TAgreementStage[] {
  return hasPermission(viewer, 'agreements.manage') ? allowedMoves(agreement) : [];
}

/** Agreements with this id that the viewer sees (one row or none). */
export function visibleAgreement(viewer: Actor, id: string): SQL {
  return and(eq(agreements.id, id), visibleAgreements(viewer)) as SQL;
}
