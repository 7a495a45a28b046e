import { useEffect, useRef, useState, type FormEvent } from 'react';
import { GEO_PRECISIONS, LEGAL_STATUSES, PLACE_NAME_MAX, TIME_PRECISIONS, type TLegalStatus } from '../../shared/incidents';
import { useCountriesByCode } from '../cadence/country-queries';
import { fieldErrors } from '../ui/api';
import { MarkingSelect } from '../ui/ClearanceSelect';
import { Field } from '../ui/Field';
import { FormProblem } from '../ui/FormProblem';
import { errorsUnder } from '../ui/lists';
import { DuplicateHints } from './DuplicateHints';
import { emptySource, type IncidentDraft, type SourceDraft } from './incident-draft';
import { GEO_PRECISION_LABEL, legalStatusText, TIME_PRECISION_LABEL } from './incident-labels';
import { useIncidentCategories } from './incident-queries';
import { SearchPicker } from '../ui/SearchPicker';
import { SourceFields } from './SourceFields';
import { SummaryGuardField } from './SummaryGuardField';
import { locateSpans, problemSpans, useIncidentCheck } from './use-incident-check';

const FIELDS = [
  'post',
  'country',
  'placeName',
  'latitude',
  'longitude',
  'geoPrecision',
  'occurredOn',
  'timePrecision',
  'category',
  'summary',
  'killed',
  'injured',
  'humanRightsRelevant',
  'classification',
  'allowedNames',
  'synthetic',
  'sources',
  'legalStatus',
] as const;

interface Props {
  /** Creating asks for the sources and the legal status; an edit changes them on the incident's page. */
  mode: 'create' | 'edit';
  /** The incident being edited, left out of its own duplicate candidates. */
  incidentId?: string;
  initial: IncidentDraft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: IncidentDraft) => void;
  onCancel: () => void;
}

