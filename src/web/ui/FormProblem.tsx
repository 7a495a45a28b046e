import { useEffect, useRef } from 'react';
import { ApiError, errorMessage, fieldErrors } from './api';

interface Props {
  error: unknown;
  /** Fields the form shows its own errors beside; a field also covers the fields under it (`tags` covers `tags.1`). */
  fields: readonly string[];
  /** What failed, e.g. "Could not create the user". */
  action: string;
}

/**
 * The summary of a failed form submission: a pointer to the fields marked beside them, and
 * any error the form has no field for, in the server's words. Each new failure moves the focus
 * to it, so a keyboard or screen-reader user starts from what went wrong (WCAG 3.3.1).
 */
export function FormProblem({ error, fields, action }: Props) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) summary.current?.focus();
  }, [error]);
  if (!error) return null;
  const byField = fieldErrors(error);
  const covered = (field: string) => fields.some((name) => field === name || field.startsWith(`${name}.`));
  const shown = Object.keys(byField).filter(covered);
  const others = Object.entries(byField).filter(([field]) => !covered(field));
  if (error instanceof ApiError && error.problem.errors?.length) {
    return (
      <div className="form-problem" role="alert" tabIndex={-1} ref={summary}>
        {shown.length > 0 && <p>Check the fields marked below.</p>}
        {others.map(([field, message]) => (
          <p key={field}>
            {field} {message}
          </p>
        ))}
      </div>
    );
  }
  return (
    <div className="form-problem" role="alert" tabIndex={-1} ref={summary}>
      <p>
        {action}: {errorMessage(error)}
      </p>
    </div>
  );
}
