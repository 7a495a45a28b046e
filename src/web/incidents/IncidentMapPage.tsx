import { Link } from 'react-router';
import type { TIncidentMap } from '../../shared/incidents';
import { ErrorAlert } from '../ui/ErrorAlert';
import { RequirePermission } from '../ui/RequirePermission';
import { useMe } from '../ui/session';
import { exportHref, useIncidentFilters } from './incident-filters';
import { GEO_PRECISION_LABEL, legalStatusText } from './incident-labels';
import { useIncidentMap } from './incident-queries';
import { IncidentFilters } from './IncidentFilters';
import { IncidentMapChart, legalMix } from './IncidentMapChart';
import { MonthRangeSlider } from './MonthRangeSlider';
import { TableScroll } from '../ui/TableScroll';

/** What the map is, said wherever it is shown. */
const MAP_LABEL: TIncidentMap['label'] = 'Reported incidents, not a crime rate';

export function IncidentMapPage() {
  return (
    <RequirePermission permission="records.read" who="posts and headquarters staff">
      <IncidentMap />
    </RequirePermission>
  );
}

function IncidentMap() {
  const me = useMe();
  const filters = useIncidentFilters();
  const map = useIncidentMap(filters.query, !filters.rangeProblem);
  const points = [...(map.data?.points ?? [])].sort((a, b) => b.count - a.count || a.placeName.localeCompare(b.placeName));
  const total = points.reduce((sum, point) => sum + point.count, 0);

  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/incidents${filters.formKey ? `?${filters.formKey}` : ''}`}>Incidents</Link> ›
      </p>
      <h1>Map of incidents</h1>
      <IncidentFilters filters={filters} showPost={!me.data?.user.post} label="Filter the map" />
      <MonthRangeSlider
        key={`${filters.query.from ?? ''}|${filters.query.to ?? ''}`}
        from={filters.query.from ?? ''}
        to={filters.query.to ?? ''}
        onChange={(from, to) => filters.apply({ ...filters.draft, from, to })}
      />

      <figure className="incident-map">
        <figcaption className="incident-map-caption">
          <strong>{map.data?.label ?? MAP_LABEL}</strong>
          <span className="small">
            {' '}
            — what was reported to or found by our posts, which depends on what is reported and by whom. A circle’s area grows with the number of incidents at
            the place; hover or tap it for their legal statuses.
          </span>
        </figcaption>
        <ErrorAlert error={map.error} action="Could not load the map" />
        {map.isPending && !filters.rangeProblem && <p>Loading the map…</p>}
        {map.isSuccess && (
          <>
            {points.length > 0 ? <IncidentMapChart points={points} /> : <p className="empty-state">No incident with coordinates matches these filters.</p>}
            <p className="map-counts">
              {total} incident{total === 1 ? '' : 's'} at {points.length} place{points.length === 1 ? '' : 's'} on the map.{' '}
              <strong>
                {map.data.withoutCoordinates} matching incident{map.data.withoutCoordinates === 1 ? ' has' : 's have'} no coordinates
              </strong>{' '}
              and {map.data.withoutCoordinates === 1 ? 'is' : 'are'} not drawn:{' '}
              <Link to={`/incidents${filters.formKey ? `?${filters.formKey}` : ''}`}>see the list</Link>.
            </p>
          </>
        )}
      </figure>

      {points.length > 0 && (
        <TableScroll label="Places on the map">
          <table className="data-table">
            <caption>Places on the map ({MAP_LABEL.toLowerCase()})</caption>
            <thead>
              <tr>
                <th scope="col">Place</th>
                <th scope="col">Precision</th>
                <th scope="col" className="num">
                  Incidents
                </th>
                <th scope="col">By legal status</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={`${point.country}:${point.placeName}:${point.latitude}:${point.longitude}`}>
                  <td>
                    {point.placeName} ({point.country})
                  </td>
                  <td>{GEO_PRECISION_LABEL[point.geoPrecision]}</td>
                  <td className="num">{point.count}</td>
                  <td>
                    {legalMix(point)
                      .map((entry) => `${entry.count} ${legalStatusText(entry.status)}`)
                      .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="export-links">
        <a href={exportHref('geojson', filters.query)} download>
          Export GeoJSON
        </a>{' '}
        ·{' '}
        <a href={exportHref('csv', filters.query)} download>
          Export CSV
        </a>
      </p>
    </section>
  );
}