/** An incident: where and when, what happened (checked for personal identifiers as it is typed), its sources and legal status. */
export function IncidentForm({ mode, incidentId, initial, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const set = (change: Partial<IncidentDraft>) => setDraft((current) => ({ ...current, ...change }));
  const errors = fieldErrors(error);
  const countries = useCountriesByCode();
  const categories = useIncidentCategories();
  const problemBox = useRef<HTMLDivElement>(null);

  // After a failed save, the summary of what failed takes the focus (and is read out).
  useEffect(() => {
    if (error) problemBox.current?.focus();
  }, [error]);

  const check = useIncidentCheck({
    country: draft.country,
    occurredOn: draft.occurredOn,
    summary: draft.summary,
    placeName: draft.placeName,
    allowedNames: draft.allowedNames,
    exclude: incidentId,
  });
  const allSpans = [...check.identifiers, ...problemSpans(error)];
  const summarySpans = locateSpans(draft.summary, 'summary', allSpans, draft.allowedNames);
  const placeSpans = locateSpans(draft.placeName, 'placeName', allSpans, draft.allowedNames);

  const countryItems = [...(countries.data?.values() ?? [])]
    .map((country) => ({ id: country.alpha2, name: country.name, detail: country.alpha2 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const categoryItems = (categories.data?.items ?? [])
    .filter((category) => !category.retired || category.code === draft.category)
    .map((category) => ({ id: category.code, name: category.name }));
  const categoryHint = categories.data?.items.find((category) => category.code === draft.category)?.description;

  const setSource = (key: string, change: Partial<SourceDraft>) =>
    setDraft((current) => ({ ...current, sources: current.sources.map((source) => (source.key === key ? { ...source, ...change } : source)) }));
  const removeSource = (index: number) =>
    setDraft((current) => ({
      ...current,
      sources: current.sources.filter((_, at) => at !== index),
      // The legal status's source is a row number: keep it on the same row, or drop it with its row.
      legalSource:
        current.legalSource === ''
          ? ''
          : Number(current.legalSource) === index
            ? ''
            : Number(current.legalSource) > index
              ? String(Number(current.legalSource) - 1)
              : current.legalSource,
    }));
  const allow = (name: string) => set({ allowedNames: [...new Set([...draft.allowedNames, name.trim()])] });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <form className="panel incident-form" onSubmit={submit} noValidate aria-label="Incident">
      <div ref={problemBox} tabIndex={-1} className="problem-focus">
        <FormProblem error={error} fields={FIELDS} action="Could not save the incident" />
      </div>

      <fieldset className="subform">
        <legend>Where</legend>
        <div className="form-grid">
          <SearchPicker
            label="Country"
            items={countryItems}
            loading={countries.isPending}
            value={draft.country}
            onChange={(country) => set({ country })}
            placeholder="Type to search"
            description="Where it happened; by default the post’s country"
            error={errors.country}
          />
          <Field
            label="Place"
            error={placeSpans.length ? `contains a personal identifier (“${placeSpans[0]?.text}”)` : errors.placeName}
            hint="Town, district or area"
          >
            {(control) => (
              <input {...control} value={draft.placeName} maxLength={PLACE_NAME_MAX} onChange={(event) => set({ placeName: event.target.value })} />
            )}
          </Field>
          <Field label="Precision of the place" error={errors.geoPrecision}>
            {(control) => (
              <select {...control} value={draft.geoPrecision} onChange={(event) => set({ geoPrecision: event.target.value as IncidentDraft['geoPrecision'] })}>
                {GEO_PRECISIONS.map((precision) => (
                  <option key={precision} value={precision}>
                    {GEO_PRECISION_LABEL[precision]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="coordinates">
          <legend>Coordinates (optional: both or neither)</legend>
          <div className="form-grid">
            <Field label="Latitude" error={errors.latitude} hint="Degrees, −90 to 90, e.g. 52.52">
              {(control) => <input {...control} inputMode="decimal" value={draft.latitude} onChange={(event) => set({ latitude: event.target.value })} />}
            </Field>
            <Field label="Longitude" error={errors.longitude} hint="Degrees, −180 to 180, e.g. 13.40">
              {(control) => <input {...control} inputMode="decimal" value={draft.longitude} onChange={(event) => set({ longitude: event.target.value })} />}
            </Field>
          </div>
        </fieldset>
      </fieldset>

      <fieldset className="subform">
        <legend>When</legend>
        <div className="form-grid">
          <Field label="Date" error={errors.occurredOn} hint="For a week, its Monday; for a month, its first day">
            {(control) => <input {...control} type="date" value={draft.occurredOn} onChange={(event) => set({ occurredOn: event.target.value })} />}
          </Field>
          <Field label="Precision of the date" error={errors.timePrecision}>
            {(control) => (
              <select
                {...control}
                value={draft.timePrecision}
                onChange={(event) => set({ timePrecision: event.target.value as IncidentDraft['timePrecision'] })}
              >
                {TIME_PRECISIONS.map((precision) => (
                  <option key={precision} value={precision}>
                    {TIME_PRECISION_LABEL[precision]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="subform">
        <legend>What happened</legend>
        <SearchPicker
          label="Category"
          items={categoryItems}
          loading={categories.isPending}
          value={draft.category}
          onChange={(category) => set({ category })}
          placeholder="Type to search"
          description={categoryHint}
          error={errors.category}
        />
        <SummaryGuardField
          value={draft.summary}
          onChange={(summary) => set({ summary })}
          spans={summarySpans}
          checking={check.checking}
          allowedNames={draft.allowedNames}
          onAllow={allow}
          onRemoveAllowed={(name) => set({ allowedNames: draft.allowedNames.filter((other) => other !== name) })}
          error={errors.summary ?? errors.allowedNames}
        />
        <DuplicateHints candidates={check.duplicates} />
        <div className="form-grid">
          <Field label="Killed" error={errors.killed} hint="Leave empty when no source gives a number">
            {(control) => <input {...control} inputMode="numeric" value={draft.killed} onChange={(event) => set({ killed: event.target.value })} />}
          </Field>
          <Field label="Injured" error={errors.injured} hint="Leave empty when no source gives a number">
            {(control) => <input {...control} inputMode="numeric" value={draft.injured} onChange={(event) => set({ injured: event.target.value })} />}
          </Field>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={draft.humanRightsRelevant} onChange={(event) => set({ humanRightsRelevant: event.target.checked })} /> Relevant to
          human rights reporting
        </label>
      </fieldset>

      {mode === 'create' && (
        <fieldset className="subform">
          <legend>Sources</legend>
          <p className="field-hint">At least one: an unsourced claim cannot be verified. Each source says what it states of the suspect.</p>
          {errors.sources && (
            <p className="field-error" role="alert">
              Sources {errors.sources}
            </p>
          )}
          {draft.sources.map((source, index) => (
            <fieldset key={source.key} className="source-row" aria-label={`Source ${index + 1}`}>
              <legend>Source {index + 1}</legend>
              <SourceFields
                source={source}
                onChange={(change) => setSource(source.key, change)}
                errors={Object.fromEntries(
                  ['url', 'outlet', 'publishedOn', 'language', 'type', 'reliability', 'credibility', 'suspectStatus'].map((name) => [
                    name,
                    errorsUnder(errors, `sources.${index}.${name}`),
                  ]),
                )}
              />
              {draft.sources.length > 1 && (
                <button type="button" className="link danger" onClick={() => removeSource(index)}>
                  Remove source {index + 1}
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" onClick={() => set({ sources: [...draft.sources, emptySource()] })}>
            Add another source
          </button>
        </fieldset>
      )}

      {mode === 'create' && (
        <fieldset className="subform">
          <legend>Legal status when filed</legend>
          <div className="form-grid">
            <Field label="Legal status" error={errorsUnder(errors, 'legalStatus.status')}>
              {(control) => (
                <select {...control} value={draft.legalStatus} onChange={(event) => set({ legalStatus: event.target.value as TLegalStatus })}>
                  {LEGAL_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {legalStatusText(status)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="In effect since" error={errorsUnder(errors, 'legalStatus.effectiveOn')} hint="Empty: the date of the incident">
              {(control) => (
                <input {...control} type="date" value={draft.legalEffectiveOn} onChange={(event) => set({ legalEffectiveOn: event.target.value })} />
              )}
            </Field>
            <Field label="Stated by" error={errorsUnder(errors, 'legalStatus.source')}>
              {(control) => (
                <select {...control} value={draft.legalSource} onChange={(event) => set({ legalSource: event.target.value })}>
                  <option value="">No particular source</option>
                  {draft.sources.map((source, index) => (
                    <option key={source.key} value={String(index)}>
                      Source {index + 1}
                      {source.outlet ? `: ${source.outlet}` : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
      )}

      <div className="form-grid">
        <Field label="Classification" error={errors.classification}>
          {(control) => <MarkingSelect {...control} value={draft.classification} onChange={(classification) => set({ classification })} />}
        </Field>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={draft.synthetic} onChange={(event) => set({ synthetic: event.target.checked })} /> Synthetic demo data (not a real
        event)
      </label>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
