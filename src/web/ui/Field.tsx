import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  /** The server's message for this field, shown next to it. */
  error?: string | undefined;
  hint?: string;
  /** For a long text with a limit: its length now, shown as "123 of 500 characters" and read with the field. */
  count?: { length: number; max: number };
  children: (control: ControlProps) => ReactNode;
}

/** A labelled form control with its hint and its field-level error. */
export function Field({ label, error, hint, count, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const describedBy = [hint ? hintId : null, count ? countId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      {count && <CharacterCount id={countId} {...count} />}
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {label} {error}
        </span>
      )}
    </div>
  );
}

/**
 * "123 of 500 characters", counted as the server counts (UTF-16 code units, Zod's string
 * length); over the limit it says by how much. Announced politely only near and past the limit.
 */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const over = length > max;
  const near = length >= max * 0.9;
  return (
    <span className={over ? 'char-count char-count-over' : 'char-count'} id={id} aria-live={near ? 'polite' : 'off'}>
      {length.toLocaleString('en')} of {max.toLocaleString('en')} characters{over ? `: ${(length - max).toLocaleString('en')} too many` : ''}
    </span>
  );
}
