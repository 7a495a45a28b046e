import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ROLE_LABEL, ROLES, type TUser } from '../../shared/identity';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FilterForm, LoadMore } from '../ui/FilterForm';
import { usePagedList, useSearchFilters } from '../ui/use-filtered-list';
import { RequirePermission } from '../ui/RequirePermission';
import { UserCreateForm } from './UserCreateForm';
import { clearanceText, formatDate } from '../ui/format';

const FILTERS = ['role', 'q', 'disabled'] as const;

export function UsersPage() {
  return (
    <RequirePermission permission="users.manage">
      <Users />
    </RequirePermission>
  );
}

function Users() {
  const queryClient = useQueryClient();
  const search = useSearchFilters(FILTERS);
  const { filters, filtered } = search;
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TUser | null>(null);

  const { query: users, rows } = usePagedList<TUser>(['users'], '/api/v1/users', filters);

  return (
    <section>
      <div className="page-heading">
        <h1>Users</h1>
        {!creating && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setCreating(true);
              setCreated(null);
            }}
          >
            New user
          </button>
        )}
      </div>

      {created && (
        <p className="notice" role="status">
          User <Link to={`/admin/users/${created.id}`}>{created.name}</Link> ({created.email}) was created. Give them their initial password by a separate
          channel.
        </p>
      )}
      {creating && (
        <UserCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            setCreated(user);
            void queryClient.invalidateQueries({ queryKey: ['users'] });
          }}
        />
      )}

      <FilterForm label="Filter users" filters={search}>
        <label>
          Role
          <select name="role" defaultValue={filters.role}>
            <option value="">Any role</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABEL[role]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Name or email
          <input name="q" type="search" defaultValue={filters.q} />
        </label>
        <label>
          Status
          <select name="disabled" defaultValue={filters.disabled}>
            <option value="">Active and disabled</option>
            <option value="false">Active only</option>
            <option value="true">Disabled only</option>
          </select>
        </label>
      </FilterForm>

      <ErrorAlert error={users.error} action="Could not load the users" />
      {users.isPending && <p>Loading users…</p>}
      {users.isSuccess && rows.length === 0 && (
        <p>{filtered ? 'No user matches these filters. Clear the filters to see everyone.' : 'There are no users yet. Create one with “New user”.'}</p>
      )}
      {rows.length > 0 && (
        <table className="data-table" aria-label="Users">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Post or bureau</th>
              <th scope="col">Clearance</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((user) => (
              <tr key={user.id} className={user.disabled ? 'row-disabled' : undefined}>
                <td>{user.allowedActions.includes('update') ? <Link to={`/admin/users/${user.id}`}>{user.name}</Link> : user.name}</td>
                <td>{user.email}</td>
                <td>{ROLE_LABEL[user.role]}</td>
                <td>{user.post ? <code>{user.post}</code> : (user.role === 'bureau_analyst' && user.bureau) || '—'}</td>
                <td>{clearanceText(user.clearance)}</td>
                <td>{user.disabled ? 'Disabled' : 'Active'}</td>
                <td>{formatDate(user.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore query={users} />
    </section>
  );
}
