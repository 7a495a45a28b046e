import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { TCadenceReport } from '../../shared/engagements';
import { useDirective, useIssuedDirectives } from '../directives/directive-queries';
import { SearchPicker } from '../ui/SearchPicker';
import { apiGet } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { hasPermission, useMe } from '../ui/session';
import { PostsMap } from './PostsMap';
import { usePosts } from './reference-queries';

/**
 * Every post on a world map; with a directive chosen, each post coloured by its engagement
 * cadence status under it, as the dashboard computes it for this reader.
 */
export function PostsMapPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const readsRecords = hasPermission(me.data, 'records.read');
  const directive = readsRecords ? (params.get('directive') ?? '') : '';
  const posts = usePosts();
  const directives = useIssuedDirectives();
  const chosen = useDirective(directive || undefined);
  const cadence = useQuery({
    queryKey: ['cadence', { directive, bureau: '', weeks: 12 }],
    queryFn: () => apiGet<TCadenceReport>('/api/v1/cadence', { directive }),
    enabled: Boolean(directive),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
  // Headquarters reads every post; anyone else sees the statuses of the posts in their scope only.
  const readsAll = me.data?.user.role === 'hq_analyst' || me.data?.user.role === 'directive_author';
  const outsideLabel = readsAll ? 'Not an action post of this directive' : 'Not an action post, or not among the posts you read';
  const directiveItems = (directives.data?.items ?? []).map((d) => ({ id: d.id, name: `${d.reference}: ${d.subject}`, detail: undefined }));
  const rows = directive && cadence.data && !cadence.isPlaceholderData ? cadence.data.rows : null;

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/posts">Bureaus and posts</Link> ›
      </p>
      <h1>Map of posts</h1>
      <p className="muted">
        Every post at its city. Choose a directive to colour each of its action posts by its engagement cadence: <strong>on time</strong> (the next engagement
        is not yet due), <strong>due soon</strong> (due within a quarter of the cadence, at most a week) or <strong>overdue</strong>; a hollow marker is a post
        with no approved engagement since the issue, whatever its status. Click a post to open its page.
      </p>
      {readsRecords && (
        <form className="filters" aria-label="Colour the posts" onSubmit={(event) => event.preventDefault()}>
          <SearchPicker
            label="Directive"
            items={directiveItems}
            loading={directives.isPending}
            value={directive}
            onChange={(id) => setParams(id ? { directive: id } : {})}
            placeholder="No directive: posts only"
          />
        </form>
      )}
      <ErrorAlert error={posts.error} action="Could not load the posts" />
      <ErrorAlert error={cadence.error} action="Could not load the cadence of this directive" />
      {directive && chosen.data && chosen.data.engagementCadenceDays === null && (
        <p className="notice">{chosen.data.reference} asks for no engagement cadence: no post has a due date under it.</p>
      )}
      {directive && cadence.data && (
        <p className="small muted" aria-live="polite">
          Statuses as of {formatDateTime(cadence.data.asOf)}.{cadence.isFetching && ' Updating…'}
        </p>
      )}
      {posts.isPending && <p>Loading posts…</p>}
      {posts.data && <PostsMap posts={posts.data} cadence={rows} outsideLabel={outsideLabel} />}
    </section>
  );
}
