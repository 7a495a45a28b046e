import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { TClearance } from '../../shared/identity';
import {
  POLICY_MEASURE_STATUS_LABELS,
  POLICY_MEASURE_STATUSES,
  type TPolicyDirection,
  type TPolicyMeasure,
  type TPolicyMeasureStatus,
} from '../../shared/policy-measures';
import { apiSend, fieldErrors } from '../ui/api';
import { Field } from '../ui/Field';
import { FormProblem } from '../ui/FormProblem';
import { RequirePermission } from '../ui/RequirePermission';
import { MeasureFields } from './MeasureFields';
import { MEASURES_PATH } from './policy-queries';
import { emptyPolicySource, PolicySourceFields, sourceBody } from './PolicySourceFields';

export function MeasureNewPage() {
  return (
    <RequirePermission permission="records.draft" who="officers and approvers at a post">
      <MeasureForm />
    </RequirePermission>
  );
}

const FIELDS = ['area', 'title', 'status', 'statusOn', 'direction', 'summary', 'classification', 'sources', 'country', 'post'] as const;

/** A law or policy of the post's country, with its status, the date of that status, and its first source. */
function MeasureForm() {
  const navigate = useNavigate();
  const [draft, setDraft] = useState({
    area: '',
    title: '',
    status: 'proposed' as TPolicyMeasureStatus,
    statusOn: '',
    direction: 'neutral' as TPolicyDirection,
    summary: '',
    classification: 'U' as TClearance,
  });
  const [source, setSource] = useState(emptyPolicySource());
  const set = (change: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...change }));
  const save = useMutation({
    mutationFn: () =>
      apiSend<TPolicyMeasure>('POST', MEASURES_PATH, {
        ...draft,
        area: draft.area || undefined,
        statusOn: draft.statusOn || undefined,
        sources: [sourceBody(source)],
      }),
    onSuccess: (measure) => navigate(`/policy/measures/${measure.id}`),
  });
  const errors = fieldErrors(save.error);
  const sourceErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([key]) => key.startsWith('sources.0.'))
      .map(([key, value]) => [key.slice('sources.0.'.length), value]),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section>
      <h1>Record a policy measure</h1>
      <form aria-label="Policy measure" onSubmit={submit} noValidate>
        <FormProblem error={save.error} fields={FIELDS} action="Could not record the measure" />
        <MeasureFields draft={draft} onChange={set} errors={errors}>
          <Field label="Status" error={errors.status}>
            {(control) => (
              <select {...control} value={draft.status} onChange={(event) => set({ status: event.target.value as TPolicyMeasureStatus })}>
                {POLICY_MEASURE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {POLICY_MEASURE_STATUS_LABELS[status]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Status date" error={errors.statusOn} hint="When this status took effect">
            {(control) => <input {...control} type="date" value={draft.statusOn} onChange={(event) => set({ statusOn: event.target.value })} />}
          </Field>
        </MeasureFields>
        <fieldset>
          <legend>Source</legend>
          {errors.sources && (
            <p className="field-error" role="alert">
              Sources {errors.sources}
            </p>
          )}
          <PolicySourceFields source={source} onChange={(change) => setSource((current) => ({ ...current, ...change }))} errors={sourceErrors} />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Record measure'}
          </button>
          <button type="button" onClick={() => navigate('/policy/measures')}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
