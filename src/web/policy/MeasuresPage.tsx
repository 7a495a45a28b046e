import { Link, useSearchParams } from 'react-router';
import {
  POLICY_DIRECTION_LABELS,
  POLICY_DIRECTIONS,
  POLICY_MEASURE_STATUS_LABELS,
  POLICY_MEASURE_STATUSES,
  type TPolicyMeasureSummary,
} from '../../shared/policy-measures';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadMore } from '../ui/FilterForm';
import { MarkingTag, SyntheticLabel } from '../ui/Marking';
import { RequirePermission } from '../ui/RequirePermission';
import { TableScroll } from '../ui/TableScroll';
import { hasPermission, useMe } from '../ui/session';
import { usePagedList } from '../ui/use-filtered-list';
import { MEASURES_PATH, usePolicyAreas } from './policy-queries';

export function MeasuresPage() {
  return (
    <RequirePermission permission="records.read" who="posts and headquarters staff">
      <Measures />
    </RequirePermission>
  );
}

const FILTERS = ['area', 'status', 'direction', 'country'] as const;

function Measures() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? undefined]));
  const areas = usePolicyAreas();
  const { query, rows } = usePagedList<TPolicyMeasureSummary>(['policy-measures', 'list'], MEASURES_PATH, filters, { staleTime: 0 });
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  return (
    <section>
      <div className="page-heading">
        <h1>Policy measures</h1>
        <div className="page-actions">
          {hasPermission(me.data, 'records.draft') && (
            <Link to="/policy/measures/new" className="button primary">
              Record a measure
            </Link>
          )}
          <Link to="/policy/assessments" className="button">
            Assessments
          </Link>
          <Link to="/policy/map" className="button">
            Map
          </Link>
        </div>
      </div>
      <p className="muted">Host-government laws and policies, each with its status over time and its sources.</p>
      <form className="filters" aria-label="Filter policy measures" onSubmit={(event) => event.preventDefault()}>
        <label>
          Area
          <select value={filters.area ?? ''} onChange={(event) => setFilter('area', event.target.value)}>
            <option value="">All areas</option>
            {areas.data?.items.map((area) => (
              <option key={area.code} value={area.code}>
                {area.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={filters.status ?? ''} onChange={(event) => setFilter('status', event.target.value)}>
            <option value="">Any status</option>
            {POLICY_MEASURE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {POLICY_MEASURE_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Direction
          <select value={filters.direction ?? ''} onChange={(event) => setFilter('direction', event.target.value)}>
            <option value="">Any direction</option>
            {POLICY_DIRECTIONS.map((direction) => (
              <option key={direction} value={direction}>
                {POLICY_DIRECTION_LABELS[direction]}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorAlert error={query.error} action="Could not load the policy measures" />
      {query.isPending && <p>Loading policy measures…</p>}
      {query.isSuccess && rows.length === 0 && <p className="empty-state">No policy measure matches.</p>}
      {rows.length > 0 && (
        <TableScroll label="Policy measures">
          <table>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Country</th>
                <th scope="col">Area</th>
                <th scope="col">Status</th>
                <th scope="col">Direction</th>
                <th scope="col">Marking</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((measure) => (
                <tr key={measure.id}>
                  <td>
                    <Link to={`/policy/measures/${measure.id}`}>{measure.title}</Link> {measure.synthetic && <SyntheticLabel />}
                  </td>
                  <td>{measure.countryName}</td>
                  <td>{measure.areaName}</td>
                  <td>
                    {POLICY_MEASURE_STATUS_LABELS[measure.status]} since {measure.statusOn}
                  </td>
                  <td>{POLICY_DIRECTION_LABELS[measure.direction]}</td>
                  <td>
                    <MarkingTag classification={measure.classification} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <LoadMore query={query} />
    </section>
  );
}
