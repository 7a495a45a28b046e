import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { RequirePermission } from '../ui/RequirePermission';
import { TableScroll } from '../ui/TableScroll';
import { PolicyMap } from './PolicyMap';
import { scoreText } from './policy-labels';
import { useAssessmentMap, useAssessmentTimeline, usePolicyAreas } from './policy-queries';
import { ScoreTimeline } from './ScoreTimeline';

export function PolicyMapPage() {
  return (
    <RequirePermission permission="records.read" who="posts and headquarters staff">
      <PolicyMapView />
    </RequirePermission>
  );
}

function PolicyMapView() {
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? '';
  const country = params.get('country') ?? '';
  const areas = usePolicyAreas();
  const map = useAssessmentMap(area);
  const timeline = useAssessmentTimeline(country);
  const areaName = area ? (areas.data?.items.find((item) => item.code === area)?.name ?? area) : 'Overall';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const flagged = map.data?.items.filter((item) => item.flagged) ?? [];

  return (
    <section>
      <div className="page-heading">
        <h1>Assessments by country</h1>
        <div className="page-actions">
          <Link to="/policy/assessments" className="button">
            Assessments
          </Link>
          <Link to="/policy/measures" className="button">
            Policy measures
          </Link>
        </div>
      </div>
      <p className="muted">The latest approved assessment of each country you may see: the overall score (the mean of the areas scored) or one area’s.</p>
      <label className="inline-label">
        Score shown
        <select value={area} onChange={(event) => set('area', event.target.value)}>
          <option value="">Overall</option>
          {areas.data?.items.map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      <ErrorAlert error={map.error} action="Could not load the map" />
      {map.data && (
        <>
          <PolicyMap map={map.data} areaName={areaName} onCountry={(alpha2) => set('country', alpha2)} />
          <p aria-live="polite" data-testid="flagged-countries">
            {flagged.length === 0 ? 'No country flagged.' : `Flagged: ${flagged.map((item) => item.countryName).join(', ')}.`}
          </p>
          <TableScroll label="Latest approved scores by country">
            <table>
              <thead>
                <tr>
                  <th scope="col">Country</th>
                  <th scope="col">Period</th>
                  <th scope="col">{areaName} score</th>
                  <th scope="col">Flag</th>
                  <th scope="col">Timeline</th>
                </tr>
              </thead>
              <tbody>
                {map.data.items.map((item) => (
                  <tr key={item.country}>
                    <th scope="row">
                      <Link to={`/policy/assessments/${item.assessmentId}`}>{item.countryName}</Link>
                    </th>
                    <td>{item.period}</td>
                    <td>{scoreText(item.score)}</td>
                    <td>{item.flagged ? 'Flagged' : '—'}</td>
                    <td>
                      <button type="button" onClick={() => set('country', item.country)} aria-pressed={country === item.country}>
                        Timeline of {item.countryName}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      {country && (
        <section aria-label="Timeline">
          <h2>Timeline of {timeline.data?.countryName ?? country}</h2>
          <ErrorAlert error={timeline.error} action="Could not load the timeline" />
          {timeline.data && <ScoreTimeline timeline={timeline.data} areas={areas.data?.items ?? []} />}
        </section>
      )}
    </section>
  );
}
