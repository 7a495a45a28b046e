import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TCadenceReport, TCadenceRow } from '../../shared/engagements';
import { BUREAU_CODES } from '../../shared/reference';
import { apiGet } from '../ui/api';
import { AssessmentDeadlines } from './AssessmentDeadlines';
import { CadenceHeatmap } from './CadenceHeatmap';
import { CadenceRollup } from './CadenceRollup';
import { ErrorAlert } from '../ui/ErrorAlert';
import { StatusBadge } from '../ui/StatusBadge';
import { useIssuedDirectives } from '../directives/directive-queries';
import { formatDate, formatDateTime } from '../ui/format';
import { CADENCE_STATUS_LABEL, CADENCE_STATUS_ORDER } from '../ui/labels';
import { DASHBOARD_ROLES, useMe } from '../ui/session';

type Sort = { key: 'status' | 'post' | 'nextDue'; descending: boolean };

export function DashboardPage() {
  const me = useMe();
  const role = me.data?.user.role;
  if (!role || !DASHBOARD_ROLES.includes(role)) {
    return (
      <section>
        <h1>Not available</h1>
        <p>The dashboard is for the staff of posts, bureau and headquarters analysts, and directive authors.</p>
      </section>
    );
  }
  const ownPost = role === 'officer' || role === 'approver' ? (me.data?.user.post ?? null) : null;
  return <Dashboard bureauAnalyst={role === 'bureau_analyst'} ownBureau={me.data?.user.bureau ?? null} ownPost={ownPost} />;
}

