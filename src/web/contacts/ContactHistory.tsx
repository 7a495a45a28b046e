import { Link } from 'react-router';
import type { TContact, TEngagement } from '../../shared/engagements';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadMore } from '../ui/FilterForm';
import { formatDateTime } from '../ui/format';
import { ENGAGEMENT_KIND_LABEL, ENGAGEMENT_STATUS_LABEL } from '../ui/labels';
import { MarkingTag, SyntheticLabel } from '../ui/Marking';
import { StatusBadge } from '../ui/StatusBadge';
import { usePagedList } from '../ui/use-filtered-list';

/**
 * The engagements with a contact that the reader may see, newest first: the server applies
 * the same access rule as everywhere else, so one the reader may not see is neither listed
 * nor counted.
 */
export function ContactHistory({ contact }: { contact: TContact }) {
  const { query: engagements, rows } = usePagedList<TEngagement>(['engagements', 'contact'], '/api/v1/engagements', { contact: contact.id }, { staleTime: 0 });

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">
        Engagement history <span className="count">({contact.engagementCount})</span>
      </h2>
      <ErrorAlert error={engagements.error} action="Could not load the engagements" />
      {engagements.isPending && <p>Loading the engagements…</p>}
      {engagements.isSuccess && rows.length === 0 && (
        <p className="empty-state">
          No engagement with {contact.name} that you may see. To log one, open the directive it acts on, choose “Log engagement” and tick {contact.name} among
          the contacts.
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Engagements with {contact.name}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Kind</th>
                <th scope="col">Directives</th>
                <th scope="col">Post</th>
                <th scope="col">Marking</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((engagement) => (
                <tr key={engagement.id}>
                  <td>
                    <Link to={`/engagements/${engagement.id}`}>{formatDateTime(engagement.occurredAt)}</Link>
                  </td>
                  <td>
                    {ENGAGEMENT_KIND_LABEL[engagement.kind]} {engagement.synthetic && <SyntheticLabel />}
                  </td>
                  <td>{engagement.directives.map((directive) => directive.reference).join(', ') || '—'}</td>
                  <td>{engagement.postName}</td>
                  <td>
                    <MarkingTag classification={engagement.classification} />
                  </td>
                  <td>
                    <StatusBadge status={engagement.status} label={ENGAGEMENT_STATUS_LABEL[engagement.status]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={engagements} />
    </section>
  );
}
