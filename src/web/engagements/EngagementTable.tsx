import { Link } from 'react-router';
import type { TEngagement } from '../../shared/engagements';
import { formatDateTime } from '../ui/format';
import { ENGAGEMENT_KIND_LABEL, ENGAGEMENT_STATUS_LABEL } from '../ui/labels';
import { MarkingTag, SyntheticLabel } from '../ui/Marking';
import { StatusBadge } from '../ui/StatusBadge';

/** Engagements as the list shows them, newest first, each linked to its page; `showPost` false on a post's own page. */
export function EngagementTable({ rows, label = 'Engagements', showPost = true }: { rows: TEngagement[]; label?: string; showPost?: boolean }) {
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">When</th>
          {showPost && <th scope="col">Post</th>}
          <th scope="col">Kind</th>
          <th scope="col">Directives</th>
          <th scope="col">Contacts</th>
          <th scope="col" className="num">
            Points delivered
          </th>
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
            {showPost && <td>{engagement.postName}</td>}
            <td>
              {ENGAGEMENT_KIND_LABEL[engagement.kind]} {engagement.synthetic && <SyntheticLabel />}
            </td>
            <td>{engagement.directives.map((directive) => directive.reference).join(', ') || '—'}</td>
            <td>{engagement.contacts.map((contact) => contact.name).join(', ') || '—'}</td>
            <td className="num">
              {engagement.points.filter((point) => point.delivered).length} of {engagement.points.length}
            </td>
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
  );
}
