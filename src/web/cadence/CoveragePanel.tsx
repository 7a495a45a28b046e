import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TCoverage } from '../../shared/engagements';
import { ApiError, apiGet } from '../ui/api';
import { RECEPTION_LABEL } from '../ui/labels';
import { EChart } from '../ui/EChart';
import { ErrorAlert } from '../ui/ErrorAlert';

const COLORS = { applicable: '#c9d3de', delivered: '#1f4e79', receptive: '#2e7d4f', noncommittal: '#c99a2e', disagreed: '#b03a3a' };

/** Per talking point: how many posts delivered it of those it applies to, and how it was received. */
export function CoveragePanel({ directiveId }: { directiveId: string }) {
  const coverage = useQuery({
    queryKey: ['coverage', directiveId],
    queryFn: () => apiGet<TCoverage>(`/api/v1/directives/${encodeURIComponent(directiveId)}/coverage`),
  });
  const points = coverage.data?.points ?? [];
  const option = useMemo(() => coverageOption(coverage.data), [coverage.data]);

  return (
    <section className="panel" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Coverage of the talking points</h2>
      <p className="muted small">
        <strong>Applicable posts</strong>: action posts a point applies to, among those you can see. <strong>Delivered</strong>: posts with an approved
        engagement that records the point as delivered. <strong>Reception</strong>: how the host received it, one count per post, as the post reported it.
      </p>
      {coverage.isPending && <p>Loading coverage…</p>}
      {coverage.isError &&
        (coverage.error instanceof ApiError && (coverage.error.status === 403 || coverage.error.status === 404) ? (
          <p className="muted">Coverage is not available to you for this directive.</p>
        ) : (
          <ErrorAlert error={coverage.error} action="Could not load the coverage" />
        ))}
      {coverage.isSuccess && points.length === 0 && <p>This directive has no talking points to cover.</p>}
      {points.length > 0 && (
        <>
          <EChart
            option={option}
            className="coverage-chart"
            label={`Bar chart of coverage for ${points.length} talking points; the table below has the numbers`}
            testId="coverage-chart"
          />
          <table className="data-table" aria-label="Coverage by talking point">
            <thead>
              <tr>
                <th scope="col">Point</th>
                <th scope="col" className="num">
                  Applicable posts
                </th>
                <th scope="col" className="num">
                  Delivered
                </th>
                <th scope="col" className="num">
                  {RECEPTION_LABEL.receptive}
                </th>
                <th scope="col" className="num">
                  {RECEPTION_LABEL.noncommittal}
                </th>
                <th scope="col" className="num">
                  {RECEPTION_LABEL.disagreed}
                </th>
                <th scope="col">Countries delivered</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.talkingPointId}>
                  <td className="point-cell" title={point.text}>
                    <span className="point-number">{point.number}.</span> {point.text}
                  </td>
                  <td className="num">{point.applicablePosts}</td>
                  <td className="num">{point.deliveredPosts}</td>
                  <td className="num">{point.reception.receptive}</td>
                  <td className="num">{point.reception.noncommittal}</td>
                  <td className="num">{point.reception.disagreed}</td>
                  <td>
                    {point.byCountry
                      .filter((row) => row.delivered > 0)
                      .map((row) => `${row.country} ${row.delivered}`)
                      .join(', ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function coverageOption(coverage: TCoverage | undefined) {
  const points = coverage?.points ?? [];
  const labels = points.map((point) => `${point.number}`);
  const reception = (key: 'receptive' | 'noncommittal' | 'disagreed') => ({
    name: RECEPTION_LABEL[key],
    type: 'bar',
    stack: 'reception',
    barMaxWidth: 18,
    itemStyle: { color: COLORS[key] },
    data: points.map((point) => point.reception[key]),
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: labels, name: 'Talking point', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', name: 'Posts', minInterval: 1 },
    series: [
      { name: 'Applicable posts', type: 'bar', barMaxWidth: 18, itemStyle: { color: COLORS.applicable }, data: points.map((point) => point.applicablePosts) },
      { name: 'Delivered', type: 'bar', barMaxWidth: 18, itemStyle: { color: COLORS.delivered }, data: points.map((point) => point.deliveredPosts) },
      reception('receptive'),
      reception('noncommittal'),
      reception('disagreed'),
    ],
  };
}
