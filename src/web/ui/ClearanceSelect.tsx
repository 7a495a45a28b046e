import type { SelectHTMLAttributes } from 'react';
import { CLEARANCE_LABEL, CLEARANCES, type TClearance } from '../../shared/identity';
import { useMe } from './session';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & { value: TClearance; onChange: (level: TClearance) => void };

/** A choice of marking or clearance, lowest first, each with its name; with `upTo`, none above it. */
export function ClearanceSelect({ value, onChange, upTo, ...control }: Props & { upTo?: TClearance }) {
  const highest = upTo ? CLEARANCES.indexOf(upTo) : CLEARANCES.length - 1;
  // A value above the limit (never one the user chose) stays shown rather than silently changed.
  const levels = CLEARANCES.filter((level, index) => index <= highest || level === value);
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value as TClearance)}>
      {levels.map((level) => (
        <option key={level} value={level}>
          {level} — {CLEARANCE_LABEL[level]}
        </option>
      ))}
    </select>
  );
}

/**
 * The marking of a record the signed-in user writes: only markings at or below their
 * clearance are offered, since the server refuses the others ("must be at or below your
 * clearance") and the user could not read the record afterwards.
 */
export function MarkingSelect(props: Props) {
  const me = useMe();
  return <ClearanceSelect {...props} upTo={me.data?.user.clearance ?? 'U'} />;
}
