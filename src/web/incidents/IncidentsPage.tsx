import { Link } from 'react-router';
import type { TIncidentSummary } from '../../shared/incidents';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadMore } from '../ui/FilterForm';
import { MarkingTag, SyntheticLabel } from '../ui/Marking';
import { RequirePermission } from '../ui/RequirePermission';
import { StatusBadge } from '../ui/StatusBadge';
import { hasPermission, useMe } from '../ui/session';
import { usePagedList } from '../ui/use-filtered-list';
import { exportHref, useIncidentFilters } from './incident-filters';
import { INCIDENT_STATUS_LABEL, occurredText } from './incident-labels';
import { INCIDENTS_PATH } from './incident-queries';
import { IncidentFilters } from './IncidentFilters';
import { LegalStatusTag, ReliabilityTag } from './LegalStatusTag';
import { TableScroll } from '../ui/TableScroll';

export function IncidentsPage() {
  return (
    <RequirePermission permission="records.read" who="posts and headquarters staff">
      <Incidents />
    </RequirePermission>
  );
}

function Incidents() {
  const me = useMe();
  const filters = useIncidentFilters();
  const atPost = Boolean(me.data?.user.post);
  const { query: incidents, rows } = usePagedList<TIncidentSummary>(['incidents', 'list'], INCIDENTS_PATH, filters.query, {
    staleTime: 0,
    enabled: !filters.rangeProblem,
  });

  return (
    <section>
      <div className="page-heading">
        <h1>Incidents</h1>
        <div className="page-actions">
          {hasPermission(me.data, 'records.draft') && (
            <Link to="/incidents/new" className="button primary">
              File an incident
            </Link>
          )}
          {hasPermission(me.data, 'records.draft') && (
            <Link to="/incidents/import" className="button">
              Import incidents
            </Link>
          )}
          {hasPermission(me.data, 'records.approve') && (
            <Link to="/incidents/triage" className="button">
              Awaiting verification
            </Link>
          )}
          <Link to={`/incidents/map${filters.formKey ? `?${filters.formKey}` : ''}`} className="button">
            Map
          </Link>
        </div>
      </div>
      <p className="muted">
        Reported events, each with its sources and its legal status as the sources state it. These are reports, not a crime rate: how many are filed depends on
        what is reported and by whom.
      </p>
      <IncidentFilters filters={filters} showPost={!atPost} label="Filter incidents" />
      <p className="export-links">
        Download the filtered set:{' '}
        <a href={exportHref('csv', filters.query)} download>
          Export CSV
        </a>{' '}
        ·{' '}
        <a href={exportHref('geojson', filters.query)} download>
          Export GeoJSON
        </a>
      </p>

      <ErrorAlert error={incidents.error} action="Could not load the incidents" />
      {incidents.isPending && !filters.rangeProblem && <p>Loading incidents…</p>}
      {incidents.isSuccess && rows.length === 0 && (
        <div className="empty-state">
          <p>{filters.filtered ? 'No incident matches these filters.' : 'No incidents have been filed yet.'}</p>
          {filters.filtered && (
            <button type="button" className="link" onClick={filters.clear}>
              Clear filters
            </button>
          )}
        </div>
      )}
      {rows.length > 0 && <IncidentTable rows={rows} />}
      <LoadMore query={incidents} />
    </section>
  );
}

function IncidentTable({ rows }: { rows: TIncidentSummary[] }) {
  return (
    <TableScroll label="Incidents">
      <table className="data-table incident-table">
        <caption className="visually-hidden">Incidents, newest first: each with its legal status, verification and best source</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Place</th>
            <th scope="col">Category</th>
            <th scope="col">Legal status</th>
            <th scope="col">Verification</th>
            <th scope="col">Best source</th>
            <th scope="col">Marking</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((incident) => (
            <tr key={incident.id}>
              <td>
                <Link to={`/incidents/${incident.id}`}>{occurredText(incident.occurredOn, incident.timePrecision)}</Link>
                {incident.mergedInto && <span className="muted small"> (merged)</span>}
              </td>
              <td>
                {incident.placeName}, {incident.countryName}
                <div className="muted small">{incident.postName}</div>
              </td>
              <td>
                {incident.categoryName} {incident.synthetic && <SyntheticLabel />}
              </td>
              <td>
                <LegalStatusTag status={incident.legalStatus} />
              </td>
              <td>
                <StatusBadge status={incident.status} label={INCIDENT_STATUS_LABEL[incident.status]} />
              </td>
              <td>
                <ReliabilityTag reliability={incident.bestReliability} />
                <div className="muted small">
                  {incident.sources.length} source{incident.sources.length === 1 ? '' : 's'}
                </div>
              </td>
              <td>
                <MarkingTag classification={incident.classification} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
