import { LineChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import type { TAssessmentTimeline } from '../../shared/assessments';
import type { TPolicyArea } from '../../shared/policy-measures';
import { EChart } from '../ui/EChart';
import { TableScroll } from '../ui/TableScroll';
import { scoreText } from './policy-labels';

echarts.use([LineChart]);

/** A country's approved scores over periods: the overall score and each area's, as a chart and a table. */
export function ScoreTimeline({ timeline, areas }: { timeline: TAssessmentTimeline; areas: TPolicyArea[] }) {
  const scored = areas.filter((area) => timeline.items.some((item) => item.scores[area.code] !== undefined));
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 20, top: 20, bottom: 60 },
      xAxis: {
        type: 'category',
        data: timeline.items.map((item) => `${item.period}${timeline.items.filter((i) => i.period === item.period).length > 1 ? ` (${item.post})` : ''}`),
      },
      yAxis: { type: 'value', min: -2, max: 2, interval: 1 },
      series: [
        { name: 'Overall', type: 'line', data: timeline.items.map((item) => item.overall), lineStyle: { width: 3 } },
        ...scored.map((area) => ({ name: area.name, type: 'line', data: timeline.items.map((item) => item.scores[area.code] ?? null), connectNulls: false })),
      ],
    }),
    [timeline, scored],
  );
  if (timeline.items.length === 0) return <p className="muted">No approved assessment of {timeline.countryName} you may see.</p>;
  return (
    <>
      <EChart
        option={option}
        className="reception-map-chart"
        label={`Scores of ${timeline.countryName} over periods; the table below has the same figures`}
        testId="policy-timeline"
      />
      <TableScroll label={`Scores of ${timeline.countryName} over periods`}>
        <table>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Overall</th>
              {scored.map((area) => (
                <th scope="col" key={area.code}>
                  {area.name}
                </th>
              ))}
              <th scope="col">Flag</th>
            </tr>
          </thead>
          <tbody>
            {timeline.items.map((item) => (
              <tr key={item.assessmentId}>
                <th scope="row">
                  {item.period} <span className="muted small">({item.post})</span>
                </th>
                <td>{scoreText(item.overall)}</td>
                {scored.map((area) => (
                  <td key={area.code}>{item.scores[area.code] === undefined ? '—' : scoreText(item.scores[area.code])}</td>
                ))}
                <td>{item.flagged ? 'Flagged' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
