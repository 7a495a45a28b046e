import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { TUser, TUserUpdate } from '../../shared/identity';
import { apiSend, fieldErrors } from '../ui/api';
import { Field } from '../ui/Field';
import { FormProblem } from '../ui/FormProblem';
import { scopeFor, UserAccessFields, type UserAccess } from './UserAccessFields';

const FIELDS = ['name', 'role', 'post', 'bureau', 'clearance'] as const;

function accessOf(user: TUser): UserAccess {
  return {
    role: user.role,
    post: user.post ?? '',
    bureau: user.role === 'bureau_analyst' ? (user.bureau ?? '') : '',
    clearance: user.clearance,
  };
}

/** Only the fields that changed, so that the audit trail records just those. */
function changes(user: TUser, name: string, access: UserAccess): TUserUpdate {
  const before = accessOf(user);
  const update: TUserUpdate = {};
  if (name.trim() !== user.name) update.name = name;
  if (access.role !== before.role) update.role = access.role;
  const scope = scopeFor(access);
  const beforeScope = scopeFor(before);
  if (scope.post !== beforeScope.post || update.role) update.post = scope.post;
  if (scope.bureau !== beforeScope.bureau || update.role) update.bureau = scope.bureau as TUserUpdate['bureau'];
  if (access.clearance !== before.clearance) update.clearance = access.clearance;
  return update;
}

export function UserEditForm({ user, onSaved }: { user: TUser; onSaved: (user: TUser) => void }) {
  const canChangeAccess = user.allowedActions.includes('update_access');
  const [name, setName] = useState(user.name);
  const [access, setAccess] = useState<UserAccess>(() => accessOf(user));
  const [saved, setSaved] = useState(false);
  const update = changes(user, name, access);
  const changed = Object.keys(update).length > 0;

  const save = useMutation({
    mutationFn: () => apiSend<TUser>('PATCH', `/api/v1/users/${encodeURIComponent(user.id)}`, update),
    onSuccess: (result) => {
      setSaved(true);
      onSaved(result);
    },
  });
  const errors = fieldErrors(save.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (changed) save.mutate();
  };

  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-labelledby="edit-user-heading">
      <h2 id="edit-user-heading">{canChangeAccess ? 'Role and access' : 'Name'}</h2>
      <p className="muted">
        {canChangeAccess
          ? 'Changing the role, post, bureau or clearance signs the user out everywhere.'
          : 'This is your own account: another administrator changes your role, post, bureau or clearance.'}
      </p>
      <FormProblem error={save.error} fields={FIELDS} action="Could not save the changes" />
      {saved && !changed && (
        <p className="notice" role="status">
          Changes saved.
        </p>
      )}
      <div className="form-grid">
        <Field label="Name" error={errors.name}>
          {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        {canChangeAccess && <UserAccessFields value={access} onChange={setAccess} errors={errors} />}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!changed || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
