import { useMemo } from 'react';
import type { TCadenceReport } from '../../shared/engagements';
import { EChart } from '../ui/EChart';

/** Approved engagements per post and week, as a heatmap with the same numbers in a table. */
export function CadenceHeatmap({ heatmap }: { heatmap: TCadenceReport['heatmap'] }) {
  const { weeks, posts, counts } = heatmap;
  const max = Math.max(1, ...counts.flat());
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: {
        position: 'top',
        formatter: (item: { value: [number, number, number] }) =>
          `${posts[item.value[1]] ?? ''}, week of ${weeks[item.value[0]] ?? ''}: ${item.value[2]} engagement${item.value[2] === 1 ? '' : 's'}`,
      },
      grid: { left: 110, right: 20, top: 44, bottom: 90 },
      xAxis: {
        type: 'category',
        data: weeks,
        splitArea: { show: true },
        axisLabel: { rotate: 45 },
        name: 'Week starting (Monday)',
        nameLocation: 'middle',
        nameGap: 70,
      },
      yAxis: { type: 'category', data: posts, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        right: 20,
        top: 4,
        itemHeight: 100,
        text: [`${max} per week`, '0'],
        inRange: { color: ['#f2f5f8', '#9ec1e0', '#1f4e79'] },
      },
      series: [
        {
          type: 'heatmap',
          name: 'Approved engagements',
          data: posts.flatMap((_, postIndex) => weeks.map((__, weekIndex) => [weekIndex, postIndex, counts[postIndex]?.[weekIndex] ?? 0])),
          label: { show: true, formatter: (item: { value: [number, number, number] }) => (item.value[2] ? String(item.value[2]) : '') },
        },
      ],
    }),
    [weeks, posts, counts, max],
  );

  if (posts.length === 0 || weeks.length === 0) {
    return <p className="muted">No approved engagements in these weeks.</p>;
  }
  const height = Math.max(200, posts.length * 28 + 150);
  return (
    <>
      <EChart
        option={option}
        className="cadence-heatmap"
        height={height}
        label={`Heatmap of approved engagements for ${posts.length} posts over ${weeks.length} weeks; the table below has the numbers`}
        testId="cadence-heatmap"
      />
      <details>
        <summary>The heatmap’s numbers as a table</summary>
        <div className="table-scroll">
          <table className="data-table heatmap-table" aria-label="Approved engagements per week">
            <thead>
              <tr>
                <th scope="col">Post</th>
                {weeks.map((week) => (
                  <th key={week} scope="col" className="num">
                    {week}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {posts.map((post, postIndex) => (
                <tr key={post}>
                  <th scope="row">{post}</th>
                  {weeks.map((week, weekIndex) => (
                    <td key={week} className="num">
                      {counts[postIndex]?.[weekIndex] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
