import { Link } from 'react-router';
import { ENGAGEMENT_STATUSES, type TEngagementSummary } from '../../shared/engagements';
import { useCountriesByCode } from '../cadence/country-queries';
import { usePosts } from '../reference/reference-queries';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DateRangeFields } from '../ui/DateRangeFields';
import { FilterForm, LoadMore } from '../ui/FilterForm';
import { FilterPicker } from '../ui/SearchPicker';
import { usePagedList, useSearchFilters } from '../ui/use-filtered-list';
import { RequirePermission } from '../ui/RequirePermission';
import { ENGAGEMENT_STATUS_LABEL } from '../ui/labels';
import { EngagementTable } from './EngagementTable';
import { directiveItem, useCitedDirectives } from './engagement-queries';
import { hasPermission, useMe } from '../ui/session';

const FILTERS = ['status', 'directive', 'post', 'country', 'contact', 'from', 'to'] as const;

export function EngagementsPage() {
  return (
    <RequirePermission permission="records.read" who="posts and headquarters staff">
      <Engagements />
    </RequirePermission>
  );
}

function Engagements() {
  const me = useMe();
  const search = useSearchFilters(FILTERS);
  const { filters, filtered } = search;
  const atPost = Boolean(me.data?.user.post);
  // Engagements are logged at the writer's own post: officers and approvers there, nobody else.
  const canLog = atPost && hasPermission(me.data, 'records.draft');

  const { query: engagements, rows } = usePagedList<TEngagementSummary>(
    ['engagements'],
    '/api/v1/engagements',
    { ...filters, country: filters.country.toUpperCase() },
    { staleTime: 0, enabled: search.canQuery },
  );

  return (
    <section>
      <div className="page-heading">
        <h1>Engagements</h1>
        {canLog && (
          <div className="page-actions">
            <Link to="/engagements/new" className="button primary">
              Log engagement
            </Link>
          </div>
        )}
      </div>
      <p className="muted">
        Démarches, meetings, calls and letters{atPost ? ' at your post' : ''}, with the talking points delivered. Open one for its readouts and follow-ups.
      </p>
      <FilterForm label="Filter engagements" filters={search}>
        <label>
          Status
          <select name="status" defaultValue={filters.status}>
            <option value="">Any status</option>
            {ENGAGEMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {ENGAGEMENT_STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </label>
        <DirectiveFilter initial={filters.directive} />
        {!atPost && <PlaceFilters post={filters.post} country={filters.country.toUpperCase()} />}
        <DateRangeFields from={filters.from} to={filters.to} problem={search.rangeProblem} />
      </FilterForm>

      <ErrorAlert error={engagements.error} action="Could not load the engagements" />
      {engagements.isPending && search.canQuery && <p>Loading engagements…</p>}
      {engagements.isSuccess && rows.length === 0 && <p>{filtered ? 'No engagement matches these filters.' : 'No engagements have been logged yet.'}</p>}
      {rows.length > 0 && <EngagementTable rows={rows} />}
      <LoadMore query={engagements} />
    </section>
  );
}

function DirectiveFilter({ initial }: { initial: string }) {
  const directives = useCitedDirectives();
  return (
    <FilterPicker
      name="directive"
      label="Directive"
      items={(directives.data ?? []).map(directiveItem)}
      loading={directives.isPending}
      initial={initial}
      placeholder="Any directive"
    />
  );
}

/** Post and country, for readers of more than one post. */
function PlaceFilters({ post, country }: { post: string; country: string }) {
  const posts = usePosts();
  const countries = useCountriesByCode();
  const postItems = (posts.data ?? []).map((p) => ({ id: p.code, name: p.name, detail: p.code })).sort((a, b) => a.name.localeCompare(b.name));
  const countryItems = [...(countries.data?.values() ?? [])]
    .map((c) => ({ id: c.alpha2, name: c.name, detail: c.alpha2 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <FilterPicker name="post" label="Post" items={postItems} loading={posts.isPending} initial={post} placeholder="Any post" />
      <FilterPicker name="country" label="Country" items={countryItems} loading={countries.isPending} initial={country} placeholder="Any country" />
    </>
  );
}
