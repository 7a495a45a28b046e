import type { TAuditEvent } from '../../shared/identity';
import { AuditTable } from './AuditTable';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DateRangeFields } from '../ui/DateRangeFields';
import { FilterForm, LoadMore } from '../ui/FilterForm';
import { usePagedList, useSearchFilters } from '../ui/use-filtered-list';
import { RequirePermission } from '../ui/RequirePermission';

const FILTERS = ['actor', 'action', 'recordType', 'from', 'to'] as const;
const KNOWN_RECORD_TYPES = ['user', 'api_token'];

/** A day (yyyy-mm-dd, local time) as the instant it starts, or the last instant of it. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const start = new Date(`${day}T00:00:00`);
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

  const { query: events, rows } = usePagedList<TAuditEvent>(['audit'], '/api/v1/audit', query, { staleTime: 0, enabled: search.canQuery });

  return (
    <section>
      <h1>Audit trail</h1>
      <p className="muted">
        Every write, newest first. Each event carries the hash of the one before it (shown: the first 12 characters of its own), so an event changed or deleted
        afterwards breaks the chain.
      </p>
      <FilterForm label="Filter audit events" filters={search}>
        <label>
          Actor
          <input name="actor" defaultValue={filters.actor} placeholder="email or id" />
        </label>
        <label>
          Action
          <input name="action" defaultValue={filters.action} placeholder="e.g. user.created" />
        </label>
        <label>
          Record type
          <input name="recordType" defaultValue={filters.recordType} list="audit-record-types" />
          <datalist id="audit-record-types">
            {KNOWN_RECORD_TYPES.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
        </label>
        <DateRangeFields from={filters.from} to={filters.to} problem={search.rangeProblem} />
      </FilterForm>

      <ErrorAlert error={events.error} action="Could not load the audit trail" />
      {events.isPending && search.canQuery && <p>Loading events…</p>}
      {events.isSuccess && rows.length === 0 && <p>{filtered ? 'No event matches these filters.' : 'Nothing has been recorded yet.'}</p>}
      {rows.length > 0 && <AuditTable events={rows} />}
      <LoadMore query={events} />
      {events.isSuccess && rows.length > 0 && !events.hasNextPage && (
        <p className="muted">{filtered ? `All ${rows.length} matching events shown.` : `Start of the trail: all ${rows.length} events shown.`}</p>
      )}
    </section>
  );
}
