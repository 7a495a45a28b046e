import { useInfiniteQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { TAuditEvent } from '../../shared/identity';
import type { TPage } from '../../shared/pagination';
import { apiGet } from '../api';
import { AuditTable } from '../components/AuditTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { RequirePermission } from '../components/RequirePermission';

const PAGE_SIZE = 50;
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
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const filtered = FILTERS.some((key) => filters[key]);
  const query = {
    actor: filters.actor,
    action: filters.action,
    recordType: filters.recordType,
    from: dayBoundary(filters.from, false),
    to: dayBoundary(filters.to, true),
  };

  const events = useInfiniteQuery({
    queryKey: ['audit', query],
    queryFn: ({ pageParam }) => apiGet<TPage<TAuditEvent>>('/api/v1/audit', { ...query, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 0,
  });
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const key of FILTERS) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next[key] = value;
    }
    setParams(next);
  };

  return (
    <section>
      <h1>Audit trail</h1>
      <p className="muted">
        Every write, newest first. Each event carries the hash of the one before it (shown: the first 12 characters of
        its own), so an event changed or deleted afterwards breaks the chain.
      </p>
      <form className="filters" onSubmit={onFilter} aria-label="Filter audit events" key={params.toString()}>
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
        <label>
          From
          <input name="from" type="date" defaultValue={filters.from} />
        </label>
        <label>
          To
          <input name="to" type="date" defaultValue={filters.to} />
        </label>
        <button type="submit">Filter</button>
        {filtered && (
          <button type="button" className="link" onClick={() => setParams({})}>
            Clear filters
          </button>
        )}
      </form>

      <ErrorAlert error={events.error} action="Could not load the audit trail" />
      {events.isPending && <p>Loading events…</p>}
      {events.isSuccess && rows.length === 0 && (
        <p>{filtered ? 'No event matches these filters.' : 'Nothing has been recorded yet.'}</p>
      )}
      {rows.length > 0 && <AuditTable events={rows} />}
      {events.hasNextPage && (
        <button type="button" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          {events.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
      {events.isSuccess && rows.length > 0 && !events.hasNextPage && <p className="muted">{filtered ? `All ${rows.length} matching events shown.` : `Start of the trail: all ${rows.length} events shown.`}</p>}
    </section>
  );
}
