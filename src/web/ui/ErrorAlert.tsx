import { errorMessage } from './api';

/** A failed request, said in the server's words. */
export function ErrorAlert({ error, action }: { error: unknown; action?: string }) {
  if (!error) return null;
  return (
    <p role="alert">
      {action ? `${action}: ` : ''}
      {errorMessage(error)}
    </p>
  );
}
