import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TDuplicateCandidate, TIncidentSummary } from '../../shared/incidents';
import { apiGet } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { fetchAllPages } from '../ui/lists';
import { RequirePermission } from '../ui/RequirePermission';
import { useMe } from '../ui/session';
import { occurredText } from './incident-labels';
import { duplicatesKey, INCIDENTS_PATH, incidentPath } from './incident-queries';
import { LegalStatusTag, ReliabilityTag } from './LegalStatusTag';
import { TableScroll } from '../ui/TableScroll';

export function IncidentTriagePage() {
  return (
    <RequirePermission permission="records.approve" who="verifiers (approvers at a post)">
      <Triage />
    </RequirePermission>
  );
}

/** The oldest wait first: when it was submitted, or filed when that is unknown. */
const waitingSince = (incident: TIncidentSummary) => incident.submittedAt ?? incident.createdAt;

function Triage() {
  const me = useMe();
  const post = me.data?.user.post ?? undefined;
  const queue = useQuery({
    queryKey: ['incidents', 'triage', post],
    queryFn: async () => (await fetchAllPages<TIncidentSummary>(INCIDENTS_PATH, { status: 'submitted', post }, 10)).filter((incident) => !incident.mergedInto),
    staleTime: 0,
  });
  const rows = [...(queue.data ?? [])].sort((a, b) => waitingSince(a).localeCompare(waitingSince(b)));
  const duplicates = useQueries({
    queries: rows.map((incident) => ({
      queryKey: duplicatesKey(incident.id),
      queryFn: () => apiGet<{ items: TDuplicateCandidate[] }>(`${incidentPath(incident.id)}/duplicates`),
      staleTime: 60_000,
    })),
  });

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/incidents">Incidents</Link> ›
      </p>
      <h1>Incidents awaiting verification</h1>
      <p className="muted">
        Submitted incidents{post ? ' of your post' : ''}, the longest waiting first. Verify each against its sources; you cannot verify one you drafted.
      </p>
      <ErrorAlert error={queue.error} action="Could not load the incidents awaiting verification" />
      {queue.isPending && <p>Loading…</p>}
      {queue.isSuccess && rows.length === 0 && <p className="empty-state">Nothing is waiting for verification.</p>}
      {rows.length > 0 && (
        <TableScroll label="Incidents awaiting verification">
          <table className="data-table">
            <caption className="visually-hidden">Incidents awaiting verification, the longest waiting first</caption>
            <thead>
              <tr>
                <th scope="col">Waiting since</th>
                <th scope="col">Incident</th>
                <th scope="col">Legal status</th>
                <th scope="col" className="num">
                  Sources
                </th>
                <th scope="col">Best source</th>
                <th scope="col" className="num">
                  Possible duplicates
                </th>
                <th scope="col">Next step</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((incident, index) => {
                const candidates = duplicates[index]?.data?.items.filter((candidate) => !candidate.dismissed);
                return (
                  <tr key={incident.id}>
                    <td>{formatDateTime(waitingSince(incident))}</td>
                    <td>
                      <Link to={`/incidents/${incident.id}`}>
                        {incident.categoryName}, {incident.placeName}, {occurredText(incident.occurredOn, incident.timePrecision)}
                      </Link>
                      <div className="muted small">Drafted by {incident.draftedBy.name}</div>
                    </td>
                    <td>
                      <LegalStatusTag status={incident.legalStatus} />
                    </td>
                    <td className="num">{incident.sources.length}</td>
                    <td>
                      <ReliabilityTag reliability={incident.bestReliability} />
                    </td>
                    <td className="num">
                      {candidates === undefined ? (
                        '…'
                      ) : candidates.length === 0 ? (
                        'None'
                      ) : (
                        <Link to={`/incidents/${incident.id}#duplicates-heading`}>{candidates.length}</Link>
                      )}
                    </td>
                    <td>
                      {incident.allowedActions.includes('verify') ? (
                        <Link to={`/incidents/${incident.id}`}>Verify or return</Link>
                      ) : incident.draftedBy.id === me.data?.user.id ? (
                        <span className="muted small">You drafted it: another verifier checks it</span>
                      ) : (
                        <Link to={`/incidents/${incident.id}`}>Open</Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
