import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { POINTS_DELIVERED_MEANING, pointsDelivered, submitGaps, type TEngagement } from '../../shared/engagements';
import { refreshInbox } from '../inbox/inbox-queries';
import { ConfirmButton } from '../ui/ConfirmButton';
import { apiSend } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FollowUpList } from './FollowUpList';
import { MarkingBanner, SyntheticLabel } from '../ui/Marking';
import { ReadoutComparison } from './ReadoutComparison';
import { ActivityTimeline, activityKey } from '../workflow/ActivityTimeline';
import { RETURN_REASON_MAX } from '../../shared/workflow';
import { StatusBadge } from '../ui/StatusBadge';
import { engagementKey, useEngagement } from './engagement-queries';
import { formatDateTime } from '../ui/format';
import { ENGAGEMENT_KIND_LABEL, ENGAGEMENT_STATUS_LABEL, formatDay, RECEPTION_LABEL } from '../ui/labels';
import { hasPermission, useMe } from '../ui/session';

type Action = 'submit' | 'approve' | 'return';

export function EngagementPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const engagement = useEngagement(id);
  const act = useMutation({
    mutationFn: ({ action, reason }: { action: Action; reason?: string }) =>
      apiSend<TEngagement>('POST', `/api/v1/engagements/${encodeURIComponent(id)}/${action}`, action === 'return' && reason ? { reason } : undefined),
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'allowedActions' in result) queryClient.setQueryData(engagementKey(id), result);
      void queryClient.invalidateQueries({ queryKey: engagementKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['engagements'] });
      void queryClient.invalidateQueries({ queryKey: ['cadence'] });
      void queryClient.invalidateQueries({ queryKey: ['coverage'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      void queryClient.invalidateQueries({ queryKey: activityKey(`/api/v1/engagements/${id}`) });
      refreshInbox(queryClient);
    },
  });

  if (engagement.isPending) return <p>Loading the engagement…</p>;
  if (engagement.isError) {
    return (
      <section>
        <h1>Engagement</h1>
        <ErrorAlert error={engagement.error} action="Could not load the engagement" />
        <p>
          Back to <Link to="/engagements">all engagements</Link>.
        </p>
      </section>
    );
  }
  const e = engagement.data;
  const can = (action: string) => e.allowedActions.includes(action);
  const figure = pointsDelivered(e);
  const unrecorded = e.pointsApplicable - e.points.length;
  const gaps = submitGaps(e);
  const directiveRef = new Map(e.directives.map((directive) => [directive.id, directive.reference]));

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/engagements">Engagements</Link> ›
      </p>
      <div className="page-heading">
        <h1>
          {ENGAGEMENT_KIND_LABEL[e.kind]} at {e.postName}, {formatDateTime(e.occurredAt)}{' '}
          <StatusBadge status={e.status} label={ENGAGEMENT_STATUS_LABEL[e.status]} />
        </h1>
        <div className="page-actions">
          {can('update') && (
            <Link to={`/engagements/${e.id}/edit`} className="button">
              Edit
            </Link>
          )}
          {can('submit') && gaps.length === 0 && (
            <ConfirmButton
              label="Submit for approval"
              question={`Submit it for approval? An approver at ${e.postName} reads it; until it is returned, nobody can change it.`}
              confirmLabel="Submit now"
              primary
              pending={act.isPending}
              onConfirm={() => act.mutate({ action: 'submit' })}
            />
          )}
          {can('approve') && (
            <ConfirmButton
              label="Approve"
              question={`Approve this engagement drafted by ${e.draftedBy.name}? An approved engagement can never change again, and it counts for its directives' cadence.`}
              confirmLabel="Approve now"
              primary
              pending={act.isPending}
              onConfirm={() => act.mutate({ action: 'approve' })}
            />
          )}
          {can('return') && (
            <ReturnControl
              drafter={e.draftedBy.name}
              pending={act.isPending}
              onReturn={(reason, done) => act.mutate({ action: 'return', reason }, { onSuccess: done })}
            />
          )}
        </div>
      </div>
      <ErrorAlert error={act.error} action="Could not change the engagement" />
      {e.returned && (
        <div className="returned-notice" role="status" aria-label="Returned to draft">
          <p>
            <strong>
              Returned by {e.returned.by?.name ?? 'an approver'} on {formatDateTime(e.returned.at)}:
            </strong>
          </p>
          <blockquote className="return-reason">{e.returned.reason}</blockquote>
          {can('update') && <p className="small">Change the draft as asked, then submit it again.</p>}
        </div>
      )}
      {e.status === 'draft' && can('submit') && gaps.length === 0 && (
        <p className="notice">Draft: submit it when it is complete; an approver at {e.postName} then approves it.</p>
      )}
      {e.status === 'draft' && can('submit') && gaps.length > 0 && (
        <div className="notice" role="status" aria-label="Not ready to submit">
          <p>Draft: it cannot be submitted yet, because</p>
          <ul>
            {gaps.map((gap) => (
              <li key={gap}>{gap}.</li>
            ))}
          </ul>
          {can('update') && <p className="small">Edit it to add what is missing.</p>}
        </div>
      )}
      {e.status === 'submitted' && !can('approve') && (
        <p className="notice">
          Submitted {formatDateTime(e.submittedAt)}: waiting for an approver at {e.postName} other than the drafter.
        </p>
      )}

      <article className="record" aria-label="Engagement record">
        <MarkingBanner classification={e.classification} />
        {e.synthetic && (
          <p className="synthetic-note">
            <SyntheticLabel /> Made for demonstration: not a real engagement.
          </p>
        )}
        <dl className="details">
          <dt>Post</dt>
          <dd>
            {e.postName}{' '}
            <span className="muted small">
              ({e.post}, {e.country})
            </span>
          </dd>
          <dt>When</dt>
          <dd>{formatDateTime(e.occurredAt)}</dd>
          <dt>Kind</dt>
          <dd>{ENGAGEMENT_KIND_LABEL[e.kind]}</dd>
          <dt>Directives</dt>
          <dd>
            {e.directives.length === 0
              ? '—'
              : e.directives.map((directive, index) => (
                  <span key={directive.id}>
                    {index > 0 && ', '}
                    <Link to={`/directives/${directive.id}`}>{directive.reference}</Link> {directive.subject}
                  </span>
                ))}
          </dd>
          <dt>Contacts</dt>
          <dd>{e.contacts.map((contact) => `${contact.name}, ${contact.title}, ${contact.organization}`).join('; ') || '—'}</dd>
          <dt>Officers</dt>
          <dd>{e.officers.map((officer) => officer.name).join(', ') || '—'}</dd>
          <dt>Drafted by</dt>
          <dd>{e.draftedBy.name}</dd>
          {e.submittedAt && (
            <>
              <dt>Submitted</dt>
              <dd>{formatDateTime(e.submittedAt)}</dd>
            </>
          )}
          {e.approvedBy && (
            <>
              <dt>Approved by</dt>
              <dd>
                {e.approvedBy.name}, {formatDateTime(e.approvedAt)}
              </dd>
            </>
          )}
        </dl>

        <h2>Talking points {figure.text !== '—' && <span className="count">({figure.text} delivered)</span>}</h2>
        <p className="small muted">
          Points delivered: {POINTS_DELIVERED_MEANING}.
          {unrecorded > 0 && ` ${unrecorded === 1 ? 'One of them is' : `${unrecorded} of them are`} not recorded here: counted as not delivered.`}
        </p>
        {e.points.length === 0 ? (
          <p className="muted">No talking points recorded.</p>
        ) : (
          <table className="data-table" aria-label="Talking points delivered">
            <thead>
              <tr>
                <th scope="col">Point</th>
                <th scope="col">Delivered</th>
                <th scope="col">Reception</th>
              </tr>
            </thead>
            <tbody>
              {e.points.map((point) => (
                <tr key={point.talkingPointId} className={point.delivered ? 'row-delivered' : 'row-not-delivered'}>
                  <td>
                    {e.directives.length > 1 && <span className="muted small">{directiveRef.get(point.directiveId)} </span>}
                    <span className="point-number">{point.number}.</span> {point.text}
                  </td>
                  <td>{point.delivered ? 'Delivered' : 'Not delivered'}</td>
                  <td>{point.reception ? <span className={`reception reception-${point.reception}`}>{RECEPTION_LABEL[point.reception]}</span> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h2>Commitments</h2>
        <p className="prose">{e.commitments || <span className="muted">None recorded.</span>}</p>
        <h2>Our readout</h2>
        <p className="prose">{e.ourReadout || <span className="muted">Not written yet.</span>}</p>
        <h2>Counterpart’s account</h2>
        {e.counterpartAccount ? (
          <>
            <p className="prose">{e.counterpartAccount}</p>
            <p className="small muted">
              {e.counterpartSourceUrl && (
                <>
                  Source:{' '}
                  <a href={e.counterpartSourceUrl} rel="noreferrer noopener" target="_blank">
                    {e.counterpartSourceUrl}
                  </a>
                  .{' '}
                </>
              )}
              {e.counterpartDate && <>Published {formatDay(e.counterpartDate)}.</>}
            </p>
          </>
        ) : (
          <p className="muted">None recorded.</p>
        )}

        <FollowUpList engagement={e} canToggle={hasPermission(me.data, 'records.draft')} />
        <MarkingBanner classification={e.classification} />
      </article>

      <ReadoutComparison engagementId={e.id} />
      <ActivityTimeline recordPath={`/api/v1/engagements/${e.id}`} canComment={can('comment')} fieldLabels={FIELD_LABEL} />
    </section>
  );
}

/** Sends a submitted engagement back to its drafter, with the reason they will read (required). */
function ReturnControl({ drafter, pending, onReturn }: { drafter: string; pending: boolean; onReturn: (reason: string, done: () => void) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" disabled={pending} onClick={() => setOpen(true)}>
        Return to drafter
      </button>
    );
  }
  return (
    <form
      className="confirm"
      aria-label="Return to drafter"
      onSubmit={(event) => {
        event.preventDefault();
        // Closed only once returned: a failure keeps the reason typed.
        onReturn(reason.trim(), () => setOpen(false));
      }}
    >
      <label className="inline-label">
        What should {drafter} change?
        <textarea value={reason} maxLength={RETURN_REASON_MAX} rows={2} required onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="submit" disabled={pending || reason.trim() === ''}>
        Return now
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}

/** Field names of the engagement contract, as the form labels them, for the timeline. */
const FIELD_LABEL: Record<string, string> = {
  occurredAt: 'date and time',
  kind: 'kind',
  classification: 'classification',
  directives: 'directives',
  contacts: 'contacts',
  officers: 'officers',
  points: 'talking points',
  commitments: 'commitments',
  ourReadout: 'our readout',
  counterpartAccount: 'counterpart’s account',
  counterpartSourceUrl: 'counterpart’s source',
  counterpartDate: 'counterpart’s date',
  followUps: 'follow-ups',
  synthetic: 'synthetic label',
};
