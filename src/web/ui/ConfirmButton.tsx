import { useState, type ReactNode } from 'react';

interface Props {
  label: string;
  /** What happens, asked before doing it. */
  question: ReactNode;
  confirmLabel: string;
  pending: boolean;
  danger?: boolean;
  primary?: boolean;
  onConfirm: () => void;
}

/** A button for something that cannot be undone: it asks first, in the page (no browser dialog). */
export function ConfirmButton({ label, question, confirmLabel, pending, danger, primary, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const className = danger ? 'danger' : primary ? 'primary' : undefined;
  if (!asking) {
    return (
      <button type="button" className={className} disabled={pending} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <fieldset className="confirm" aria-label={label}>
      <span>{question}</span>
      <button
        type="button"
        className={className}
        disabled={pending}
        onClick={() => {
          onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </fieldset>
  );
}
