import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, type TUser, type TUserCreate } from '../../shared/identity';
import { apiSend, fieldErrors } from '../ui/api';
import { FormProblem } from '../ui/FormProblem';
import { Field } from '../ui/Field';
import { scopeFor, UserAccessFields, type UserAccess } from './UserAccessFields';

const FIELDS = ['email', 'name', 'role', 'post', 'bureau', 'clearance', 'password'] as const;
const EMPTY_ACCESS: UserAccess = { role: 'officer', post: '', bureau: '', clearance: 'U' };

/** The administrator's form for a new user; the server's field errors appear beside the fields. */
export function UserCreateForm({ onCreated, onCancel }: { onCreated: (user: TUser) => void; onCancel: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [access, setAccess] = useState<UserAccess>(EMPTY_ACCESS);

  const create = useMutation({
    mutationFn: () => {
      const { post, bureau } = scopeFor(access);
      const input: TUserCreate = { email, name, role: access.role, post, bureau: bureau as TUserCreate['bureau'], clearance: access.clearance, password };
      return apiSend<TUser>('POST', '/api/v1/users', input);
    },
    onSuccess: onCreated,
  });
  const errors = fieldErrors(create.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <form className="panel" onSubmit={onSubmit} noValidate aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">New user</h2>
      <FormProblem error={create.error} fields={FIELDS} action="Could not create the user" />
      <div className="form-grid">
        <Field label="Email" error={errors.email}>
          {(control) => <input {...control} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Name" error={errors.name}>
          {(control) => <input {...control} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <UserAccessFields value={access} onChange={setAccess} errors={errors} />
        <Field
          label="Initial password"
          error={errors.password}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters, not a common password; give it to the user by a separate channel`}
        >
          {(control) => <input {...control} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create user'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
