import { useMutation } from '@tanstack/react-query';
import type { TUser } from '../../shared/identity';
import { apiSend } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';

/** Disable (signing the user out everywhere) or enable a user, as the user's allowed actions permit. */
export function UserStatusControl({ user, onSaved }: { user: TUser; onSaved: (user: TUser) => void }) {
  const toggle = useMutation({
    mutationFn: (disabled: boolean) => apiSend<TUser>('PATCH', `/api/v1/users/${encodeURIComponent(user.id)}`, { disabled }),
    onSuccess: onSaved,
  });
  return (
    <section className="panel" aria-labelledby="user-status-heading">
      <h2 id="user-status-heading">Status</h2>
      <ErrorAlert error={toggle.error} action="Could not change the status" />
      {user.allowedActions.includes('disable') && (
        <>
          <p>Active. Disabling {user.name} signs them out everywhere; they cannot sign in again until enabled.</p>
          <button type="button" className="danger" disabled={toggle.isPending} onClick={() => toggle.mutate(true)}>
            Disable user
          </button>
        </>
      )}
      {user.allowedActions.includes('enable') && (
        <>
          <p>Disabled: {user.name} cannot sign in or use API tokens.</p>
          <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate(false)}>
            Enable user
          </button>
        </>
      )}
    </section>
  );
}
