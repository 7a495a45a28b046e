import type { TAreaScore, TAssessment, TAssessmentSummary, TEvidenceLink } from '../../shared/assessments';
import type { TClearance } from '../../shared/identity';
import type { TReturned } from '../../shared/workflow';
import type { Actor } from '../identity/actor';
import { assessmentActions, type AssessmentScope } from './assessment-policy';

export interface AssessmentRow extends AssessmentScope {
  id: string;
  postCode: string;
  postName: string;
  countryAlpha2: string;
  countryName: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  narrative: string;
  flagged: boolean;
  flagRationale: string | null;
  classification: TClearance;
  copiedFromId: string | null;
  copiedFromPeriod: string | null;
  synthetic: boolean;
  drafterName: string;
  approvedBy: string | null;
  approverName: string | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  overall: number | null;
  scoredAreas: number;
}

const rounded = (value: number | null) => (value === null ? null : Math.round(Number(value) * 100) / 100);

export function presentAssessmentSummary(row: AssessmentRow & { editors: readonly string[] }, viewer: Actor): TAssessmentSummary {
  return {
    id: row.id,
    post: row.postCode,
    postName: row.postName,
    country: row.countryAlpha2,
    countryName: row.countryName,
    period: row.period,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: row.status as TAssessmentSummary['status'],
    classification: row.classification,
    overall: rounded(row.overall),
    scoredAreas: Number(row.scoredAreas),
    flagged: row.flagged,
    synthetic: row.synthetic,
    draftedBy: { id: row.draftedBy, name: row.drafterName },
    approvedBy: row.approvedBy && row.approverName !== null ? { id: row.approvedBy, name: row.approverName } : null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: assessmentActions(viewer, row),
  };
}

export function presentAssessment(
  row: AssessmentRow & { editors: readonly string[] },
  scores: TAreaScore[],
  evidence: TEvidenceLink[],
  returned: TReturned | null,
  viewer: Actor,
): TAssessment {
  return {
    ...presentAssessmentSummary(row, viewer),
    narrative: row.narrative,
    scores,
    flagRationale: row.flagRationale,
    evidence,
    copiedFrom: row.copiedFromId && row.copiedFromPeriod ? { id: row.copiedFromId, period: row.copiedFromPeriod } : null,
    returned: row.status === 'draft' ? returned : null,
  };
}
