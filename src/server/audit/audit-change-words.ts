import type { TAuditChangeItem } from '../../shared/audit';
import { ROLE_LABEL, type TRole } from '../../shared/identity';

/**
 * An audit event's change in words, one item per field: "Status: draft → submitted",
 * "Subject: ‘Old’ → ‘New’", "Talking points: 3 added". It reads every shape the trail has
 * stored over time (events are never rewritten): `{ from, to }`, plain values of a creation,
 * `'changed'` for long texts, counts, lists of ids, `{ added, removed }`.
 */

/** Fields whose name is not said well by splitting the key ("counterpartSourceUrl"). */
const FIELD_LABEL: Record<string, string> = {
  classification: 'Marking',
  occurredAt: 'Date',
  occurredOn: 'Date',
  points: 'Talking points',
  talkingPoints: 'Talking points',
  directiveIds: 'Directives',
  contactIds: 'Contacts',
  officerIds: 'Officers',
  followUps: 'Follow-ups',
  ourReadout: 'Our readout',
  counterpartAccount: 'Counterpart’s readout',
  counterpartSourceUrl: 'Counterpart’s source',
  counterpartDate: 'Counterpart’s date',
  from: 'From line',
  tags: 'TAGS',
  current: 'The session in use',
  tokensRevoked: 'API tokens revoked',
  expiresAt: 'Expires',
  notDuplicateOf: 'Not a duplicate of',
  externalId: 'External id',
  externalIds: 'External ids',
  headId: 'Newest event',
  headHash: 'Newest hash',
  length: 'Length (characters)',
};
/** Kept out of the words: the API token of the write is said in the actor column (via). */
const NOT_SHOWN = new Set(['tokenId']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const TEXT_MAX = 80;
const LIST_MAX = 6;

/** "otherSessionsEnded" → "Other sessions ended". */
export function fieldLabel(field: string): string {
  const known = FIELD_LABEL[field];
  if (known) return known;
  const words = field
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "user.password_changed" → "Password changed". */
export function actionLabel(action: string): string {
  const verb = action.slice(action.lastIndexOf('.') + 1).replace(/_/g, ' ');
  return verb.charAt(0).toUpperCase() + verb.slice(1);
}

/** A date-time as the page shows it, to the minute and in UTC: "2026-03-02 09:30 UTC". */
function dateTimeText(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return stringText(field, value);
  if (Array.isArray(value)) return listText(field, value);
  return objectText(value as Record<string, unknown>);
}

function stringText(field: string, value: string): string {
  if (UUID.test(value)) return 'another record';
  if (DATE_TIME.test(value)) return dateTimeText(value);
  if (field === 'role' && value in ROLE_LABEL) return ROLE_LABEL[value as TRole];
  // Codes and states as they are (draft, berlin, C); words a person wrote in quotes, cut short.
  if (!/\s/.test(value) && value.length <= 40) return value;
  return `‘${value.length > TEXT_MAX ? `${value.slice(0, TEXT_MAX - 1)}…` : value}’`;
}

function listText(field: string, list: unknown[]): string {
  if (list.length === 0) return 'none';
  // Ids of other records say nothing to a reader; how many there are does.
  if (list.every((item) => typeof item === 'string' && UUID.test(item))) return String(list.length);
  const shown = list.slice(0, LIST_MAX).map((item) => valueText(field, item));
  return list.length > LIST_MAX ? `${shown.join(', ')} and ${list.length - LIST_MAX} more` : shown.join(', ');
}

function objectText(value: Record<string, unknown>): string {
  if (typeof value.type === 'string' && typeof value.id === 'string') {
    const kind = fieldLabel(value.type).toLowerCase();
    return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
  }
  return Object.entries(value)
    .map(([key, item]) => `${fieldLabel(key).toLowerCase()} ${valueText(key, item)}`)
    .join(', ');
}

function isFromTo(value: unknown): value is { from: unknown; to: unknown } & Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'from' in value && 'to' in value;
}
const LIST_CHANGE_KEYS = new Set(['added', 'removed', 'changed']);
function isListChange(value: unknown): value is { added?: unknown; removed?: unknown; changed?: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => LIST_CHANGE_KEYS.has(key));
}
const countOf = (value: unknown) => (Array.isArray(value) ? value.length : typeof value === 'number' ? value : value ? 1 : 0);

function changeText(field: string, value: unknown): string {
  if (value === 'changed') return 'changed';
  if (isFromTo(value)) {
    const { from, to, ...rest } = value;
    const more = Object.keys(rest).length > 0 ? ` (${objectText(rest)})` : '';
    return `${valueText(field, from)} → ${valueText(field, to)}${more}`;
  }
  if (isListChange(value)) {
    const parts = (['added', 'removed', 'changed'] as const).flatMap((key) => {
      const count = countOf(value[key]);
      return count > 0 ? [`${count} ${key}`] : [];
    });
    return parts.length > 0 ? parts.join(', ') : 'reordered';
  }
  return valueText(field, value);
}

/**
 * The change in words. With `withheld`, only which fields changed: the reader may not open the
 * record, and a value (a name, a subject, a date) would tell them what it is.
 */
export function describeAuditChange(change: unknown, withheld: boolean): TAuditChangeItem[] {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) return [];
  return Object.entries(change as Record<string, unknown>)
    .filter(([field, value]) => !NOT_SHOWN.has(field) && value !== undefined)
    .map(([field, value]) => ({ field, label: fieldLabel(field), text: withheld ? null : changeText(field, value) }));
}
