import type { TDirectiveStatus, TTalkingPoint } from '../../shared/directives';
import type { TCadenceRow, TEngagement } from '../../shared/engagements';
import { CLEARANCE_LABEL, type TClearance } from '../../shared/identity';

export const DIRECTIVE_STATUS_LABEL: Record<TDirectiveStatus, string> = {
  draft: 'Draft',
  issued: 'Issued',
  superseded: 'Superseded',
  rescinded: 'Rescinded',
};

export const ENGAGEMENT_STATUS_LABEL: Record<TEngagement['status'], string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
};

export const ENGAGEMENT_KIND_LABEL: Record<TEngagement['kind'], string> = {
  demarche: 'Démarche',
  meeting: 'Meeting',
  call: 'Call',
  letter: 'Letter',
  event: 'Event',
  non_paper: 'Non-paper',
};

export const RECEPTION_LABEL: Record<'receptive' | 'noncommittal' | 'disagreed', string> = {
  receptive: 'Receptive',
  noncommittal: 'Non-committal',
  disagreed: 'Disagreed',
};

export const CADENCE_STATUS_LABEL: Record<TCadenceRow['status'], string> = {
  overdue: 'Overdue',
  due_soon: 'Due soon',
  on_time: 'On time',
};

/** Most urgent first: the order a "sort by status" puts rows in. */
export const CADENCE_STATUS_ORDER: TCadenceRow['status'][] = ['overdue', 'due_soon', 'on_time'];

export const ORGANIZATION_TYPE_LABEL: Record<string, string> = {
  ministry_of_interior: 'Ministry of the interior',
  ministry_of_justice: 'Ministry of justice',
  ministry_of_foreign_affairs: 'Ministry of foreign affairs',
  head_of_government_office: 'Head of government’s office',
  parliament: 'Parliament',
  political_party: 'Political party',
  ngo: 'NGO',
  media: 'Media',
  academia: 'Academia',
  international_organization: 'International organization',
  other: 'Other',
};

/** The marking as a cable shows it: "SENSITIVE BUT UNCLASSIFIED". */
export function markingText(classification: TClearance): string {
  return CLEARANCE_LABEL[classification].toUpperCase();
}

/** "All action posts", "EUR only", "EUR and WHA only", "DE, FR only". */
export function scopeLabel(point: Pick<TTalkingPoint, 'scope' | 'bureaus' | 'countries'>): string {
  if (point.scope === 'bureaus') return point.bureaus.length ? `${listText(point.bureaus)} only` : 'No bureau chosen';
  if (point.scope === 'countries') return point.countries.length ? `${listText(point.countries)} only` : 'No country chosen';
  return 'All action posts';
}

function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** How much of a point's wording is known, or null when it is the verbatim text. */
export function wordingLabel(point: Pick<TTalkingPoint, 'wording' | 'attribution'>): string | null {
  const source = point.attribution ? ` (${point.attribution})` : '';
  if (point.wording === 'paraphrase') return `Paraphrase: exact words not published${source}`;
  if (point.wording === 'unpublished') return `Text not published${source}`;
  return point.attribution ? `Verbatim, as published by ${point.attribution}` : null;
}

export function cadenceText(days: number | null, what: string): string {
  if (days === null) return `No ${what} cadence`;
  return days === 1 ? `Every day` : `Every ${days} days`;
}

/** A calendar day (yyyy-mm-dd) in the reader's format, without shifting it by the time zone. */
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  return dayFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** Today as yyyy-mm-dd in local time. */
export function today(): string {
  return new Date().toLocaleDateString('en-CA');
}
