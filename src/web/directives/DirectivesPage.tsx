import { Link } from 'react-router';
import { DIRECTIVE_STATUSES, type TDirectiveSummary } from '../../shared/directives';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FilterForm, LoadMore } from '../ui/FilterForm';
import { usePagedList, useSearchFilters } from '../ui/use-filtered-list';
import { MarkingTag, SyntheticLabel } from '../ui/Marking';
import { StatusBadge } from '../ui/StatusBadge';
import { useTags } from './directive-queries';
import { DIRECTIVE_STATUS_LABEL, formatDay } from '../ui/labels';
import { hasPermission, useMe } from '../ui/session';

const FILTERS = ['status', 'tag', 'q'] as const;

export function DirectivesPage() {
  const me = useMe();
  const search = useSearchFilters(FILTERS);
  const { filters, filtered } = search;
  const tags = useTags();
  const canIssue = hasPermission(me.data, 'directives.issue');
  const canRead = canIssue || hasPermission(me.data, 'records.read');

  const { query: directives, rows } = usePagedList<TDirectiveSummary>(['directives', 'list'], '/api/v1/directives', filters, { enabled: canRead });

  if (!canRead) {
    return (
      <section>
        <h1>Not available</h1>
        <p>Directives are for posts and headquarters staff.</p>
      </section>
    );
  }

  return (
    <section>
      <div className="page-heading">
        <h1>Directives</h1>
        {canIssue && (
          <Link to="/directives/new" className="button primary">
            New directive
          </Link>
        )}
      </div>
      <p className="muted">Instructions from headquarters, with the talking points posts deliver and how often they report.</p>

      <FilterForm label="Filter directives" filters={search}>
        <label>
          Status
          <select name="status" defaultValue={filters.status}>
            <option value="">Any status</option>
            {DIRECTIVE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {DIRECTIVE_STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          TAGS
          <select name="tag" defaultValue={filters.tag}>
            <option value="">Any TAGS</option>
            {filters.tag && !tags.data?.some((tag) => tag.code === filters.tag) && <option value={filters.tag}>{filters.tag}</option>}
            {tags.data?.map((tag) => (
              <option key={tag.code} value={tag.code}>
                {tag.code} — {tag.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reference or subject
          <input name="q" type="search" defaultValue={filters.q} />
        </label>
      </FilterForm>

      <ErrorAlert error={directives.error} action="Could not load the directives" />
      {directives.isPending && <p>Loading directives…</p>}
      {directives.isSuccess && rows.length === 0 && (
        <p>
          {filtered
            ? 'No directive matches these filters.'
            : canIssue
              ? 'There are no directives yet. Write one with “New directive”.'
              : 'No directive has been addressed to you yet.'}
        </p>
      )}
      {rows.length > 0 && (
        <table className="data-table" aria-label="Directives">
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Date</th>
              <th scope="col">Subject</th>
              <th scope="col">TAGS</th>
              <th scope="col">Marking</th>
              <th scope="col" className="num">
                Action posts
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((directive) => (
              <tr key={directive.id}>
                <td>
                  <Link to={`/directives/${directive.id}`}>{directive.reference}</Link>
                </td>
                <td>{formatDay(directive.date)}</td>
                <td>
                  {directive.subject} {directive.synthetic && <SyntheticLabel />}
                </td>
                <td>{directive.tags.join(' ') || '—'}</td>
                <td>
                  <MarkingTag classification={directive.classification} />
                </td>
                <td className="num">{directive.actionPostCount}</td>
                <td>
                  <StatusBadge status={directive.status} label={DIRECTIVE_STATUS_LABEL[directive.status]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore query={directives} />
    </section>
  );
}
