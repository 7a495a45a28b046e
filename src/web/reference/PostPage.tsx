import { Link, useParams } from 'react-router';
import type { TPostOverview } from '../../shared/reference-api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../ui/format';
import { CADENCE_STATUS_LABEL } from '../ui/labels';
import { NotFoundPage } from '../ui/NotFoundPage';
import { StatusBadge } from '../ui/StatusBadge';
import { ApiError } from '../ui/api';
import { PostContacts, PostEngagements, PostIncidentsAwaitingVerification } from './PostSections';
import { POST_KIND_LABEL } from './post-labels';
import { useBureaus, usePostOverview } from './reference-queries';

/**
 * One post: who and where it is, then the sections of its records the reader may read, as the
 * server says (a section the reader may not read is left out, not shown empty).
 */
export function PostPage() {
  const code = useParams().code ?? '';
  const overview = usePostOverview(code);
  if (overview.error instanceof ApiError && overview.error.status === 404) return <NotFoundPage />;
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/posts">Bureaus and posts</Link> ›
      </p>
      <ErrorAlert error={overview.error} action="Could not load the post" />
      {overview.isPending && <p>Loading the post…</p>}
      {overview.data && <Post overview={overview.data} />}
    </section>
  );
}

function Post({ overview }: { overview: TPostOverview }) {
  const { post, sections } = overview;
  const bureaus = useBureaus();
  const bureauName = bureaus.data?.items.find((bureau) => bureau.code === post.bureau)?.name;
  return (
    <>
      <h1>{post.name}</h1>
      <dl className="details">
        <dt>Type</dt>
        <dd>{POST_KIND_LABEL[post.kind]}</dd>
        <dt>City</dt>
        <dd>{post.city}</dd>
        <dt>Country</dt>
        <dd>
          {post.countryName} <span className="muted small">({post.country})</span>
        </dd>
        <dt>Bureau</dt>
        <dd>{post.bureau ? (bureauName ? `${bureauName} (${post.bureau})` : post.bureau) : 'None'}</dd>
        <dt>Code</dt>
        <dd>
          <code>{post.code}</code>
        </dd>
      </dl>
      {sections.deadlines && <Deadlines overview={overview} />}
      {sections.engagements && <PostEngagements code={post.code} />}
      {sections.incidents && <PostIncidentsAwaitingVerification code={post.code} />}
      {sections.contacts && <PostContacts code={post.code} />}
    </>
  );
}

function Deadlines({ overview }: { overview: TPostOverview }) {
  const rows = overview.deadlines;
  return (
    <section className="panel" aria-labelledby="post-deadlines-heading">
      <h2 id="post-deadlines-heading">Deadlines across directives</h2>
      <p className="small muted">
        Under each issued directive with an engagement cadence that names this post for action: the last approved engagement you may see, when the next is due,
        and how it stands, as of {formatDateTime(overview.asOf)}. The soonest due first.
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">No issued directive with an engagement cadence names this post for action (among the directives you may read).</p>
      ) : (
        <table className="data-table" aria-label="Deadlines across directives">
          <thead>
            <tr>
              <th scope="col">Directive</th>
              <th scope="col" className="num">
                Cadence
              </th>
              <th scope="col">Last approved engagement</th>
              <th scope="col">Next due</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.directiveId}>
                <td>
                  <Link to={`/directives/${row.directiveId}`}>{row.reference}</Link>
                </td>
                <td className="num">{row.cadenceDays} days</td>
                <td>
                  {row.lastEngagementAt ? (
                    <Link to={`/engagements?directive=${row.directiveId}&post=${encodeURIComponent(row.post)}`}>{formatDate(row.lastEngagementAt)}</Link>
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
      )}
    </section>
  );
}
