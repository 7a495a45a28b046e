import type { TEngagement, TEngagementSummary } from '../../shared/engagements';
import type { TClearance } from '../../shared/identity';
import type { Actor } from '../identity/actor';
import type { EngagementDetails, EngagementSummaryDetails } from './engagement-details';
import { engagementActions, type EngagementScope } from './engagement-policy';

/** What a list reads of an engagement. */
export interface EngagementSummaryRow extends EngagementScope {
  id: string;
  postCode: string;
  postName: string;
  countryAlpha2: string;
  occurredAt: Date;
  kind: string;
  classification: TClearance;
  hasCounterpartAccount: boolean;
  synthetic: boolean;
  drafterName: string;
  approvedBy: string | null;
  approverName: string | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
}

export interface EngagementRow extends Omit<EngagementSummaryRow, 'hasCounterpartAccount'> {
  ourReadout: string;
  commitments: string;
  counterpartAccount: string | null;
  counterpartSourceUrl: string | null;
  counterpartDate: string | null;
}

type Common = Omit<TEngagementSummary, 'directives' | 'contacts' | 'points' | 'pointsApplicable' | 'openFollowUps' | 'hasCounterpartAccount'>;

/** What the record and its summary present alike, the allowed actions included. */
function presentCommon(row: Omit<EngagementSummaryRow, 'hasCounterpartAccount'>, editors: string[], returned: TEngagement['returned'], viewer: Actor): Common {
  return {
    id: row.id,
    post: row.postCode,
    postName: row.postName,
    country: row.countryAlpha2,
    occurredAt: row.occurredAt.toISOString(),
    kind: row.kind as TEngagement['kind'],
    classification: row.classification,
    status: row.status as TEngagement['status'],
    synthetic: row.synthetic,
    draftedBy: { id: row.draftedBy, name: row.drafterName },
    approvedBy: row.approvedBy && row.approverName !== null ? { id: row.approvedBy, name: row.approverName } : null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    // A return's reason is for the post while the engagement is back in draft.
    returned: row.status === 'draft' ? returned : null,
    allowedActions: engagementActions(viewer, { ...row, editors }),
  };
}

export function presentEngagement(row: EngagementRow, { editors, returned, ...details }: EngagementDetails, viewer: Actor): TEngagement {
  return {
    ...presentCommon(row, editors, returned, viewer),
    ...details,
    commitments: row.commitments,
    ourReadout: row.ourReadout,
    counterpartAccount: row.counterpartAccount,
    counterpartSourceUrl: row.counterpartSourceUrl,
    counterpartDate: row.counterpartDate,
  };
}

/** An engagement as a list shows it (ZEngagementSummary): the same rules for its actions. */
export function presentEngagementSummary(
  row: EngagementSummaryRow,
  { editors, returned, ...details }: EngagementSummaryDetails,
  viewer: Actor,
): TEngagementSummary {
  return { ...presentCommon(row, editors, returned, viewer), ...details, hasCounterpartAccount: row.hasCounterpartAccount };
}
