import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage, fieldErrors } from '../ui/api';
import { Field } from '../ui/Field';
import { Footer } from '../ui/AppShell';
import { safeNext, signIn, useMe } from '../ui/session';

function retryAfterText(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

function signInFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfterSeconds ? ` Try again in ${retryAfterText(error.retryAfterSeconds)}.` : ' Try again later.';
    return `Too many failed attempts to sign in.${wait}`;
  }
  return errorMessage(error);
}

export function SignInPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const mutation = useMutation({
    mutationFn: () => signIn(queryClient, { email, password }),
    onSuccess: () => void navigate(next, { replace: true }),
    onError: () => setPassword(''),
  });

  if (me.data && !mutation.isPending) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const fields = fieldErrors(mutation.error);

  return (
    <div className="sign-in-layout">
      <main className="sign-in">
        <p className="sign-in-brand">Demarche</p>
        <h1>Sign in</h1>
        {next !== '/' && <p className="muted">Sign in to continue to the page you asked for.</p>}
        <form onSubmit={onSubmit} noValidate>
          <Field label="Email" error={fields.email}>
            {(control) => (
              <input {...control} type="email" name="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} />
            )}
          </Field>
          <Field label="Password" error={fields.password}>
            {(control) => (
              <input
                {...control}
                type="password"
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
          {mutation.isError && !fields.email && !fields.password && <p role="alert">{signInFailure(mutation.error)}</p>}
          <button type="submit" className="primary" disabled={mutation.isPending}>
            {mutation.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="muted">Accounts are created by an administrator. Forgot your password? Ask an administrator to reset it.</p>
      </main>
      <Footer />
    </div>
  );
}
