import { useState } from 'react';
import { Link } from 'react-router';
import type { TIncident } from '../../shared/incidents';
import { RETURN_REASON_MAX } from '../../shared/workflow';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useIncidentWrite } from './incident-queries';

/** The workflow buttons the server allows this reader on this incident, and nothing else. */
export function IncidentActions({ incident }: { incident: TIncident }) {
  const act = useIncidentWrite(incident.id);
  const can = (action: string) => incident.allowedActions.includes(action);
  const run = (path: string, body?: unknown, done?: () => void) => act.mutate({ path, body }, { onSuccess: () => done?.() });
  return (
    <>
      <div className="page-actions">
        {can('update') && (
          <Link to={`/incidents/${incident.id}/edit`} className="button">
            Edit
          </Link>
        )}
        {can('submit') && (
          <ConfirmButton
            label="Submit for verification"
            question={`Submit it for verification? A second person at ${incident.postName} checks it against its sources; until it is returned, it cannot be edited.`}
            confirmLabel="Submit now"
            primary
            pending={act.isPending}
            onConfirm={() => run('/submit')}
          />
        )}
        {can('verify') && (
          <ConfirmButton
            label="Verify"
            question="Verify this incident? You confirm that its sources support it as written, its legal status included."
            confirmLabel="Verify now"
            primary
            pending={act.isPending}
            onConfirm={() => run('/verify')}
          />
        )}
        {can('return') && (
          <ReasonControl
            label="Return to drafter"
            question={`What should ${incident.draftedBy.name} change?`}
            confirmLabel="Return now"
            pending={act.isPending}
            onSend={(reason, done) => run('/return', { reason }, done)}
          />
        )}
        {can('reject') && (
          <ReasonControl
            label="Reject"
            question="Why is it rejected? The drafter reads this; a rejected incident is frozen: nobody can change it or submit it again."
            confirmLabel="Reject now"
            danger
            pending={act.isPending}
            onSend={(reason, done) => run('/reject', { reason }, done)}
          />
        )}
      </div>
      <ErrorAlert error={act.error} action="Could not change the incident" />
    </>
  );
}

interface ReasonProps {
  label: string;
  question: string;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  onSend: (reason: string, done: () => void) => void;
}

/** A workflow step that needs a reason the drafter will read (return, reject). */
function ReasonControl({ label, question, confirmLabel, danger, pending, onSend }: ReasonProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" className={danger ? 'danger' : undefined} disabled={pending} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <form
      className="confirm"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        // Closed only once done: a failure keeps the reason typed.
        onSend(reason.trim(), () => setOpen(false));
      }}
    >
      <label className="inline-label">
        {question}
        <textarea value={reason} maxLength={RETURN_REASON_MAX} rows={2} required onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="submit" className={danger ? 'danger' : undefined} disabled={pending || reason.trim() === ''}>
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
