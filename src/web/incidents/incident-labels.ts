import {
  IDENTIFIER_KINDS,
  LEGAL_STATUS_LABELS,
  type TIdentifierKind,
  type TIncidentStatus,
  type TLegalStatus,
  type TSuspectStatus,
  SUSPECT_STATUS_LABELS,
} from '../../shared/incidents';
import { CREDIBILITY_LABELS, RELIABILITY_LABELS, type TReliability, type TSourceType } from '../../shared/sources';

/** Incidents are verified, not approved: the second person checks the sources. */
export const INCIDENT_STATUS_LABEL: Record<TIncidentStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted for verification',
  verified: 'Verified',
  rejected: 'Rejected',
};

export const GEO_PRECISION_LABEL: Record<'exact' | 'town' | 'district' | 'region' | 'country', string> = {
  exact: 'Exact place',
  town: 'Town or city',
  district: 'District',
  region: 'Region or province',
  country: 'Country only',
};

export const TIME_PRECISION_LABEL: Record<'day' | 'week' | 'month', string> = {
  day: 'The day is known',
  week: 'Only the week is known',
  month: 'Only the month is known',
};

export const SOURCE_TYPE_LABEL: Record<TSourceType, string> = {
  official: 'Official statement',
  court: 'Court record',
  police: 'Police report',
  media: 'News media',
  ngo: 'NGO report',
  social_media: 'Social media',
};

export const IDENTIFIER_KIND_LABEL: Record<TIdentifierKind, string> = {
  person_name: 'personal name',
  email: 'e-mail address',
  phone: 'phone number',
  id_document: 'identity-document number',
};
export { IDENTIFIER_KINDS };

/** "Reported (allegation, no charge)": the only words any view uses for a legal status. */
export function legalStatusText(status: TLegalStatus): string {
  return LEGAL_STATUS_LABELS[status];
}

export function suspectStatusText(status: TSuspectStatus): string {
  return SUSPECT_STATUS_LABELS[status];
}

/** "B — Usually reliable". */
export function reliabilityText(reliability: TReliability | null | undefined): string {
  return reliability ? `${reliability} — ${RELIABILITY_LABELS[reliability]}` : 'No source';
}

export const RELIABILITY_HINT = 'How far the outlet or institution is trusted in general (admiralty scale, A best)';

/** "2 — Probably true". */
export function credibilityText(credibility: number): string {
  return `${credibility} — ${CREDIBILITY_LABELS[credibility] ?? 'unknown'}`;
}

const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const longMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' });

function localDate(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

/** The date as precisely as it is known: "2 March 2026", "week of 2 March 2026", "March 2026". */
export function occurredText(day: string, precision: 'day' | 'week' | 'month'): string {
  const date = localDate(day);
  if (!date) return day;
  if (precision === 'month') return longMonth.format(date);
  if (precision === 'week') return `week of ${longDay.format(date)}`;
  return longDay.format(date);
}

/** A calendar day in words: "2 March 2026". */
export function dayText(day: string | null | undefined): string {
  if (!day) return '—';
  const date = localDate(day);
  return date ? longDay.format(date) : day;
}

/** "2 killed, 3 injured", "No casualties reported", "Casualties not given". */
export function casualtiesText(killed: number | null, injured: number | null): string {
  if (killed === null && injured === null) return 'No figure given by the sources';
  const parts = [killed === null ? 'killed: not given' : `${killed} killed`, injured === null ? 'injured: not given' : `${injured} injured`];
  return parts.join(', ');
}

/** A language code in words, "de" → "German (de)". */
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
export function languageText(code: string): string {
  try {
    const name = languageNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** Languages offered in the source form (ISO 639-1); the API takes any two-letter code. */
export const SOURCE_LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'pl',
  'cs',
  'sk',
  'hu',
  'ro',
  'bg',
  'el',
  'sv',
  'da',
  'no',
  'fi',
  'et',
  'lv',
  'lt',
  'sl',
  'hr',
  'sr',
  'uk',
  'ru',
  'tr',
  'ar',
  'he',
  'fa',
  'ur',
  'hi',
  'bn',
  'zh',
  'ja',
  'ko',
  'vi',
  'th',
  'id',
  'ms',
  'sw',
  'am',
] as const;

/** Field names of the incident contract, as the form labels them (timeline, revisions, errors). */
export const INCIDENT_FIELD_LABEL: Record<string, string> = {
  post: 'post',
  country: 'country',
  placeName: 'place',
  latitude: 'latitude',
  longitude: 'longitude',
  geoPrecision: 'precision of the place',
  occurredOn: 'date',
  timePrecision: 'precision of the date',
  category: 'category',
  summary: 'summary',
  killed: 'killed',
  injured: 'injured',
  humanRightsRelevant: 'human-rights relevance',
  classification: 'classification',
  allowedNames: 'allowed names of officials',
  synthetic: 'synthetic label',
  sources: 'sources',
  legalStatus: 'legal status',
  status: 'workflow status',
  mergedInto: 'merged into',
};
