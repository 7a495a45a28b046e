import { ENGAGEMENT_STATUSES, type TEngagement } from '../../shared/engagements';
import { ErrorAlert } from '../ui/ErrorAlert';
import { DateRangeFields } from '../ui/DateRangeFields';
import { FilterForm, LoadMore } from '../ui/FilterForm';
import { usePagedList, useSearchFilters } from '../ui/use-filtered-list';
import { RequirePermission } from '../ui/RequirePermission';
import { useIssuedDirectives } from '../directives/directive-queries';
import { ENGAGEMENT_STATUS_LABEL } from '../ui/labels';
import { EngagementTable } from './EngagementTable';
import { useMe } from '../ui/session';

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
  const directives = useIssuedDirectives();

  const { query: engagements, rows } = usePagedList<TEngagement>(
    ['engagements'],
    '/api/v1/engagements',
    { ...filters, country: filters.country.toUpperCase() },
    { staleTime: 0, enabled: search.canQuery },
  );

  return (
    <section>
      <h1>Engagements</h1>
      <p className="muted">
        Démarches, meetings, calls and letters, with the talking points delivered. To log one, open the directive it acts on and choose “Log engagement”.
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
        <label>
          Directive
          <select name="directive" defaultValue={filters.directive}>
            <option value="">Any directive</option>
            {filters.directive && !directives.data?.items.some((d) => d.id === filters.directive) && (
              <option value={filters.directive}>The chosen directive</option>
            )}
            {directives.data?.items.map((directive) => (
              <option key={directive.id} value={directive.id}>
                {directive.reference}
              </option>
            ))}
          </select>
        </label>
        {!atPost && (
          <>
            <label>
              Post
              <input name="post" defaultValue={filters.post} placeholder="e.g. berlin" size={10} />
            </label>
            <label>
              Country
              <input name="country" defaultValue={filters.country} placeholder="e.g. DE" size={4} maxLength={2} />
            </label>
          </>
        )}
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
