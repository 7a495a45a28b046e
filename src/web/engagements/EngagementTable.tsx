import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { POINTS_DELIVERED_MEANING, pointsDelivered, type TEngagementSummary } from '../../shared/engagements';
import { useCountriesByCode } from '../cadence/country-queries';
import { formatDateTime } from '../ui/format';
import { ENGAGEMENT_KIND_LABEL, ENGAGEMENT_STATUS_LABEL } from '../ui/labels';
import { MarkingTag, SyntheticLabel } from '../ui/Marking';
import { StatusBadge } from '../ui/StatusBadge';

/**
 * Engagements as every list shows them (the engagements list, a post's page, a contact's
 * history), newest first: names rather than codes, the "points delivered" figure of
 * `pointsDelivered`, and each row leading to the engagement. The first cell holds the real
 * link (for the keyboard and screen readers); a click anywhere else on the row follows it too.
 * `showPost` false on a post's own page.
 */
export function EngagementTable({ rows, label = 'Engagements', showPost = true }: { rows: TEngagementSummary[]; label?: string; showPost?: boolean }) {
  const navigate = useNavigate();
  const countries = useCountriesByCode();
  const countryName = (code: string) => countries.data?.get(code)?.name ?? code;

  const openRow = (event: MouseEvent<HTMLTableRowElement>, href: string) => {
    // The link, and anything else that acts on its own, handles its click; selecting text is not a click on the row.
    if (event.defaultPrevented || (event.target as Element).closest('a, button, input, select, textarea, label')) return;
    if (window.getSelection()?.toString()) return;
    if (event.metaKey || event.ctrlKey) window.open(href, '_blank', 'noopener');
    else void navigate(href);
  };

  return (
    <div className="table-scroll">
      <table className="data-table engagement-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">When</th>
            {showPost && <th scope="col">Post</th>}
            <th scope="col">Kind</th>
            <th scope="col">Directives</th>
            <th scope="col">Contacts</th>
            <th scope="col" className="num">
              Points delivered <span className="th-hint">of those that apply</span>
            </th>
            <th scope="col">Marking</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((engagement) => {
            const href = `/engagements/${engagement.id}`;
            const figure = pointsDelivered(engagement);
            return (
              <tr key={engagement.id} className="row-link" onClick={(event) => openRow(event, href)}>
                <td>
                  <Link to={href}>{formatDateTime(engagement.occurredAt)}</Link>
                </td>
                {showPost && (
                  <td>
                    {engagement.postName}
                    <span className="cell-detail">{countryName(engagement.country)}</span>
                  </td>
                )}
                <td>
                  {ENGAGEMENT_KIND_LABEL[engagement.kind]} {engagement.synthetic && <SyntheticLabel />}
                </td>
                <td>
                  {engagement.directives.length === 0
                    ? '—'
                    : engagement.directives.map((directive) => (
                        <span key={directive.id} className="cell-line">
                          <strong>{directive.reference}</strong> {directive.subject}
                        </span>
                      ))}
                </td>
                <td>{engagement.contacts.map((contact) => contact.name).join(', ') || '—'}</td>
                <td className="num">{figure.text}</td>
                <td>
                  <MarkingTag classification={engagement.classification} />
                </td>
                <td>
                  <StatusBadge status={engagement.status} label={ENGAGEMENT_STATUS_LABEL[engagement.status]} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="table-note">Points delivered: {POINTS_DELIVERED_MEANING}.</p>
    </div>
  );
}
