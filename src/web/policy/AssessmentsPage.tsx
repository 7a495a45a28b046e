import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TAssessment, TAssessmentSummary } from '../../shared/assessments';
import { apiSend, fieldErrors } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { LoadMore } from '../ui/FilterForm';
import { MarkingTag, SyntheticLabel } from '../ui/Marking';
import { RequirePermission } from '../ui/RequirePermission';
import { StatusBadge } from '../ui/StatusBadge';
import { TableScroll } from '../ui/TableScroll';
import { hasPermission, useMe } from '../ui/session';
import { usePagedList } from '../ui/use-filtered-list';
import { ASSESSMENT_STATUS_LABEL, scoreText } from './policy-labels';
import { ASSESSMENTS_PATH } from './policy-queries';

export function AssessmentsPage() {
  return (
    <RequirePermission permission="records.read" who="posts and headquarters staff">
      <Assessments />
    </RequirePermission>
  );
}

function Assessments() {
  const me = useMe();
  const { query, rows } = usePagedList<TAssessmentSummary>(['assessments', 'list'], ASSESSMENTS_PATH, {}, { staleTime: 0 });
  return (
    <section>
      <div className="page-heading">
        <h1>Assessments</h1>
        <div className="page-actions">
          <Link to="/policy/measures" className="button">
            Policy measures
          </Link>
          <Link to="/policy/map" className="button">
            Map
          </Link>
        </div>
      </div>
      <p className="muted">
        Each post’s periodic assessment of its host government: a score per policy area from −2 (most restrictive) to +2 (most open), a narrative, and the flag
        when policies unduly favor migrants at the expense of local populations, with its rationale and evidence.
      </p>
      {hasPermission(me.data, 'records.draft') && <StartAssessment />}
      <ErrorAlert error={query.error} action="Could not load the assessments" />
      {query.isPending && <p>Loading assessments…</p>}
      {query.isSuccess && rows.length === 0 && <p className="empty-state">No assessment yet.</p>}
      {rows.length > 0 && (
        <TableScroll label="Assessments">
          <table>
            <thead>
              <tr>
                <th scope="col">Country and period</th>
                <th scope="col">Post</th>
                <th scope="col">Status</th>
                <th scope="col">Overall score</th>
                <th scope="col">Flag</th>
                <th scope="col">Marking</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((assessment) => (
                <tr key={assessment.id}>
                  <td>
                    <Link to={`/policy/assessments/${assessment.id}`}>
                      {assessment.countryName}, {assessment.period}
                    </Link>{' '}
                    {assessment.synthetic && <SyntheticLabel />}
                  </td>
                  <td>{assessment.postName}</td>
                  <td>
                    <StatusBadge status={assessment.status} label={ASSESSMENT_STATUS_LABEL[assessment.status] ?? assessment.status} />
                  </td>
                  <td>{scoreText(assessment.overall)}</td>
                  <td>{assessment.flagged ? 'Flagged' : '—'}</td>
                  <td>
                    <MarkingTag classification={assessment.classification} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <LoadMore query={query} />
    </section>
  );
}

/** Starts the post's assessment for a period: a draft copied from the latest approved one, then edited. */
function StartAssessment() {
  const navigate = useNavigate();
  const [period, setPeriod] = useState('');
  const start = useMutation({
    mutationFn: () => apiSend<TAssessment>('POST', ASSESSMENTS_PATH, { period: period.trim() || undefined }),
    onSuccess: (assessment) => navigate(`/policy/assessments/${assessment.id}/edit`),
  });
  const errors = fieldErrors(start.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };
  return (
    <form aria-label="Start an assessment" className="inline-form" onSubmit={submit} noValidate>
      <Field label="Period" error={errors.period} hint="Such as 2026-Q1; leave empty for your post’s last ended period">
        {(control) => <input {...control} value={period} maxLength={7} onChange={(event) => setPeriod(event.target.value)} />}
      </Field>
      <button type="submit" className="primary" disabled={start.isPending}>
        Start an assessment
      </button>
      {!errors.period && <ErrorAlert error={start.error} action="Could not start the assessment" />}
    </form>
  );
}
