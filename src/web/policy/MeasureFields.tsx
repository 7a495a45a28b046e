import type { ReactNode } from 'react';
import type { TClearance } from '../../shared/identity';
import { MEASURE_TEXT_MAX, POLICY_DIRECTION_LABELS, POLICY_DIRECTIONS, type TPolicyDirection } from '../../shared/policy-measures';
import { MarkingSelect } from '../ui/ClearanceSelect';
import { Field } from '../ui/Field';
import { usePolicyAreas } from './policy-queries';

/** What a measure says of itself, as both the new and the edit form change it. */
export interface MeasureDescription {
  area: string;
  title: string;
  direction: TPolicyDirection;
  summary: string;
  classification: TClearance;
}

/**
 * The fields of a measure's description: area (open areas, and the measure's own even when
 * retired since), title, direction, marking and summary; `children` are further fields of the
 * grid (the new form's status and its date).
 */
export function MeasureFields({
  draft,
  onChange,
  errors,
  keepArea,
  children,
}: {
  draft: MeasureDescription;
  onChange: (change: Partial<MeasureDescription>) => void;
  errors: Record<string, string>;
  /** The area the measure has now, offered even when retired. */
  keepArea?: string;
  children?: ReactNode;
}) {
  const areas = usePolicyAreas();
  return (
    <>
      <div className="form-grid">
        <Field label="Area" error={errors.area}>
          {(control) => (
            <select {...control} value={draft.area} onChange={(event) => onChange({ area: event.target.value })}>
              <option value="">Choose an area</option>
              {areas.data?.items
                .filter((area) => !area.retired || area.code === keepArea)
                .map((area) => (
                  <option key={area.code} value={area.code}>
                    {area.name}
                    {area.retired ? ' (retired)' : ''}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label="Title" error={errors.title} hint="The law or policy as the government names it">
          {(control) => (
            <input {...control} value={draft.title} maxLength={MEASURE_TEXT_MAX.title} onChange={(event) => onChange({ title: event.target.value })} />
          )}
        </Field>
        {children}
        <Field label="Direction" error={errors.direction}>
          {(control) => (
            <select {...control} value={draft.direction} onChange={(event) => onChange({ direction: event.target.value as TPolicyDirection })}>
              {POLICY_DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {POLICY_DIRECTION_LABELS[direction]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Marking" error={errors.classification} hint="At or below your clearance">
          {(control) => <MarkingSelect {...control} value={draft.classification} onChange={(classification) => onChange({ classification })} />}
        </Field>
      </div>
      <Field label="Summary" error={errors.summary} count={{ length: draft.summary.length, max: MEASURE_TEXT_MAX.summary }}>
        {(control) => <textarea {...control} rows={4} value={draft.summary} onChange={(event) => onChange({ summary: event.target.value })} />}
      </Field>
    </>
  );
}
