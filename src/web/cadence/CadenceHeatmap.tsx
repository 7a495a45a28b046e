import { useMemo } from 'react';
import type { TCadenceReport, TCadenceRow } from '../../shared/engagements';
import { EChart } from '../ui/EChart';
import { CADENCE_STATUS_LABEL } from '../ui/labels';

const STATUS_INDEX: Record<TCadenceRow['status'], number> = { on_time: 0, due_soon: 1, overdue: 2 };
const STATUS_COLOUR = ['#cfe8cf', '#f6dc9b', '#efb4b4'];

/**
 * Posts × weeks, grouped by bureau and named. With a directive chosen, each cell has the
 * post's status at the end of the week (colour) and the engagements that week (number);
 * otherwise the number of engagements shades the cell. The same figures are in a table.
 */
export function CadenceHeatmap({ heatmap }: { heatmap: TCadenceReport['heatmap'] }) {
  const { weeks, posts, counts, statuses } = heatmap;
  const byStatus = heatmap.directiveId !== null;
  const rowLabels = useMemo(() => posts.map((post) => `${post.bureau ?? '—'} · ${post.name}`), [posts]);
  const max = Math.max(1, ...counts.flat());
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: {
        position: 'top',
        formatter: (item: { value: [number, number, number, number] }) => {
          const [week, post, status, count] = item.value;
          const state =
            byStatus && status >= 0 ? `, ${CADENCE_STATUS_LABEL[Object.keys(STATUS_INDEX)[status] as TCadenceRow['status']]} at the week’s end` : '';
          return `${rowLabels[post] ?? ''}, week of ${weeks[week] ?? ''}: ${count} engagement${count === 1 ? '' : 's'}${state}`;
        },
      },
      grid: { left: 220, right: 20, top: 48, bottom: 90 },
      xAxis: {
        type: 'category',
        data: weeks,
        splitArea: { show: true },
        axisLabel: { rotate: 45 },
        name: 'Week starting (Monday, UTC)',
        nameLocation: 'middle',
        nameGap: 70,
      },
      // The first post (by bureau, then name) at the top.
      yAxis: { type: 'category', data: rowLabels, inverse: true, splitArea: { show: true } },
      visualMap: byStatus
        ? {
            type: 'piecewise',
            dimension: 2,
            orient: 'horizontal',
            right: 20,
            top: 4,
            pieces: [
              { value: 0, label: CADENCE_STATUS_LABEL.on_time, color: STATUS_COLOUR[0] },
              { value: 1, label: CADENCE_STATUS_LABEL.due_soon, color: STATUS_COLOUR[1] },
              { value: 2, label: CADENCE_STATUS_LABEL.overdue, color: STATUS_COLOUR[2] },
              { value: -1, label: 'Before issue', color: '#f2f5f8' },
            ],
          }
        : {
            min: 0,
            max,
            dimension: 3,
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
          data: posts.flatMap((_, p) =>
            weeks.map((__, w) => {
              const status = statuses[p]?.[w];
              return [w, p, status ? STATUS_INDEX[status] : -1, counts[p]?.[w] ?? 0];
            }),
          ),
          label: { show: true, formatter: (item: { value: [number, number, number, number] }) => (item.value[3] ? String(item.value[3]) : '') },
        },
      ],
    }),
    [weeks, rowLabels, posts, counts, statuses, max, byStatus],
  );

  if (posts.length === 0 || weeks.length === 0) {
    return <p className="muted">No action posts in your scope for these weeks.</p>;
  }
  const height = Math.max(200, posts.length * 28 + 150);
  return (
    <>
      <EChart
        option={option}
        className="cadence-heatmap"
        height={height}
        label={`Heatmap of ${posts.length} posts over ${weeks.length} weeks${byStatus ? ', coloured by status at each week’s end' : ''}; the table below has the figures`}
        testId="cadence-heatmap"
      />
      <details>
        <summary>The heatmap’s figures as a table</summary>
        <div className="table-scroll">
          <table className="data-table heatmap-table" aria-label="Approved engagements per week">
            <thead>
              <tr>
                <th scope="col">Bureau</th>
                <th scope="col">Post</th>
                {weeks.map((week) => (
                  <th key={week} scope="col" className="num">
                    {week}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {posts.map((post, p) => (
                <tr key={post.code}>
                  <td>{post.bureau ?? '—'}</td>
                  <th scope="row">{post.name}</th>
                  {weeks.map((week, w) => {
                    const status = statuses[p]?.[w];
                    return (
                      <td key={week} className={status ? `num heat-${status}` : 'num'} title={status ? CADENCE_STATUS_LABEL[status] : undefined}>
                        {counts[p]?.[w] ?? 0}
                        {status && <span className="visually-hidden"> ({CADENCE_STATUS_LABEL[status]})</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
