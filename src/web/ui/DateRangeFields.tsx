import { useId } from 'react';

/**
 * The From and To dates of a list filter (uncontrolled, named `from` and `to`), and why the
 * range cannot be applied when From is after To, linked to both fields.
 */
export function DateRangeFields({ from, to, problem }: { from: string; to: string; problem: string | null }) {
  const errorId = `${useId()}-range-error`;
  const invalid = { 'aria-invalid': Boolean(problem), 'aria-describedby': problem ? errorId : undefined };
  return (
    <>
      <label>
        From
        <input name="from" type="date" defaultValue={from} {...invalid} />
      </label>
      <label>
        To
        <input name="to" type="date" defaultValue={to} {...invalid} />
      </label>
      {problem && (
        <p className="field-error filter-error" id={errorId} role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
