import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TCoverage } from '../../shared/engagements';
import { useDirective } from '../directives/directive-queries';
import { ApiError, apiGet } from '../ui/api';
import { EChart } from '../ui/EChart';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TableScroll } from '../ui/TableScroll';
import { useCountriesByCode } from './country-queries';
import { COVERAGE_COLOR, deliveryText, percent, RECEPTION_NAME, RECEPTIONS, receptionCounts, receptionText, type TCoveragePoint } from './coverage-figures';
import { ReceptionByCountry } from './ReceptionByCountry';

/** Per talking point: the share of applicable posts that delivered it, and how those posts' hosts received it. */
export function CoveragePanel({ directiveId }: { directiveId: string }) {
  const coverage = useQuery({
    queryKey: ['coverage', directiveId],
    queryFn: () => apiGet<TCoverage>(`/api/v1/directives/${encodeURIComponent(directiveId)}/coverage`),
  });
  // The same query as the directive page's, so it comes from the cache.
  const directive = useDirective(directiveId);
  const countries = useCountriesByCode();
  const points = coverage.data?.points ?? [];
  const option = useMemo(() => coverageOption(points), [points]);
  const actionCountries = useMemo(() => [...new Set((directive.data?.actionPosts ?? []).map((post) => post.country))], [directive.data]);
  const seesPosts = points.some((point) => point.applicablePosts > 0 || point.deliveredPosts > 0);
  const anyDelivered = points.some((point) => point.deliveredPosts > 0);

  return (
    <section className="panel" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Coverage of the talking points</h2>
      <p className="muted small">
        Every figure counts <strong>posts</strong>, each once per point. <strong>Applicable posts</strong>: action posts the point applies to, among those you
        may see. <strong>Delivered</strong>: those with an approved engagement you may see that records the point as delivered, as a share of the applicable
        posts. <strong>Reception</strong>: how the host received it at the post's latest approved delivery, as the post reported it, as a share of the posts
        that delivered it.
      </p>
      {coverage.isPending && <p>Loading coverage…</p>}
      {coverage.isError &&
        (coverage.error instanceof ApiError && (coverage.error.status === 403 || coverage.error.status === 404) ? (
          <p className="muted">Coverage is not available to you for this directive.</p>
        ) : (
          <ErrorAlert error={coverage.error} action="Could not load the coverage" />
        ))}
      {coverage.isSuccess && !seesPosts && (
        <p className="empty-state">No talking point of this directive applies to a post you may see, so there is no coverage to show you.</p>
      )}
      {seesPosts && (
        <>
          {!anyDelivered && <p className="empty-state">No post has delivered a talking point yet in an approved engagement you may see.</p>}
          <EChart
            option={option}
            className="coverage-chart"
            height={chartHeight(points.length)}
            label={`Bar chart of the share of applicable posts that delivered each of ${points.length} talking points, and of their reception; the table below has the numbers`}
            testId="coverage-chart"
          />
          <CoverageTable points={points} />
          <ReceptionByCountry
            points={points}
            actionCountries={actionCountries}
            countries={countries.data}
            talkingPoints={directive.data?.talkingPoints ?? []}
          />
        </>
      )}
    </section>
  );
}

function CoverageTable({ points }: { points: TCoveragePoint[] }) {
  return (
    <TableScroll label="Coverage by talking point">
      <table className="data-table coverage-table" aria-label="Coverage by talking point">
        <thead>
          <tr>
            <th scope="col">Point</th>
            <th scope="col">Delivered, of applicable posts</th>
            {RECEPTIONS.map((reception) => (
              <th key={reception} scope="col" className="num">
                {RECEPTION_NAME[reception]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((point) => {
            const counts = receptionCounts(point.deliveredPosts, point.reception);
            return (
              <tr key={point.talkingPointId}>
                <td className="point-cell" title={point.text}>
                  <span className="point-number">{point.number}.</span> {point.text}
                </td>
                <td className="delivery-share">{deliveryText(point)}</td>
                {RECEPTIONS.map((reception) => (
                  <td key={reception} className="num">
                    {receptionText(counts[reception], point.deliveredPosts)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

const chartHeight = (count: number) => 70 + 30 * count;

interface BarDatum {
  value: number | null;
  label: string;
}

/** Two panels side by side, one row per point: the share delivered (0–100%), and the reception mix of those that delivered it. */
function coverageOption(points: TCoveragePoint[]) {
  const categories = points.map((point) => `Point ${point.number}`);
  const delivered: BarDatum[] = points.map((point) => ({
    // A bar of no length, so that its label can say that the point applies to none of the posts.
    value: percent(point.deliveredPosts, point.applicablePosts) ?? 0,
    label:
      point.applicablePosts === 0
        ? deliveryText(point)
        : `${point.deliveredPosts} of ${point.applicablePosts} (${percent(point.deliveredPosts, point.applicablePosts)}%)`,
  }));
  const reception = RECEPTIONS.map((key) => ({
    name: RECEPTION_NAME[key],
    type: 'bar',
    stack: 'reception',
    xAxisIndex: 1,
    yAxisIndex: 1,
    barWidth: 16,
    itemStyle: { color: COVERAGE_COLOR[key] },
    data: points.map((point) => {
      const count = receptionCounts(point.deliveredPosts, point.reception)[key];
      return { value: percent(count, point.deliveredPosts), label: `${count} of ${point.deliveredPosts} posts that delivered it` };
    }),
  }));
  const percentAxis = (gridIndex: number, name: string) => ({
    type: 'value',
    gridIndex,
    min: 0,
    max: 100,
    interval: 25,
    name,
    nameLocation: 'middle',
    nameGap: 24,
    axisLabel: { formatter: '{value}%' },
  });
  const pointAxis = (gridIndex: number, show: boolean) => ({
    type: 'category',
    gridIndex,
    data: categories,
    inverse: true,
    axisTick: { show: false },
    axisLabel: { show },
  });
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (item: { seriesName: string; name: string; data: BarDatum }) => `${item.name}, ${item.seriesName}: ${item.data.label}`,
    },
    legend: { top: 0, right: 8, data: RECEPTIONS.map((key) => RECEPTION_NAME[key]), selectedMode: false },
    grid: [
      { left: 70, width: '36%', top: 30, bottom: 40 },
      { right: 24, width: '36%', top: 30, bottom: 40 },
    ],
    xAxis: [percentAxis(0, 'Delivered, % of applicable posts'), percentAxis(1, 'Reception, % of posts that delivered it')],
    yAxis: [pointAxis(0, true), pointAxis(1, false)],
    series: [
      {
        name: 'Delivered',
        type: 'bar',
        barWidth: 16,
        itemStyle: { color: COVERAGE_COLOR.delivered },
        // The count and its denominator beside each bar, so the percentage is never read alone.
        label: { show: true, position: 'right', formatter: (item: { data: BarDatum }) => item.data.label, color: '#1b1f24', fontSize: 11 },
        data: delivered,
      },
      ...reception,
      {
        // Where nobody delivered the point there is no mix to draw: say so on the row instead.
        name: 'No delivery',
        type: 'bar',
        stack: 'reception',
        xAxisIndex: 1,
        yAxisIndex: 1,
        silent: true,
        tooltip: { show: false },
        itemStyle: { color: 'transparent' },
        label: { show: true, position: 'insideLeft', color: '#5c6670', fontSize: 11, formatter: (item: { data: BarDatum }) => item.data.label },
        data: points.map((point) =>
          point.deliveredPosts === 0 ? { value: 0, label: point.applicablePosts === 0 ? '—' : 'not delivered yet' } : { value: null, label: '' },
        ),
      },
    ],
  };
}
