import type { SelectHTMLAttributes } from 'react';
import { CLEARANCE_LABEL, CLEARANCES, type TClearance } from '../../shared/identity';

/** A choice of marking or clearance, lowest first, each with its name. */
export function ClearanceSelect({
  value,
  onChange,
  ...control
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & { value: TClearance; onChange: (level: TClearance) => void }) {
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value as TClearance)}>
      {CLEARANCES.map((level) => (
        <option key={level} value={level}>
          {level} — {CLEARANCE_LABEL[level]}
        </option>
      ))}
    </select>
  );
}
