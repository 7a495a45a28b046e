import { CREDIBILITY_LABELS, RELIABILITIES, SOURCE_TYPES, type TReliability, type TSourceType } from '../../shared/sources';
import { Field } from '../ui/Field';
import { credibilityText, RELIABILITY_HINT, reliabilityText, SOURCE_TYPE_LABEL } from '../incidents/incident-labels';

export interface PolicySourceDraft {
  url: string;
  outlet: string;
  publishedOn: string;
  language: string;
  type: TSourceType;
  reliability: TReliability;
  credibility: string;
}

export const emptyPolicySource = (): PolicySourceDraft => ({
  url: '',
  outlet: '',
  publishedOn: '',
  language: 'en',
  type: 'official',
  reliability: 'B',
  credibility: '2',
});

/** The body the API takes for a source. */
export const sourceBody = (source: PolicySourceDraft) => ({ ...source, publishedOn: source.publishedOn || null, credibility: Number(source.credibility) });

/** One source of a policy measure: the gazette, a ministry's release, a court or a report. */
export function PolicySourceFields({
  source,
  onChange,
  errors,
}: {
  source: PolicySourceDraft;
  onChange: (change: Partial<PolicySourceDraft>) => void;
  errors: Record<string, string | undefined>;
}) {
  return (
    <div className="form-grid source-fields">
      <Field label="Source address (URL)" error={errors.url} hint="e.g. https://example.org/gazette">
        {(control) => <input {...control} type="url" value={source.url} onChange={(event) => onChange({ url: event.target.value })} />}
      </Field>
      <Field label="Outlet or institution" error={errors.outlet}>
        {(control) => <input {...control} value={source.outlet} maxLength={300} onChange={(event) => onChange({ outlet: event.target.value })} />}
      </Field>
      <Field label="Published on" error={errors.publishedOn} hint="Leave empty if not known">
        {(control) => <input {...control} type="date" value={source.publishedOn} onChange={(event) => onChange({ publishedOn: event.target.value })} />}
      </Field>
      <Field label="Language" error={errors.language} hint="Two letters: en, de, fr…">
        {(control) => <input {...control} value={source.language} maxLength={2} onChange={(event) => onChange({ language: event.target.value })} />}
      </Field>
      <Field label="Type of source" error={errors.type}>
        {(control) => (
          <select {...control} value={source.type} onChange={(event) => onChange({ type: event.target.value as TSourceType })}>
            {SOURCE_TYPES.map((type) => (
              <option key={type} value={type}>
                {SOURCE_TYPE_LABEL[type]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Reliability of the source" error={errors.reliability} hint={RELIABILITY_HINT}>
        {(control) => (
          <select {...control} value={source.reliability} onChange={(event) => onChange({ reliability: event.target.value as TReliability })}>
            {RELIABILITIES.map((reliability) => (
              <option key={reliability} value={reliability}>
                {reliabilityText(reliability)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Credibility of the information" error={errors.credibility}>
        {(control) => (
          <select {...control} value={source.credibility} onChange={(event) => onChange({ credibility: event.target.value })}>
            {Object.keys(CREDIBILITY_LABELS).map((credibility) => (
              <option key={credibility} value={credibility}>
                {credibilityText(Number(credibility))}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
