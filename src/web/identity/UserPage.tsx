import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { TUser } from '../../shared/identity';
import { apiGet } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PasswordResetForm } from './PasswordResetForm';
import { RequirePermission } from '../ui/RequirePermission';
import { UserEditForm } from './UserEditForm';
import { UserStatusControl } from './UserStatusControl';
import { ME_KEY } from '../ui/session';
import { clearanceText, formatDateTime, roleAndScope } from '../ui/format';

export function UserPage() {
  return (
    <RequirePermission permission="users.manage">
      <UserDetail />
    </RequirePermission>
  );
}

function UserDetail() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const user = useQuery({ queryKey: ['user', id], queryFn: () => apiGet<TUser>(`/api/v1/users/${encodeURIComponent(id)}`) });

  const onSaved = (saved: TUser) => {
    queryClient.setQueryData(['user', id], saved);
    void queryClient.invalidateQueries({ queryKey: ['users'] });
    // The administrator may have changed their own name, shown in the header.
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  };

  if (user.isPending) return <p>Loading the user…</p>;
  if (user.isError) {
    return (
      <section>
        <h1>User</h1>
        <ErrorAlert error={user.error} action="Could not load the user" />
        <p>
          Back to <Link to="/admin/users">all users</Link>.
        </p>
      </section>
    );
  }
  const u = user.data;
  const can = (action: string) => u.allowedActions.includes(action);
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/admin/users">Users</Link> ›
      </p>
      <h1>
        {u.name} {u.disabled && <span className="badge">Disabled</span>}
      </h1>
      <dl className="details">
        <dt>Email</dt>
        <dd>{u.email}</dd>
        <dt>Role</dt>
        <dd>{roleAndScope(u)}</dd>
        <dt>Clearance</dt>
        <dd>{clearanceText(u.clearance)}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(u.createdAt)}</dd>
        <dt>Last changed</dt>
        <dd>{formatDateTime(u.updatedAt)}</dd>
      </dl>
      {(can('disable') || can('enable')) && <UserStatusControl user={u} onSaved={onSaved} />}
      {can('update') && <UserEditForm user={u} onSaved={onSaved} />}
      {can('update') && <PasswordResetForm user={u} onSaved={onSaved} />}
      {u.allowedActions.length === 0 && <p className="muted">You may not change this user.</p>}
    </section>
  );
}
