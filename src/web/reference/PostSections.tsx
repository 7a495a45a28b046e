import { Link } from 'react-router';
import type { TContact, TEngagementSummary } from '../../shared/engagements';
import type { TIncidentSummary } from '../../shared/incidents';
import { EngagementTable } from '../engagements/EngagementTable';
import { INCIDENTS_PATH } from '../incidents/incident-queries';
import { occurredText } from '../incidents/incident-labels';
import { LegalStatusTag } from '../incidents/LegalStatusTag';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadMore } from '../ui/FilterForm';
import { formatDateTime } from '../ui/format';
import { ORGANIZATION_TYPE_LABEL } from '../ui/labels';
import { MarkingTag } from '../ui/Marking';
import { hasPermission, useMe } from '../ui/session';
import { usePagedList } from '../ui/use-filtered-list';

/*
 * The sections of a post's page, each one list route filtered by the post: the server applies
 * the reader's scope and clearance in SQL, so each shows exactly what the reader may see.
 */

export function PostEngagements({ code }: { code: string }) {
  const { query, rows } = usePagedList<TEngagementSummary>(['engagements', 'post', code], '/api/v1/engagements', { post: code }, { staleTime: 0 });
  return (
    <section className="panel" aria-labelledby="post-engagements-heading">
      <h2 id="post-engagements-heading">Engagements</h2>
      <p className="small muted">Démarches, meetings, calls and letters at this post that you may see, the newest first.</p>
      <ErrorAlert error={query.error} action="Could not load the engagements" />
      {query.isPending && <p className="muted">Loading…</p>}
      {query.isSuccess && rows.length === 0 && <p className="empty-state">No engagement at this post that you may see.</p>}
      {rows.length > 0 && <EngagementTable rows={rows} label="Engagements at this post, newest first" showPost={false} />}
      <LoadMore query={query} />
    </section>
  );
}

const waitingSince = (incident: TIncidentSummary) => incident.submittedAt ?? incident.createdAt;

export function PostIncidentsAwaitingVerification({ code }: { code: string }) {
  const me = useMe();
  const { query, rows } = usePagedList<TIncidentSummary>(
    ['incidents', 'post', code, 'submitted'],
    INCIDENTS_PATH,
    { post: code, status: 'submitted' },
    { staleTime: 0 },
  );
  const waiting = rows.filter((incident) => !incident.mergedInto);
  // The triage queue is the verifiers' page, for their own post; anyone else gets the filtered list.
  const verifiesHere = hasPermission(me.data, 'records.approve') && me.data?.user.post === code;
  return (
    <section className="panel" aria-labelledby="post-incidents-heading">
      <h2 id="post-incidents-heading">Incidents awaiting verification</h2>
      <ErrorAlert error={query.error} action="Could not load the incidents awaiting verification" />
      {query.isPending && <p className="muted">Loading…</p>}
      {query.isSuccess && waiting.length === 0 && <p className="empty-state">No incident of this post that you may see awaits verification.</p>}
      {waiting.length > 0 && (
        <ul aria-label="Incidents of this post awaiting verification">
          {waiting.map((incident) => (
            <li key={incident.id}>
              <Link to={`/incidents/${incident.id}`}>
                {incident.categoryName}, {incident.placeName}, {occurredText(incident.occurredOn, incident.timePrecision)}
              </Link>{' '}
              <LegalStatusTag status={incident.legalStatus} /> <MarkingTag classification={incident.classification} />{' '}
              <span className="muted small">submitted {formatDateTime(waitingSince(incident))}</span>
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={query} />
      <p className="small">
        {verifiesHere ? (
          <Link to="/incidents/triage">Open the triage queue</Link>
        ) : (
          <Link to={`/incidents?post=${encodeURIComponent(code)}&status=submitted`}>All submitted incidents of this post</Link>
        )}
      </p>
    </section>
  );
}

export function PostContacts({ code }: { code: string }) {
  const { query, rows } = usePagedList<TContact>(['contacts', 'post', code], '/api/v1/contacts', { post: code }, { staleTime: 0 });
  return (
    <section className="panel" aria-labelledby="post-contacts-heading">
      <h2 id="post-contacts-heading">Contacts</h2>
      <p className="small muted">Interlocutors this post keeps, in their official capacity, by name.</p>
      <ErrorAlert error={query.error} action="Could not load the contacts" />
      {query.isPending && <p className="muted">Loading…</p>}
      {query.isSuccess && rows.length === 0 && <p className="empty-state">No contact of this post that you may see.</p>}
      {rows.length > 0 && (
        <table className="data-table" aria-label="Contacts of this post">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Title</th>
              <th scope="col">Organization</th>
              <th scope="col" className="num">
                Engagements
              </th>
              <th scope="col">Marking</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((contact) => (
              <tr key={contact.id}>
                <td>
                  <Link to={`/engagements?contact=${contact.id}`}>{contact.name}</Link>
                </td>
                <td>{contact.title}</td>
                <td>
                  {contact.organization} <span className="muted small">({ORGANIZATION_TYPE_LABEL[contact.organizationType] ?? contact.organizationType})</span>
                </td>
                <td className="num">{contact.engagementCount}</td>
                <td>
                  <MarkingTag classification={contact.classification} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore query={query} />
    </section>
  );
}
