import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  POLICY_DIRECTION_LABELS,
  POLICY_MEASURE_STATUS_LABELS,
  POLICY_MEASURE_STATUSES,
  type TPolicyMeasure,
  type TPolicyMeasureStatus,
} from '../../shared/policy-measures';
import { fieldErrors } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { MarkingBanner, SyntheticLabel } from '../ui/Marking';
import { TableScroll } from '../ui/TableScroll';
import { formatDateTime } from '../ui/format';
import { credibilityText, reliabilityText, SOURCE_TYPE_LABEL } from '../incidents/incident-labels';
import { useMeasure, useMeasureWrite } from './policy-queries';
import { emptyPolicySource, PolicySourceFields, sourceBody } from './PolicySourceFields';

export function MeasurePage() {
  const { id = '' } = useParams();
  const measure = useMeasure(id);
  if (measure.isPending) return <p>Loading the measure…</p>;
  if (measure.isError) return <ErrorAlert error={measure.error} action="Could not load the measure" />;
  return <Measure measure={measure.data} />;
}

function Measure({ measure }: { measure: TPolicyMeasure }) {
  const can = (action: string) => measure.allowedActions.includes(action as never);
  return (
    <article>
      <MarkingBanner classification={measure.classification} />
      <p>
        <Link to="/policy/measures">All policy measures</Link>
      </p>
      <h1>{measure.title}</h1>
      {measure.synthetic && <SyntheticLabel />}
      {can('update') && (
        <div className="page-actions">
          <Link to={`/policy/measures/${measure.id}/edit`} className="button">
            Edit
          </Link>
        </div>
      )}
      <dl className="facts">
        <dt>Country</dt>
        <dd>{measure.countryName}</dd>
        <dt>Recorded by</dt>
        <dd>
          {measure.postName} ({measure.createdBy.name})
        </dd>
        <dt>Area</dt>
        <dd>{measure.areaName}</dd>
        <dt>Status</dt>
        <dd>
          {POLICY_MEASURE_STATUS_LABELS[measure.status]} since {measure.statusOn}
        </dd>
        <dt>Direction</dt>
        <dd>{POLICY_DIRECTION_LABELS[measure.direction]}</dd>
      </dl>
      <h2>Summary</h2>
      <p className="prose">{measure.summary}</p>
      <h2>Status history</h2>
      <ol className="status-history">
        {measure.statusHistory.map((step) => (
          <li key={`${step.status}-${step.effectiveOn}-${step.recordedAt}`}>
            {POLICY_MEASURE_STATUS_LABELS[step.status]} on {step.effectiveOn}
            <span className="muted small">
              {' '}
              — recorded {formatDateTime(step.recordedAt)}
              {step.recordedBy ? ` by ${step.recordedBy.name}` : ''}
            </span>
          </li>
        ))}
      </ol>
      {can('set_status') && <StatusForm measure={measure} />}
      <h2>Sources</h2>
      <TableScroll label="Sources">
        <table>
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Type</th>
              <th scope="col">Reliability</th>
              <th scope="col">Credibility</th>
              {can('remove_source') && <th scope="col">Remove</th>}
            </tr>
          </thead>
          <tbody>
            {measure.sources.map((source) => (
              <tr key={source.id}>
                <td>
                  <a href={source.url} rel="noreferrer noopener" target="_blank">
                    {source.outlet}
                  </a>
                  {source.publishedOn && <span className="muted small"> ({source.publishedOn})</span>}
                </td>
                <td>{SOURCE_TYPE_LABEL[source.type]}</td>
                <td>{reliabilityText(source.reliability)}</td>
                <td>{credibilityText(source.credibility)}</td>
                {can('remove_source') && (
                  <td>
                    <RemoveSource measure={measure} sourceId={source.id} outlet={source.outlet} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {can('add_source') && <AddSource measure={measure} />}
      <MarkingBanner classification={measure.classification} />
    </article>
  );
}

function StatusForm({ measure }: { measure: TPolicyMeasure }) {
  const write = useMeasureWrite(measure.id);
  const [status, setStatus] = useState<TPolicyMeasureStatus>(measure.status);
  const [effectiveOn, setEffectiveOn] = useState('');
  const errors = fieldErrors(write.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate({ path: '/status', body: { status, effectiveOn: effectiveOn || undefined } }, { onSuccess: () => setEffectiveOn('') });
  };
  return (
    <form aria-label="Record a status change" onSubmit={submit} noValidate className="inline-form">
      <Field label="New status" error={errors.status}>
        {(control) => (
          <select {...control} value={status} onChange={(event) => setStatus(event.target.value as TPolicyMeasureStatus)}>
            {POLICY_MEASURE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {POLICY_MEASURE_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Effective on" error={errors.effectiveOn}>
        {(control) => <input {...control} type="date" value={effectiveOn} onChange={(event) => setEffectiveOn(event.target.value)} />}
      </Field>
      <button type="submit" disabled={write.isPending}>
        Record status
      </button>
      {!Object.keys(errors).length && <ErrorAlert error={write.error} action="Could not record the status" />}
    </form>
  );
}

function AddSource({ measure }: { measure: TPolicyMeasure }) {
  const write = useMeasureWrite(measure.id);
  const [source, setSource] = useState(emptyPolicySource());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate({ path: '/sources', body: sourceBody(source) }, { onSuccess: () => setSource(emptyPolicySource()) });
  };
  return (
    <form aria-label="Add a source" onSubmit={submit} noValidate>
      <h3>Add a source</h3>
      <PolicySourceFields source={source} onChange={(change) => setSource((current) => ({ ...current, ...change }))} errors={fieldErrors(write.error)} />
      <button type="submit" disabled={write.isPending}>
        Add source
      </button>
    </form>
  );
}

function RemoveSource({ measure, sourceId, outlet }: { measure: TPolicyMeasure; sourceId: string; outlet: string }) {
  const write = useMeasureWrite(measure.id);
  return (
    <>
      <button
        type="button"
        disabled={write.isPending}
        aria-label={`Remove source ${outlet}`}
        onClick={() => write.mutate({ method: 'DELETE', path: `/sources/${sourceId}` })}
      >
        Remove
      </button>
      <ErrorAlert error={write.error} action="Could not remove the source" />
    </>
  );
}
