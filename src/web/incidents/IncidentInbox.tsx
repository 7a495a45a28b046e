import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TIncidentSummary } from '../../shared/incidents';
import { LIST_LIMIT_MAX, type TPage } from '../../shared/pagination';
import { apiGet } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { hasPermission, useMe } from '../ui/session';
import { occurredText } from './incident-labels';
import { INCIDENTS_PATH } from './incident-queries';
import { LegalStatusTag } from './LegalStatusTag';

/** Incidents linked from the home page; the rest are on the triage page or the incident list. */
const SHOWN = 5;

/**
 * The incidents that wait on the signed-in user, computed for them: for a verifier, the
 * submitted incidents of their post that they may verify (not those they wrote, edited or
 * merged into: the server's allowedActions say so); for a drafter, their drafts returned to them.
 * One page of the list each; the server scopes it to the reader.
 */
export function IncidentInbox() {
  const me = useMe();
  const user = me.data?.user;
  if (!user) return null;
  return (
    <>
      {hasPermission(me.data, 'records.approve') && <AwaitingVerification post={user.post} />}
      {hasPermission(me.data, 'records.draft') && <ReturnedToYou userId={user.id} />}
    </>
  );
}

/** One page of the incidents of this status the reader sees (keyed under 'incidents', so every incident write refreshes it). */
function useIncidentPage(name: string, status: 'draft' | 'submitted', scope: string | null, keep: (incident: TIncidentSummary) => boolean) {
  return useQuery({
    queryKey: ['incidents', 'inbox', name, scope],
    queryFn: async () => {
      const page = await apiGet<TPage<TIncidentSummary>>(INCIDENTS_PATH, { status, limit: LIST_LIMIT_MAX });
      return { items: page.items.filter(keep), more: page.nextCursor !== null };
    },
    staleTime: 0,
  });
}

/** The longest waiting first: when it was submitted, or filed when that is unknown. */
const waitingSince = (incident: TIncidentSummary) => incident.submittedAt ?? incident.createdAt;

function AwaitingVerification({ post }: { post: string | null }) {
  const queue = useIncidentPage('verify', 'submitted', post, (incident) => !incident.mergedInto && incident.allowedActions.includes('verify'));
  const rows = [...(queue.data?.items ?? [])].sort((a, b) => waitingSince(a).localeCompare(waitingSince(b)));
  return (
    <section className="panel" aria-labelledby="inbox-verify-heading">
      <h2 id="inbox-verify-heading">
        Incidents awaiting your verification {queue.isSuccess && <span className="count">({countText(rows.length, queue.data.more)})</span>}
      </h2>
      <ErrorAlert error={queue.error} action="Could not load the incidents awaiting your verification" />
      {queue.isPending && <p className="muted">Loading…</p>}
      {queue.isSuccess && rows.length === 0 && <p className="muted">Nothing is waiting for you to verify.</p>}
      {rows.length > 0 && (
        <IncidentLinks
          label="Incidents awaiting your verification, the longest waiting first"
          rows={rows}
          more={queue.data?.more ?? false}
          detail={(incident) => `submitted ${formatDateTime(waitingSince(incident))}; drafted by ${incident.draftedBy.name}`}
        />
      )}
      <p className="small">
        <Link to="/incidents/triage">All incidents awaiting verification</Link>, with their sources and possible duplicates.
      </p>
    </section>
  );
}

function ReturnedToYou({ userId }: { userId: string }) {
  const returned = useIncidentPage('returned', 'draft', userId, (incident) => incident.returned !== null && incident.draftedBy.id === userId);
  const rows = [...(returned.data?.items ?? [])].sort((a, b) => (b.returned?.at ?? '').localeCompare(a.returned?.at ?? ''));
  // Nothing returned, nothing said (nor a loading line that vanishes): a drafter's home page stays short.
  if (returned.isPending || (returned.isSuccess && rows.length === 0)) return null;
  return (
    <section className="panel" aria-labelledby="inbox-returned-heading">
      <h2 id="inbox-returned-heading">
        Your incidents returned to you {returned.isSuccess && <span className="count">({countText(rows.length, returned.data.more)})</span>}
      </h2>
      <ErrorAlert error={returned.error} action="Could not load your returned incidents" />
      {rows.length > 0 && (
        <IncidentLinks
          label="Your incidents returned to you, the most recently returned first"
          rows={rows}
          more={returned.data?.more ?? false}
          detail={(incident) =>
            `returned ${formatDateTime(incident.returned?.at)} by ${incident.returned?.by?.name ?? 'a verifier'}: change it as asked and submit it again`
          }
        />
      )}
    </section>
  );
}

/** The count of a page read: exact, or "at least" when the list went on beyond it. */
const countText = (count: number, more: boolean) => (more ? `at least ${count}` : String(count));

function IncidentLinks({
  label,
  rows,
  more,
  detail,
}: {
  label: string;
  rows: TIncidentSummary[];
  more: boolean;
  detail: (incident: TIncidentSummary) => string;
}) {
  const rest = rows.length - SHOWN;
  return (
    <>
      <ul aria-label={label}>
        {rows.slice(0, SHOWN).map((incident) => (
          <li key={incident.id}>
            <Link to={`/incidents/${incident.id}`}>
              {incident.categoryName}, {incident.placeName}, {occurredText(incident.occurredOn, incident.timePrecision)}
            </Link>{' '}
            <LegalStatusTag status={incident.legalStatus} /> <span className="muted small">{detail(incident)}</span>
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <p className="muted small">
          and {more ? 'at least ' : ''}
          {rest} more.
        </p>
      )}
    </>
  );
}
