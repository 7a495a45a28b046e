import { SUSPECT_STATUSES, type TSuspectStatus } from '../../shared/incidents';
import { CREDIBILITY_LABELS, RELIABILITIES, SOURCE_TYPES, type TReliability, type TSourceType } from '../../shared/sources';
import { Field } from '../ui/Field';
import type { SourceDraft } from './incident-draft';
import { languageText, RELIABILITY_HINT, SOURCE_LANGUAGES, SOURCE_TYPE_LABEL, reliabilityText, credibilityText, suspectStatusText } from './incident-labels';

interface Props {
  source: SourceDraft;
  onChange: (change: Partial<SourceDraft>) => void;
  /** Field errors of this source, keyed by its field name (url, outlet, …). */
  errors: Record<string, string | undefined>;
  /** Whether to ask what the source says of the suspect (incidents); other records leave it out. */
  withSuspectStatus?: boolean;
}

/** One source of an incident: where it is, who published it, how far it is trusted, and what it says of the suspect. */
export function SourceFields({ source, onChange, errors, withSuspectStatus = true }: Props) {
  const languages: string[] = SOURCE_LANGUAGES.includes(source.language as (typeof SOURCE_LANGUAGES)[number])
    ? [...SOURCE_LANGUAGES]
    : [source.language, ...SOURCE_LANGUAGES];
  return (
    <div className="form-grid source-fields">
      <Field label="Address (URL)" error={errors.url} hint="e.g. https://example.org/report">
        {(control) => <input {...control} type="url" value={source.url} onChange={(event) => onChange({ url: event.target.value })} />}
      </Field>
      <Field label="Outlet or institution" error={errors.outlet}>
        {(control) => <input {...control} value={source.outlet} maxLength={300} onChange={(event) => onChange({ outlet: event.target.value })} />}
      </Field>
      <Field label="Published on" error={errors.publishedOn} hint="Leave empty if not known">
        {(control) => <input {...control} type="date" value={source.publishedOn} onChange={(event) => onChange({ publishedOn: event.target.value })} />}
      </Field>
      <Field label="Language" error={errors.language}>
        {(control) => (
          <select {...control} value={source.language} onChange={(event) => onChange({ language: event.target.value })}>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageText(code)}
              </option>
            ))}
          </select>
        )}
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
      <Field label="Credibility of this report" error={errors.credibility} hint="How far this piece of information is believed, judged apart from the source">
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
      {withSuspectStatus && (
        <Field label="Suspect status, as this source states it" error={errors.suspectStatus} hint="Only what the source says; never nationality by guess">
          {(control) => (
            <select {...control} value={source.suspectStatus} onChange={(event) => onChange({ suspectStatus: event.target.value as TSuspectStatus })}>
              {SUSPECT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {suspectStatusText(status)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </div>
  );
}
