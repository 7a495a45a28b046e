import type { TAgreement, TAgreementStage, TAgreementSummary, TAgreementType } from '../../shared/agreements';
import type { TClearance } from '../../shared/identity';
import type { Actor } from '../identity/actor';
import { agreementActions, movesFor } from './agreement-policy';

export interface AgreementRow {
  id: string;
  countryAlpha2: string;
  countryName: string;
  countryNumeric: string;
  capital: string | null;
  type: string;
  stage: string;
  stageOn: string;
  stoppedAt: string | null;
  distanceKm: number | null;
  notes: string;
  annualCapacity: number | null;
  nationalities: string[];
  assistanceOffered: string;
  durationMonths: number | null;
  reviewOn: string | null;
  classification: string;
  synthetic: boolean;
  createdBy: string | null;
  creatorName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function presentAgreementSummary(row: AgreementRow, viewer: Actor): TAgreementSummary {
  return {
    id: row.id,
    country: row.countryAlpha2,
    countryName: row.countryName,
    countryNumeric: row.countryNumeric,
    capital: row.capital,
    type: row.type as TAgreementType,
    stage: row.stage as TAgreementStage,
    stageOn: row.stageOn,
    distanceKm: row.distanceKm,
    annualCapacity: row.annualCapacity,
    reviewOn: row.reviewOn,
    classification: row.classification as TClearance,
    synthetic: row.synthetic,
    nextStages: movesFor(viewer, row),
    allowedActions: agreementActions(viewer, row),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentAgreement(
  row: AgreementRow,
  viewer: Actor,
  details: Pick<TAgreement, 'history' | 'engagements' | 'sources' | 'nationalities'>,
): TAgreement {
  return {
    ...presentAgreementSummary(row, viewer),
    notes: row.notes,
    assistanceOffered: row.assistanceOffered,
    durationMonths: row.durationMonths,
    ...details,
    createdBy: row.createdBy && row.creatorName !== null ? { id: row.createdBy, name: row.creatorName } : null,
    createdAt: row.createdAt.toISOString(),
  };
}
