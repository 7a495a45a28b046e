import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, type TUser } from '../../shared/identity';
import { apiSend, fieldErrors } from '../ui/api';
import { Field } from '../ui/Field';
import { FormProblem } from '../ui/FormProblem';

/** Sets a new password for another user (who is signed out everywhere). */
export function PasswordResetForm({ user, onSaved }: { user: TUser; onSaved: (user: TUser) => void }) {
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const reset = useMutation({
    mutationFn: () => apiSend<TUser>('PATCH', `/api/v1/users/${encodeURIComponent(user.id)}`, { password }),
    onSuccess: (result) => {
      setPassword('');
      setDone(true);
      onSaved(result);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    reset.mutate();
  };

  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-labelledby="reset-password-heading">
      <h2 id="reset-password-heading">Reset password</h2>
      <FormProblem error={reset.error} fields={['password']} action="Could not reset the password" />
      {done && (
        <p className="notice" role="status">
          Password reset. {user.name} has been signed out; give them the new password by a separate channel.
        </p>
      )}
      <Field label="New password" error={fieldErrors(reset.error).password} hint={`At least ${PASSWORD_MIN_LENGTH} characters, not a common password`}>
        {(control) => <input {...control} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={reset.isPending || password === ''}>
          Reset password
        </button>
      </div>
    </form>
  );
}
