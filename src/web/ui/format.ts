import { CLEARANCE_LABEL, ROLE_LABEL, type TUser } from '../../shared/identity';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? date.format(new Date(iso)) : '—';
}

/** "Officer, berlin" / "Bureau analyst, EUR" / "Headquarters analyst". */
export function roleAndScope(user: Pick<TUser, 'role' | 'post' | 'bureau'>): string {
  const scope = user.post ?? (user.role === 'bureau_analyst' ? user.bureau : null);
  return scope ? `${ROLE_LABEL[user.role]}, ${scope}` : ROLE_LABEL[user.role];
}

export function clearanceText(clearance: TUser['clearance']): string {
  return `${clearance} (${CLEARANCE_LABEL[clearance]})`;
}

const timestamp = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/**
 * To the second and in UTC, for the audit trail: one clock for every reader, whatever their
 * time zone, as the events are compared with logs and with each other.
 */
export function formatTimestamp(iso: string): string {
  return `${timestamp.format(new Date(iso))} UTC`;
}
