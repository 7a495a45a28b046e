import { useState } from 'react';
import { RETURN_REASON_MAX } from '../../shared/workflow';

interface Props {
  label: string;
  question: string;
  confirmLabel: string;
  pending: boolean;
  onSend: (reason: string, done: () => void) => void;
}

/** A workflow step that needs a reason the drafter will read (a return). */
export function ReasonControl({ label, question, confirmLabel, pending, onSend }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) {
    return (
      <button type="button" disabled={pending} onClick={() => setOpen(true)}>
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
        onSend(reason.trim(), () => setOpen(false));
      }}
    >
      <label className="inline-label">
        {question}
        <textarea value={reason} maxLength={RETURN_REASON_MAX} rows={2} required onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="submit" disabled={pending || reason.trim() === ''}>
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
