import { useQuery } from '@tanstack/react-query';
import { AUDIT_RECORD_TYPE_LABEL, type TAuditEvent } from '../../shared/audit';
import type { TUser } from '../../shared/identity';
import type { TPage } from '../../shared/pagination';
import { apiGet } from '../ui/api';
import { FilterPicker, type PickerItem } from '../ui/SearchPicker';
import { TableScroll } from '../ui/TableScroll';
import { AuditTable } from './AuditTable';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DateRangeFields } from '../ui/DateRangeFields';
import { FilterForm, LoadMore } from '../ui/FilterForm';
import { usePagedList, useSearchFilters } from '../ui/use-filtered-list';
import { RequirePermission } from '../ui/RequirePermission';

const FILTERS = ['actor', 'action', 'recordType', 'from', 'to'] as const;
const RECORD_TYPE_ITEMS: PickerItem[] = Object.entries(AUDIT_RECORD_TYPE_LABEL)
  .map(([id, name]) => ({ id, name, detail: id }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** A day (yyyy-mm-dd, UTC like the times shown) as the instant it starts, or the last instant of it. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const start = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) return undefined;
  return end ? new Date(start.getTime() + 86_400_000 - 1).toISOString() : start.toISOString();
}

export function AuditPage() {
  return (
    <RequirePermission permission="audit.read">
      <Audit />
    </RequirePermission>
  );
}

function Audit() {
  const search = useSearchFilters(FILTERS);
  const { filters, filtered } = search;
  const query = {
    actor: filters.actor,
    action: filters.action,
    recordType: filters.recordType,
    from: dayBoundary(filters.from, false),
    to: dayBoundary(filters.to, true),
  };

  const users = useAllUsers();
  const actorItems = (users.data ?? []).map((user) => ({ id: user.id, name: user.name, detail: user.email }));
  const { query: events, rows } = usePagedList<TAuditEvent>(['audit'], '/api/v1/audit', query, { staleTime: 0, enabled: search.canQuery });

  return (
    <section>
      <h1>Audit trail</h1>
      <p className="muted">
        Every write, newest first, times in UTC. Each event carries the hash of the one before it (shown: the first 12 characters of its own), so an event
        changed or deleted afterwards breaks the chain. A record now marked above your clearance is not named, and its change shows only which fields changed.
      </p>
      <FilterForm label="Filter audit events" filters={search}>
        <FilterPicker name="actor" label="Actor" items={actorItems} loading={users.isPending} initial={filters.actor} placeholder="Anyone" />
        <label>
          Action
          <input name="action" defaultValue={filters.action} placeholder="e.g. user.created" />
        </label>
        <FilterPicker name="recordType" label="Record type" items={RECORD_TYPE_ITEMS} initial={filters.recordType} placeholder="Any record" />
        <DateRangeFields from={filters.from} to={filters.to} problem={search.rangeProblem} />
      </FilterForm>

      <ErrorAlert error={events.error} action="Could not load the audit trail" />
      {events.isPending && search.canQuery && <p>Loading events…</p>}
      {events.isSuccess && rows.length === 0 && <p>{filtered ? 'No event matches these filters.' : 'Nothing has been recorded yet.'}</p>}
      {rows.length > 0 && (
        <TableScroll label="Audit events, scrollable">
          <AuditTable events={rows} />
        </TableScroll>
      )}
      <LoadMore query={events} />
      {events.isSuccess && rows.length > 0 && !events.hasNextPage && (
        <p className="muted">{filtered ? `All ${rows.length} matching events shown.` : `Start of the trail: all ${rows.length} events shown.`}</p>
      )}
    </section>
  );
}

async function fetchAllUsers(): Promise<TUser[]> {
  const all: TUser[] = [];
  let cursor: string | undefined;
  do {
    const page = await apiGet<TPage<TUser>>('/api/v1/users', { limit: 500, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** Every user, for the actor filter (readers of the trail manage users). */
function useAllUsers() {
  return useQuery({ queryKey: ['users', 'all'], queryFn: fetchAllUsers, staleTime: 60_000 });
}
