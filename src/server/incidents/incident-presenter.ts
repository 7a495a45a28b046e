import { LEGAL_STATUS_LABELS, type TIncident, type TIncidentSummary, type TLegalStatus } from '../../shared/incidents';

export type TIncidentExport = Omit<TIncidentSummary, 'returned' | 'allowedActions'>;
import type { TClearance } from '../../shared/identity';
import type { Actor } from '../identity/actor';
import type { IncidentDetails } from './incident-details';
import { incidentActions, type IncidentScope } from './incident-policy';

export interface IncidentRow extends IncidentScope {
  id: string;
  postCode: string;
  postName: string;
  countryAlpha2: string;
  countryName: string;
  placeName: string;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: string;
  occurredOn: string;
  timePrecision: string;
  category: string;
  categoryName: string;
  summary: string;
  killed: number | null;
  injured: number | null;
  humanRightsRelevant: boolean;
  classification: TClearance;
  legalStatus: string;
  allowedNames: string[];
  externalId: string | null;
  synthetic: boolean;
  drafterName: string;
  verifiedBy: string | null;
  verifierName: string | null;
  submittedAt: Date | null;
  verifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A row of the list; its legal status always travels with its label, so no view shows an allegation bare. */
export function presentIncidentSummary(row: IncidentRow, details: IncidentDetails, viewer: Actor): TIncidentSummary {
  return {
    ...presentIncidentExport(row, details),
    // A return's reason is for the post while the incident is back in draft.
    returned: row.status === 'draft' ? details.returned : null,
    allowedActions: incidentActions(viewer, { ...row, editors: details.editors }),
  };
}

/** An incident as an export gives it: the list's row without what is for the app (allowed actions, a return's reason). */
export function presentIncidentExport(row: IncidentRow, { editors: _editors, returned: _returned, ...details }: IncidentDetails): TIncidentExport {
  const legalStatus = row.legalStatus as TLegalStatus;
  return {
    id: row.id,
    post: row.postCode,
    postName: row.postName,
    country: row.countryAlpha2,
    countryName: row.countryName,
    placeName: row.placeName,
    latitude: row.latitude,
    longitude: row.longitude,
    geoPrecision: row.geoPrecision as TIncident['geoPrecision'],
    occurredOn: row.occurredOn,
    timePrecision: row.timePrecision as TIncident['timePrecision'],
    category: row.category,
    categoryName: row.categoryName,
    summary: row.summary,
    killed: row.killed,
    injured: row.injured,
    humanRightsRelevant: row.humanRightsRelevant,
    classification: row.classification,
    status: row.status as TIncident['status'],
    legalStatus,
    legalStatusLabel: LEGAL_STATUS_LABELS[legalStatus],
    ...details,
    externalId: row.externalId,
    mergedInto: row.mergedIntoId,
    synthetic: row.synthetic,
    draftedBy: { id: row.draftedBy, name: row.drafterName },
    verifiedBy: row.verifiedBy && row.verifierName !== null ? { id: row.verifiedBy, name: row.verifierName } : null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentIncident(row: IncidentRow, details: IncidentDetails, legalHistory: TIncident['legalHistory'], viewer: Actor): TIncident {
  return { ...presentIncidentSummary(row, details, viewer), legalHistory, allowedNames: row.allowedNames };
}
