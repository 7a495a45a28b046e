import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TActiveSession } from '../../shared/identity';
import type { TPage } from '../../shared/pagination';
import { apiGet, apiSend, setCsrfToken } from '../ui/api';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { TableScroll } from '../ui/TableScroll';

export const SESSIONS_KEY = ['me', 'sessions'] as const;

/** The user's own active sessions: where and when each signed in, and a way to end any of them. */
export function SessionsPanel() {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: () => apiGet<TPage<TActiveSession>>('/api/v1/me/sessions', { limit: 500 }) });
  const revoke = useMutation({
    mutationFn: (session: TActiveSession) => apiSend<void>('DELETE', `/api/v1/me/sessions/${encodeURIComponent(session.id)}`),
    onSuccess: (_, session) => {
      if (session.current) {
        // This device is signed out: start afresh at the sign-in page, as Sign out does.
        setCsrfToken(null);
        window.location.replace('/sign-in');
        return;
      }
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });

  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <p className="muted">
        Where you are signed in now. A session ends after 30 idle minutes, or 12 hours after signing in. Revoke one you do not recognise, then change your
        password.
      </p>
      <ErrorAlert error={revoke.error} action="Could not revoke the session" />
      <ErrorAlert error={sessions.error} action="Could not load your sessions" />
      {sessions.data && (
        <TableScroll label="Active sessions, scrollable">
          <table className="data-table" aria-label="Active sessions">
            <thead>
              <tr>
                <th scope="col">Signed in</th>
                <th scope="col">Last active</th>
                <th scope="col">Address</th>
                <th scope="col">Browser</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.items.map((session) => (
                <tr key={session.id}>
                  <td>
                    {formatDateTime(session.signedInAt)}
                    {session.current && <span className="badge this-device">This device</span>}
                  </td>
                  <td>{formatDateTime(session.lastSeenAt)}</td>
                  <td>{session.address ?? 'unknown'}</td>
                  <td className="user-agent">{session.userAgent || 'not told'}</td>
                  <td>
                    <ConfirmButton
                      label="Revoke"
                      question={session.current ? 'This is the device you are using: revoking it signs you out here.' : 'Sign this session out now?'}
                      confirmLabel={session.current ? 'Revoke and sign out' : 'Revoke session'}
                      danger
                      pending={revoke.isPending}
                      onConfirm={() => revoke.mutate(session)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
