import { useEffect, useRef, useState } from 'react';
import type { TAgreementStage, TAgreementSummary } from '../../shared/agreements';
import { STAGE_NOTE_MAX } from '../../shared/agreements';
import { fieldErrors } from '../ui/api';
import { Field } from '../ui/Field';
import { FormProblem } from '../ui/FormProblem';
import { agreementName, stageText } from './agreement-labels';
import type { StageMoveRequest } from './agreement-queries';

interface Props {
  agreement: TAgreementSummary;
  to: TAgreementStage;
  pending: boolean;
  error: unknown;
  onConfirm: (move: StageMoveRequest) => void;
  onCancel: () => void;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Asks before a card dropped on another column moves: the move is recorded in the agreement's
 * history and the audit trail, with the day and an optional note. It takes the focus when it
 * appears, so a keyboard user lands on it right after the drop.
 */
export function MoveConfirm({ agreement, to, pending, error, onConfirm, onCancel }: Props) {
  const [note, setNote] = useState('');
  const [on, setOn] = useState(today);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const errors = fieldErrors(error);
  return (
    <form
      className="panel move-confirm"
      aria-labelledby="move-confirm-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm({ id: agreement.id, stage: to, note, on });
      }}
    >
      <h2 id="move-confirm-heading" tabIndex={-1} ref={heading}>
        Move {agreementName(agreement)} from {stageText(agreement.stage)} to {stageText(to)}?
      </h2>
      <p className="muted small">The move is kept in the agreement’s history with the day, your note and your name.</p>
      <FormProblem error={error} fields={['note', 'on']} action="Could not move the agreement" />
      <div className="form-grid">
        <Field label="Day of the change" error={errors.on} hint="Not in the future, nor before the previous change">
          {(control) => <input {...control} type="date" value={on} max={today()} onChange={(event) => setOn(event.target.value)} />}
        </Field>
        <Field label="Note (optional)" error={errors.note} count={{ length: note.length, max: STAGE_NOTE_MAX }}>
          {(control) => <textarea {...control} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Moving…' : `Move to ${stageText(to)}`}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