function Dashboard({ bureauAnalyst, ownBureau, ownPost }: { bureauAnalyst: boolean; ownBureau: string | null; ownPost: string | null }) {
  const [params, setParams] = useSearchParams();
  const directive = params.get('directive') ?? '';
  // A bureau analyst sees their bureau and a post's staff their post: no bureau to choose.
  const chooseBureau = !bureauAnalyst && ownPost === null;
  const bureau = chooseBureau ? (params.get('bureau') ?? '') : '';
  const weeks = Number(params.get('weeks') ?? 12) || 12;
  const [sort, setSort] = useState<Sort>({ key: 'status', descending: false });
  const directives = useIssuedDirectives();

  const report = useQuery({
    queryKey: ['cadence', { directive, bureau, weeks }],
    queryFn: () => apiGet<TCadenceReport>('/api/v1/cadence', { directive, bureau, weeks }),
    staleTime: 0,
    // Keep the table in place while another directive or bureau loads, rather than flashing empty.
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => sortRows(report.data?.rows ?? [], sort), [report.data, sort]);
  const counts = CADENCE_STATUS_ORDER.map((status) => ({ status, count: (report.data?.rows ?? []).filter((row) => row.status === status).length }));

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const sortBy = (key: Sort['key']) => setSort((current) => ({ key, descending: current.key === key ? !current.descending : false }));
  const ariaSort = (key: Sort['key']) => (sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none');
  const arrow = (key: Sort['key']) => (sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : '');

  return (
    <section>
      <h1>Engagement cadence</h1>
      <p className="muted">
        Each action post of an issued directive with an engagement cadence must log an approved engagement at least that often; the clock starts when the
        directive is issued and restarts at each approved engagement, so a post that never engaged is due at the issue date plus the cadence.{' '}
        <strong>On time</strong>: the next one is not yet due. <strong>Due soon</strong>: due within a quarter of the cadence (at most a week).{' '}
        <strong>Overdue</strong>: the due date has passed. <strong>Never engaged</strong> marks a post with no approved engagement since the issue, whatever its
        status. Only approved engagements dated between the day of the issue (UTC) and now count: drafts, submitted ones, and engagements dated before the issue
        or in the future do not.
        {bureauAnalyst && ownBureau && ` You see the posts of ${ownBureau}.`}
        {ownPost && ` You see your post (${ownPost}): its due dates under each directive.`}
      </p>

      <form className="filters" aria-label="Filter the dashboard" onSubmit={(event) => event.preventDefault()}>
        <label>
          Directive
          <select value={directive} onChange={(event) => setParam('directive', event.target.value)}>
            <option value="">All issued directives</option>
            {directives.data?.items.map((d) => (
              <option key={d.id} value={d.id}>
                {d.reference}: {d.subject}
              </option>
            ))}
          </select>
        </label>
        {chooseBureau && (
          <label>
            Bureau
            <select value={bureau} onChange={(event) => setParam('bureau', event.target.value)}>
              <option value="">All bureaus</option>
              {BUREAU_CODES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Weeks shown
          <select value={String(weeks)} onChange={(event) => setParam('weeks', event.target.value === '12' ? '' : event.target.value)}>
            {[4, 8, 12, 26, 52].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </form>

      <ErrorAlert error={report.error} action="Could not load the cadence report" />
      {report.isPending && <p>Loading the cadence report…</p>}
      {report.data && (
        <>
          <p className="small muted" aria-live="polite">
            As of {formatDateTime(report.data.asOf)}.{report.isPlaceholderData && ' Updating…'}
          </p>
          {report.data.rows.length === 0 ? (
            <div className="empty-state">
              <p>
                <strong>No issued directive has an engagement cadence yet</strong>
                {directive || bureau ? ' among those chosen' : ''}.
              </p>
              <p className="muted">
                Rows appear here once a directive that asks action posts to report engagements every so many days is issued. Directive authors set the cadence
                under “Reporting requirements”.
              </p>
            </div>
          ) : (
            <>
              <ul className="status-summary" aria-label="Posts by status">
                {counts.map(({ status, count }) => (
                  <li key={status}>
                    <StatusBadge status={status} label={CADENCE_STATUS_LABEL[status]} /> {count}
                  </li>
                ))}
              </ul>
              <table className="data-table" aria-label="Cadence by post">
                <thead>
                  <tr>
                    <th scope="col">Directive</th>
                    <th scope="col" aria-sort={ariaSort('post')}>
                      <button type="button" className="sort" onClick={() => sortBy('post')}>
                        Post{arrow('post')}
                      </button>
                    </th>
                    <th scope="col">Bureau</th>
                    <th scope="col" className="num">
                      Cadence
                    </th>
                    <th scope="col">Last approved engagement</th>
                    <th scope="col" aria-sort={ariaSort('nextDue')}>
                      <button type="button" className="sort" onClick={() => sortBy('nextDue')}>
                        Next due{arrow('nextDue')}
                      </button>
                    </th>
                    <th scope="col" aria-sort={ariaSort('status')}>
                      <button type="button" className="sort" onClick={() => sortBy('status')}>
                        Status{arrow('status')}
                      </button>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.directiveId}-${row.post}`}>
                      <td>
                        <Link to={`/directives/${row.directiveId}`}>{row.reference}</Link>
                      </td>
                      <td>
                        {row.postName} <span className="muted small">({row.country})</span>
                      </td>
                      <td>{row.bureau ?? '—'}</td>
                      <td className="num">{row.cadenceDays} days</td>
                      <td>
                        {row.lastEngagementAt ? (
                          <Link to={`/engagements?directive=${row.directiveId}&post=${row.post}`}>{formatDate(row.lastEngagementAt)}</Link>
                        ) : (
                          'never'
                        )}
                      </td>
                      <td>{formatDate(row.nextDueAt)}</td>
                      <td>
                        <StatusBadge status={row.status} label={CADENCE_STATUS_LABEL[row.status]} />
                        {row.neverEngaged && <span className="tag never-engaged"> never engaged</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {report.data.rollup.length > 0 && <CadenceRollup rollup={report.data.rollup} />}
          <h2>{report.data.heatmap.directiveId ? 'Status and engagements per week since the issue' : 'Approved engagements per week'}</h2>
          {!report.data.heatmap.directiveId && (
            <p className="small muted">Choose a directive to see each post’s status at the end of every week since its issue.</p>
          )}
          <CadenceHeatmap heatmap={report.data.heatmap} />
        </>
      )}
      <AssessmentDeadlines />
    </section>
  );
}

function sortRows(rows: TCadenceRow[], sort: Sort): TCadenceRow[] {
  const rank = (row: TCadenceRow) => CADENCE_STATUS_ORDER.indexOf(row.status);
  const compare = (a: TCadenceRow, b: TCadenceRow): number => {
    if (sort.key === 'status') return rank(a) - rank(b) || a.nextDueAt.localeCompare(b.nextDueAt) || a.postName.localeCompare(b.postName);
    if (sort.key === 'nextDue') return a.nextDueAt.localeCompare(b.nextDueAt) || a.postName.localeCompare(b.postName);
    return a.postName.localeCompare(b.postName) || a.reference.localeCompare(b.reference);
  };
  const sorted = [...rows].sort(compare);
  return sort.descending ? sorted.reverse() : sorted;
}
