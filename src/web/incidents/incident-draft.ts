import type { TClearance } from '../../shared/identity';
import type { TIncident, TIncidentInput, TIncidentSourceInput, TIncidentUpdate, TLegalStatus, TSuspectStatus } from '../../shared/incidents';
import type { TReliability, TSourceType } from '../../shared/sources';
import { newKey } from '../ui/lists';

export interface SourceDraft {
  key: string;
  url: string;
  outlet: string;
  publishedOn: string;
  language: string;
  type: TSourceType;
  reliability: TReliability;
  credibility: string;
  suspectStatus: TSuspectStatus;
}

/** What the incident form edits: text as typed; numbers are parsed when sent. */
export interface IncidentDraft {
  country: string;
  placeName: string;
  latitude: string;
  longitude: string;
  geoPrecision: TIncident['geoPrecision'];
  occurredOn: string;
  timePrecision: TIncident['timePrecision'];
  category: string;
  summary: string;
  killed: string;
  injured: string;
  humanRightsRelevant: boolean;
  classification: TClearance;
  allowedNames: string[];
  synthetic: boolean;
  sources: SourceDraft[];
  legalStatus: TLegalStatus;
  legalEffectiveOn: string;
  /** The index of the source row that states the legal status, or ''. */
  legalSource: string;
}

export function emptySource(): SourceDraft {
  return {
    key: newKey(),
    url: '',
    outlet: '',
    publishedOn: '',
    language: 'en',
    type: 'media',
    reliability: 'C',
    credibility: '3',
    suspectStatus: 'not_stated',
  };
}

export function emptyIncident(country: string): IncidentDraft {
  return {
    country,
    placeName: '',
    latitude: '',
    longitude: '',
    geoPrecision: 'town',
    occurredOn: '',
    timePrecision: 'day',
    category: '',
    summary: '',
    killed: '',
    injured: '',
    humanRightsRelevant: false,
    classification: 'U',
    allowedNames: [],
    synthetic: false,
    sources: [emptySource()],
    legalStatus: 'reported',
    legalEffectiveOn: '',
    legalSource: '',
  };
}

const text = (value: number | null) => (value === null ? '' : String(value));

export function draftOfIncident(incident: TIncident): IncidentDraft {
  return {
    country: incident.country,
    placeName: incident.placeName,
    latitude: text(incident.latitude),
    longitude: text(incident.longitude),
    geoPrecision: incident.geoPrecision,
    occurredOn: incident.occurredOn.slice(0, 10),
    timePrecision: incident.timePrecision,
    category: incident.category,
    summary: incident.summary,
    killed: text(incident.killed),
    injured: text(incident.injured),
    humanRightsRelevant: incident.humanRightsRelevant,
    classification: incident.classification,
    allowedNames: incident.allowedNames,
    synthetic: incident.synthetic,
    sources: [],
    legalStatus: incident.legalStatus,
    legalEffectiveOn: '',
    legalSource: '',
  };
}

/** A number as typed, null when empty; text that is not a number goes as it is, for the server to name. */
function numberOrNull(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : (trimmed as unknown as number);
}

export function sourceInputOf(source: SourceDraft): TIncidentSourceInput {
  return {
    url: source.url.trim(),
    outlet: source.outlet,
    publishedOn: source.publishedOn || null,
    language: source.language,
    type: source.type,
    reliability: source.reliability,
    credibility: Number(source.credibility),
    suspectStatus: source.suspectStatus,
  };
}

/** The fields an edit may change (sources and legal status have their own commands). */
function fieldsOf(draft: IncidentDraft) {
  return {
    country: draft.country || undefined,
    placeName: draft.placeName,
    latitude: numberOrNull(draft.latitude),
    longitude: numberOrNull(draft.longitude),
    geoPrecision: draft.geoPrecision,
    occurredOn: draft.occurredOn,
    timePrecision: draft.timePrecision,
    category: draft.category,
    summary: draft.summary,
    killed: numberOrNull(draft.killed),
    injured: numberOrNull(draft.injured),
    humanRightsRelevant: draft.humanRightsRelevant,
    classification: draft.classification,
    allowedNames: draft.allowedNames,
    synthetic: draft.synthetic,
  };
}

export function incidentInputOf(draft: IncidentDraft): TIncidentInput {
  return {
    ...fieldsOf(draft),
    sources: draft.sources.map(sourceInputOf),
    legalStatus: {
      status: draft.legalStatus,
      effectiveOn: draft.legalEffectiveOn || draft.occurredOn,
      source: draft.legalSource === '' ? null : Number(draft.legalSource),
    },
  };
}

/** Only the fields that changed, so that the revision says what was edited. */
export function incidentUpdateOf(draft: IncidentDraft, initial: IncidentDraft): TIncidentUpdate {
  const now = fieldsOf(draft);
  const before = fieldsOf(initial);
  const changed = Object.entries(now).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]));
  return Object.fromEntries(changed) as TIncidentUpdate;
}
