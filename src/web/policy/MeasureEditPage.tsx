import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TPolicyMeasure } from '../../shared/policy-measures';
import { fieldErrors } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FormProblem } from '../ui/FormProblem';
import { type MeasureDescription, MeasureFields } from './MeasureFields';
import { useMeasure, useMeasureWrite } from './policy-queries';

export function MeasureEditPage() {
  const { id = '' } = useParams();
  const measure = useMeasure(id);
  if (measure.isPending) return <p>Loading the measure…</p>;
  if (measure.isError) return <ErrorAlert error={measure.error} action="Could not load the measure" />;
  return <EditMeasure measure={measure.data} />;
}

const FIELDS = ['area', 'title', 'direction', 'summary', 'classification'] as const;

/**
 * Changes what a measure says of itself: area, title, direction, summary and marking. Its
 * status moves on its own page (each step keeps its date) and its sources are added and removed
 * there. Whether the reader may edit comes from the server (`allowedActions`).
 */
function EditMeasure({ measure }: { measure: TPolicyMeasure }) {
  const navigate = useNavigate();
  const write = useMeasureWrite(measure.id);
  const [draft, setDraft] = useState<MeasureDescription>({
    area: measure.area,
    title: measure.title,
    direction: measure.direction,
    summary: measure.summary,
    classification: measure.classification,
  });
  const back = `/policy/measures/${measure.id}`;
  const heading = (
    <>
      <p className="breadcrumb">
        <Link to="/policy/measures">Policy measures</Link> › <Link to={back}>{measure.title}</Link> ›
      </p>
      <h1>Edit {measure.title}</h1>
    </>
  );
  if (!measure.allowedActions.includes('update')) {
    return (
      <section>
        {heading}
        <p className="notice" role="note">
          Only officers and approvers of {measure.postName}, which recorded the measure, change it.
        </p>
      </section>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate({ method: 'PATCH', path: '', body: draft }, { onSuccess: () => navigate(back) });
  };
  return (
    <section>
      {heading}
      <p className="muted">The status moves on the measure’s page, where each step keeps its date; so do the sources.</p>
      <form aria-label="Edit policy measure" onSubmit={submit} noValidate>
        <FormProblem error={write.error} fields={FIELDS} action="Could not save the measure" />
        <MeasureFields
          draft={draft}
          onChange={(change) => setDraft((current) => ({ ...current, ...change }))}
          errors={fieldErrors(write.error)}
          keepArea={measure.area}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={write.isPending}>
            {write.isPending ? 'Saving…' : 'Save measure'}
          </button>
          <button type="button" onClick={() => navigate(back)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
