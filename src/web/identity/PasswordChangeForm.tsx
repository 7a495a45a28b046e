import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, type TPasswordChanged } from '../../shared/identity';
import { apiSend, fieldErrors } from '../ui/api';
import { Field } from '../ui/Field';
import { FormProblem } from '../ui/FormProblem';
import { SESSIONS_KEY } from './SessionsPanel';
import { TOKENS_KEY } from './TokensPanel';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a successful change did, in words. */
function changedNotice({ otherSessionsEnded, tokensRevoked }: TPasswordChanged): string {
  const sessions =
    otherSessionsEnded > 0 ? `${plural(otherSessionsEnded, 'other session was', 'other sessions were')} signed out` : 'you had no other sessions';
  const tokens = tokensRevoked > 0 ? `; ${plural(tokensRevoked, 'API token was', 'API tokens were')} revoked` : '';
  return `Password changed. You stay signed in here; ${sessions}${tokens}.`;
}

/** The signed-in user changes their own password; the current one is asked for first. */
export function PasswordChangeForm() {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState<TPasswordChanged | null>(null);
  const change = useMutation({
    mutationFn: () => apiSend<TPasswordChanged>('POST', '/api/v1/me/password', { currentPassword: current, newPassword: next }),
    onSuccess: (result) => {
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(result);
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    // A typing slip in the new password would lock the user out: checked here, before anything is sent.
    if (next !== confirm) {
      change.reset();
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate();
  };
  const errors = fieldErrors(change.error);

  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <FormProblem error={change.error} fields={['currentPassword', 'newPassword']} action="Could not change the password" />
      {done && (
        <p className="notice" role="status">
          {changedNotice(done)}
        </p>
      )}
      <Field label="Current password" error={errors.currentPassword}>
        {(control) => (
          <input {...control} type="password" autoComplete="current-password" value={current} onChange={(event) => setCurrent(event.target.value)} />
        )}
      </Field>
      <Field
        label="New password"
        error={errors.newPassword}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters; not a common password, and not built from your email`}
      >
        {(control) => <input {...control} type="password" autoComplete="new-password" value={next} onChange={(event) => setNext(event.target.value)} />}
      </Field>
      <Field label="Confirm new password" error={mismatch ? 'does not match the new password' : undefined}>
        {(control) => <input {...control} type="password" autoComplete="new-password" value={confirm} onChange={(event) => setConfirm(event.target.value)} />}
      </Field>
      <p className="muted small">Changing it signs out your other sessions and revokes your API tokens; this session stays signed in.</p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={change.isPending || current === '' || next === '' || confirm === ''}>
          Change password
        </button>
      </div>
    </form>
  );
}
