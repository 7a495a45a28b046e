import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { TOKEN_MAX_DAYS, type TToken, type TTokenCreated } from '../../shared/identity';
import type { TPage } from '../../shared/pagination';
import { apiGet, apiSend, fieldErrors } from '../ui/api';
import { formatDateTime } from '../ui/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Field } from '../ui/Field';
import { TableScroll } from '../ui/TableScroll';
import { NewTokenNotice } from './NewTokenNotice';

export const TOKENS_KEY = ['tokens'] as const;

function tokenStatus(token: TToken): string {
  if (token.revokedAt) return `Revoked ${formatDateTime(token.revokedAt)}`;
  if (new Date(token.expiresAt).getTime() <= Date.now()) return 'Expired';
  return 'Active';
}

/** The user's own API tokens: list, create (the secret is shown once) and revoke. */
export function TokensPanel() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: () => apiGet<TPage<TToken>>('/api/v1/tokens', { limit: 500 }) });
  const [name, setName] = useState('');
  const [days, setDays] = useState('30');
  const [created, setCreated] = useState<TTokenCreated | null>(null);

  const create = useMutation({
    mutationFn: () => apiSend<TTokenCreated>('POST', '/api/v1/tokens', { name, expiresInDays: days.trim() === '' ? Number.NaN : Number(days) }),
    onSuccess: (token) => {
      setCreated(token);
      setName('');
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiSend<void>('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    create.mutate();
  };
  const fields = fieldErrors(create.error);

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="muted">
        A token lets a script use the API as you: send it as <code>Authorization: Bearer &lt;token&gt;</code>. It can do what you can do, so keep it secret and
        revoke it when it is no longer needed.
      </p>
      {created && <NewTokenNotice token={created} onDismiss={() => setCreated(null)} />}

      <form className="inline-form" onSubmit={onCreate} noValidate aria-label="New token">
        <Field label="Token name" error={fields.name} hint="What the token is for, e.g. “weekly export script”">
          {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label="Expires in (days)" error={fields.expiresInDays} hint={`1 to ${TOKEN_MAX_DAYS}`}>
          {(control) => <input {...control} type="number" min={1} max={TOKEN_MAX_DAYS} value={days} onChange={(event) => setDays(event.target.value)} />}
        </Field>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {create.isError && !fields.name && !fields.expiresInDays && <ErrorAlert error={create.error} action="Could not create the token" />}
      <ErrorAlert error={revoke.error} action="Could not revoke the token" />

      <ErrorAlert error={tokens.error} action="Could not load your tokens" />
      {tokens.data && tokens.data.items.length === 0 && <p>You have no API tokens. Create one above when a script needs the API.</p>}
      {tokens.data && tokens.data.items.length > 0 && (
        <TableScroll label="API tokens, scrollable">
          <table className="data-table" aria-label="API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.items.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{formatDateTime(token.createdAt)}</td>
                  <td>{formatDateTime(token.expiresAt)}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'never'}</td>
                  <td>{tokenStatus(token)}</td>
                  <td>
                    {!token.revokedAt && (
                      <button
                        type="button"
                        className="link danger"
                        aria-label={`Revoke token ${token.name}`}
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(token.id)}
                      >
                        Revoke
                      </button>
                    )}
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
