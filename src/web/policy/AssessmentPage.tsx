import { Link, useParams } from 'react-router';
import { EVIDENCE_TYPE_LABELS, FLAG_STATEMENT, type TAssessment } from '../../shared/assessments';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { MarkingBanner, SyntheticLabel } from '../ui/Marking';
import { StatusBadge } from '../ui/StatusBadge';
import { TableScroll } from '../ui/TableScroll';
import { ReasonControl } from './ReasonControl';
import { ASSESSMENT_STATUS_LABEL, scoreText } from './policy-labels';
import { AssessmentChanges } from './AssessmentChanges';
import { useAssessment, useAssessmentWrite } from './policy-queries';

export function AssessmentPage() {
  const { id = '' } = useParams();
  const assessment = useAssessment(id);
  if (assessment.isPending) return <p>Loading the assessment…</p>;
  if (assessment.isError) return <ErrorAlert error={assessment.error} action="Could not load the assessment" />;
  return <Assessment assessment={assessment.data} />;
}

function Assessment({ assessment }: { assessment: TAssessment }) {
  return (
    <article>
      <MarkingBanner classification={assessment.classification} />
      <p>
        <Link to="/policy/assessments">All assessments</Link>
      </p>
      <h1>
        Assessment of {assessment.countryName}, {assessment.period}
      </h1>
      {assessment.synthetic && <SyntheticLabel />}
      <p>
        <StatusBadge status={assessment.status} label={ASSESSMENT_STATUS_LABEL[assessment.status] ?? assessment.status} /> {assessment.postName}, drafted by{' '}
        {assessment.draftedBy.name}
        {assessment.approvedBy ? `, approved by ${assessment.approvedBy.name}` : ''}
        {assessment.status === 'approved' && <span className="muted"> — approved assessments are frozen</span>}
      </p>
      {assessment.copiedFrom && (
        <p className="muted small">
          Started from a copy of <Link to={`/policy/assessments/${assessment.copiedFrom.id}`}>{assessment.copiedFrom.period}</Link>.
        </p>
      )}
      {assessment.returned && (
        <div className="notice" role="note">
          Returned by {assessment.returned.by?.name ?? 'an approver'}: “{assessment.returned.reason}”
        </div>
      )}
      <Actions assessment={assessment} />
      {assessment.flagged && (
        <section className="flag-box" aria-label="Flag">
          <h2>Flagged: {FLAG_STATEMENT.toLowerCase()}</h2>
          <p className="prose">{assessment.flagRationale}</p>
        </section>
      )}
      <h2>Scores</h2>
      <p>Overall: {scoreText(assessment.overall)}</p>
      {assessment.scores.length === 0 ? (
        <p className="muted">No area scored yet.</p>
      ) : (
        <TableScroll label="Scores by area">
          <table>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Score</th>
                <th scope="col">Justification</th>
              </tr>
            </thead>
            <tbody>
              {assessment.scores.map((score) => (
                <tr key={score.area}>
                  <th scope="row">{score.areaName}</th>
                  <td>{scoreText(score.score)}</td>
                  <td>{score.justification}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Narrative</h2>
      <p className="prose">{assessment.narrative || '—'}</p>
      <h2>Evidence</h2>
      {assessment.evidence.length === 0 ? (
        <p className="muted">No linked record you may see.</p>
      ) : (
        <ul>
          {assessment.evidence.map((link) => (
            <li key={`${link.type}:${link.id}`}>
              {EVIDENCE_TYPE_LABELS[link.type]}: {link.link ? <Link to={link.link}>{link.label}</Link> : link.label}
            </li>
          ))}
        </ul>
      )}
      <AssessmentChanges assessment={assessment} />
      <MarkingBanner classification={assessment.classification} />
    </article>
  );
}

function Actions({ assessment }: { assessment: TAssessment }) {
  const act = useAssessmentWrite(assessment.id);
  const can = (action: string) => assessment.allowedActions.includes(action as never);
  return (
    <>
      <div className="page-actions">
        {can('update') && (
          <Link to={`/policy/assessments/${assessment.id}/edit`} className="button">
            Edit
          </Link>
        )}
        {can('submit') && (
          <ConfirmButton
            label="Submit for approval"
            question={`Submit it for approval? A second person at ${assessment.postName} approves it; until it is returned, it cannot be edited.`}
            confirmLabel="Submit now"
            primary
            pending={act.isPending}
            onConfirm={() => act.mutate({ path: '/submit' })}
          />
        )}
        {can('approve') && (
          <ConfirmButton
            label="Approve"
            question="Approve this assessment? An approved assessment is frozen: it never changes again, and the next period starts from a copy of it."
            confirmLabel="Approve now"
            primary
            pending={act.isPending}
            onConfirm={() => act.mutate({ path: '/approve' })}
          />
        )}
        {can('return') && (
          <ReasonControl
            label="Return to drafter"
            question={`What should ${assessment.draftedBy.name} change?`}
            confirmLabel="Return now"
            pending={act.isPending}
            onSend={(reason, done) => act.mutate({ path: '/return', body: { reason } }, { onSuccess: done })}
          />
        )}
      </div>
      <ErrorAlert error={act.error} action="Could not change the assessment" />
    </>
  );
}
