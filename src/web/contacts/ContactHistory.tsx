import { Link } from 'react-router';
import type { TContact, TEngagementSummary } from '../../shared/engagements';
import { EngagementTable } from '../engagements/EngagementTable';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadMore } from '../ui/FilterForm';
import { usePagedList } from '../ui/use-filtered-list';
import { hasPermission, useMe } from '../ui/session';

/**
 * The engagements with a contact that the reader may see, newest first: the server applies
 * the same access rule as everywhere else, so one the reader may not see is neither listed
 * nor counted. The same table, columns and "points delivered" figure as the engagements list.
 */
export function ContactHistory({ contact }: { contact: TContact }) {
  const me = useMe();
  // Engagements are logged at one's own post, with that post's contacts.
  const canLog = hasPermission(me.data, 'records.draft') && me.data?.user.post === contact.post;
  const { query: engagements, rows } = usePagedList<TEngagementSummary>(
    ['engagements', 'contact'],
    '/api/v1/engagements',
    { contact: contact.id },
    { staleTime: 0 },
  );

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">
        Engagement history <span className="count">({contact.engagementCount})</span>
      </h2>
      <ErrorAlert error={engagements.error} action="Could not load the engagements" />
      {engagements.isPending && <p>Loading the engagements…</p>}
      {engagements.isSuccess && rows.length === 0 && (
        <p className="empty-state">
          No engagement with {contact.name} that you may see.
          {canLog && (
            <>
              {' '}
              <Link to={`/engagements/new?contact=${contact.id}`}>Log an engagement with {contact.name}</Link>.
            </>
          )}
        </p>
      )}
      {rows.length > 0 && <EngagementTable rows={rows} label={`Engagements with ${contact.name}, newest first`} />}
      <LoadMore query={engagements} />
    </section>
  );
}
