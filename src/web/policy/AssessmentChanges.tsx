import { Link, useSearchParams } from 'react-router';
import { parsePeriod } from '../../shared/assessment-periods';
import type { TAssessment } from '../../shared/assessments';
import { POLICY_MEASURE_STATUS_LABELS } from '../../shared/policy-measures';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { TableScroll } from '../ui/TableScroll';
import { scoreText } from './policy-labels';
import { useAssessmentChanges, useAssessmentTimeline } from './policy-queries';

const startOf = (period: string) => parsePeriod(period)?.start ?? period;
const changeText = (change: number | null) => (change === null ? '—' : change > 0 ? `+${change}` : change < 0 ? `−${-change}` : 'no change');

/**
 * What moved between two periods of the assessment's country, area by area, with the measures
 * whose status changed in the later one. The reader compares any two of the country's approved
 * periods they may see (the assessment's own period among them); by default this period and the
 * assessed one before it. The choice is kept in the address (?from=&to=), so it can be shared.
 */
export function AssessmentChanges({ assessment }: { assessment: TAssessment }) {
  const [params, setParams] = useSearchParams();
  const timeline = useAssessmentTimeline(assessment.country);
  const periods = [...new Set([...(timeline.data?.items ?? []).map((item) => item.period), assessment.period])].sort((a, b) =>
    startOf(a).localeCompare(startOf(b)),
  );
  const to = params.get('to') && periods.includes(params.get('to')!) ? params.get('to')! : assessment.period;
  const chosenFrom = params.get('from') ?? '';
  const from = periods.includes(chosenFrom) && startOf(chosenFrom) < startOf(to) ? chosenFrom : '';
  const changes = useAssessmentChanges(assessment.country, to, from);
  const choose = (name: 'from' | 'to', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  return (
    <section aria-labelledby="assessment-changes">
      <h2 id="assessment-changes">What moved {changes.data?.earlier ? `from ${changes.data.earlier.period} to ${changes.data.to}` : `up to ${to}`}</h2>
      <form aria-label="Periods compared" className="inline-form" onSubmit={(event) => event.preventDefault()}>
        <Field label="Earlier period" hint="The country’s approved periods you may see">
          {(control) => (
            <select {...control} value={from} onChange={(event) => choose('from', event.target.value)}>
              <option value="">The one before the later period</option>
              {periods
                .filter((period) => startOf(period) < startOf(to))
                .map((period) => (
                  <option key={period} value={period}>
                    {period}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label="Later period">
          {(control) => (
            <select {...control} value={to} onChange={(event) => choose('to', event.target.value)}>
              {periods
                .filter((period) => !from || startOf(period) > startOf(from))
                .map((period) => (
                  <option key={period} value={period}>
                    {period}
                    {period === assessment.period ? ' (this assessment)' : ''}
                  </option>
                ))}
            </select>
          )}
        </Field>
      </form>
      <ErrorAlert error={timeline.error} action="Could not load the country’s periods" />
      {changes.isError && <ErrorAlert error={changes.error} action="Could not load what changed" />}
      {changes.data && <ChangesTable changes={changes.data} />}
    </section>
  );
}

function ChangesTable({ changes }: { changes: NonNullable<ReturnType<typeof useAssessmentChanges>['data']> }) {
  if (!changes.earlier) return <p className="muted">No earlier assessment of {changes.countryName} you may see.</p>;
  return (
    <TableScroll label="Changes by area">
      <table>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">{changes.earlier.period}</th>
            <th scope="col">{changes.to}</th>
            <th scope="col">Change</th>
            <th scope="col">Measures changed in {changes.to}</th>
          </tr>
        </thead>
        <tbody>
          {changes.areas.map((area) => (
            <tr key={area.area}>
              <th scope="row">{area.areaName}</th>
              <td>{scoreText(area.earlier)}</td>
              <td>{scoreText(area.later)}</td>
              <td>{changeText(area.change)}</td>
              <td>
                {area.measures.length === 0
                  ? '—'
                  : area.measures.map((measure) => (
                      <span key={`${measure.id}-${measure.effectiveOn}`} className="block">
                        <Link to={`/policy/measures/${measure.id}`}>{measure.title}</Link>: {POLICY_MEASURE_STATUS_LABELS[measure.status].toLowerCase()} on{' '}
                        {measure.effectiveOn}
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
