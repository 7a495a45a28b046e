import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  AGREEMENT_NOTES_MAX,
  AGREEMENT_TYPE_LABELS,
  AGREEMENT_TYPES,
  ASSISTANCE_MAX,
  PIPELINE_STAGES,
  type TAgreement,
  type TAgreementType,
} from '../../shared/agreements';
import type { TEngagementSummary } from '../../shared/engagements';
import type { TClearance } from '../../shared/identity';
import { useCountriesByCode } from '../cadence/country-queries';
import { apiGet, fieldErrors } from '../ui/api';
import { MarkingSelect } from '../ui/ClearanceSelect';
import { Field } from '../ui/Field';
import { FormProblem } from '../ui/FormProblem';
import { errorsUnder } from '../ui/lists';
import { MultiPicker } from '../ui/MultiPicker';
import { SearchPicker } from '../ui/SearchPicker';
import { formatDateTime } from '../ui/format';
import { stageText } from './agreement-labels';

/** What the form edits: text as typed; numbers are parsed when sent. */
export interface AgreementDraft {
  country: string;
  type: TAgreementType;
  stage: (typeof PIPELINE_STAGES)[number];
  stageOn: string;
  notes: string;
  annualCapacity: string;
  nationalities: string[];
  assistanceOffered: string;
  durationMonths: string;
  reviewOn: string;
  engagements: string[];
  classification: TClearance;
  synthetic: boolean;
}

export function emptyAgreement(): AgreementDraft {
  return {
    country: '',
    type: 'third_country_nationals',
    stage: 'identified',
    stageOn: new Date().toISOString().slice(0, 10),
    notes: '',
    annualCapacity: '',
    nationalities: [],
    assistanceOffered: '',
    durationMonths: '',
    reviewOn: '',
    engagements: [],
    classification: 'U',
    synthetic: false,
  };
}

export function draftOf(agreement: TAgreement): AgreementDraft {
  return {
    country: agreement.country,
    type: agreement.type,
    stage: 'identified',
    stageOn: agreement.stageOn,
    notes: agreement.notes,
    annualCapacity: agreement.annualCapacity === null ? '' : String(agreement.annualCapacity),
    nationalities: agreement.nationalities.map((country) => country.code),
    assistanceOffered: agreement.assistanceOffered,
    durationMonths: agreement.durationMonths === null ? '' : String(agreement.durationMonths),
    reviewOn: agreement.reviewOn ?? '',
    engagements: agreement.engagements.map((engagement) => engagement.id),
    classification: agreement.classification,
    synthetic: agreement.synthetic,
  };
}

/** A number as typed: empty is null; anything else goes to the server as a number or as typed, so it names the field. */
const numberOf = (text: string) => {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : (trimmed as unknown as number);
};

/** The body of a save: everything but the counterpart and the starting stage when editing. */
export function bodyOf(draft: AgreementDraft, creating: boolean) {
  const common = {
    type: draft.type,
    notes: draft.notes,
    annualCapacity: numberOf(draft.annualCapacity),
    nationalities: draft.nationalities,
    assistanceOffered: draft.assistanceOffered,
    durationMonths: numberOf(draft.durationMonths),
    reviewOn: draft.reviewOn || null,
    engagements: draft.engagements,
    classification: draft.classification,
    synthetic: draft.synthetic,
  };
  return creating ? { ...common, country: draft.country, stage: draft.stage, stageOn: draft.stageOn || undefined } : common;
}

const FIELDS = [
  'country',
  'type',
  'stage',
  'stageOn',
  'notes',
  'annualCapacity',
  'nationalities',
  'assistanceOffered',
  'durationMonths',
  'reviewOn',
  'engagements',
  'classification',
  'synthetic',
];

interface Props {
  draft: AgreementDraft;
  onChange: (draft: AgreementDraft) => void;
  creating: boolean;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
}

/** The engagements of the counterpart's posts the writer may see, to link. */
function useCountryEngagements(country: string) {
  return useQuery({
    queryKey: ['engagements', 'for-agreement', country],
    queryFn: () => apiGet<{ items: TEngagementSummary[] }>('/api/v1/engagements', { country, limit: 200 }),
    enabled: Boolean(country),
  });
}

export function AgreementForm({ draft, onChange, creating, error, pending, submitLabel, onSubmit }: Props) {
  const countries = useCountriesByCode();
  const engagements = useCountryEngagements(draft.country);
  const [touched, setTouched] = useState(false);
  const errors = fieldErrors(error);
  const set = (change: Partial<AgreementDraft>) => onChange({ ...draft, ...change });
  const countryItems = useMemo(
    () =>
      [...(countries.data?.values() ?? [])]
        .map((country) => ({ id: country.alpha2, name: country.name, detail: country.alpha2 }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [countries.data],
  );
  const engagementItems = (engagements.data?.items ?? []).map((engagement) => ({
    id: engagement.id,
    name: `${engagement.kind} at ${engagement.postName}, ${formatDateTime(engagement.occurredAt)}`,
    detail: engagement.status,
  }));
  return (
    <form
      className="record-form"
      noValidate
      aria-label={submitLabel}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        onSubmit();
      }}
    >
      <FormProblem error={error} fields={FIELDS} action="Could not save the agreement" />
      <div className="form-grid">
        {creating ? (
          <SearchPicker
            label="Counterpart country"
            items={countryItems}
            value={draft.country}
            onChange={(country) => set({ country, engagements: [] })}
            placeholder="Type part of a name or code"
            error={errors.country ?? (touched && !draft.country ? 'is required: choose a country' : undefined)}
            loading={countries.isPending}
          />
        ) : null}
        <Field label="Type" error={errors.type}>
          {(control) => (
            <select {...control} value={draft.type} onChange={(event) => set({ type: event.target.value as TAgreementType })}>
              {AGREEMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {AGREEMENT_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {creating && (
          <>
            <Field label="Stage" error={errors.stage} hint="Where the outreach stands today; later moves are kept in its history">
              {(control) => (
                <select {...control} value={draft.stage} onChange={(event) => set({ stage: event.target.value as AgreementDraft['stage'] })}>
                  {PIPELINE_STAGES.map((stage) => (
                    <option key={stage} value={stage}>
                      {stageText(stage)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Since" error={errors.stageOn} hint="The day it reached that stage">
              {(control) => <input {...control} type="date" value={draft.stageOn} onChange={(event) => set({ stageOn: event.target.value })} />}
            </Field>
          </>
        )}
        <Field label="Marking" error={errors.classification}>
          {(control) => <MarkingSelect {...control} value={draft.classification} onChange={(classification) => set({ classification })} />}
        </Field>
      </div>
      <Field label="Notes" error={errors.notes} count={{ length: draft.notes.length, max: AGREEMENT_NOTES_MAX }}>
        {(control) => <textarea {...control} rows={3} value={draft.notes} onChange={(event) => set({ notes: event.target.value })} />}
      </Field>
      <fieldset className="subform">
        <legend>Terms</legend>
        <div className="form-grid">
          <Field label="Annual capacity (people a year)" error={errors.annualCapacity} hint="Leave empty while not agreed">
            {(control) => (
              <input {...control} inputMode="numeric" value={draft.annualCapacity} onChange={(event) => set({ annualCapacity: event.target.value })} />
            )}
          </Field>
          <Field label="Duration (months)" error={errors.durationMonths} hint="Leave empty while not agreed">
            {(control) => (
              <input {...control} inputMode="numeric" value={draft.durationMonths} onChange={(event) => set({ durationMonths: event.target.value })} />
            )}
          </Field>
          <Field label="Review on" error={errors.reviewOn}>
            {(control) => <input {...control} type="date" value={draft.reviewOn} onChange={(event) => set({ reviewOn: event.target.value })} />}
          </Field>
        </div>
        <MultiPicker
          label="Nationalities accepted"
          items={countryItems}
          value={draft.nationalities}
          onChange={(nationalities) => set({ nationalities })}
          placeholder="Type part of a country’s name or code"
          description="Leave empty when not limited or not agreed"
          error={errorsUnder(errors, 'nationalities')}
          loading={countries.isPending}
        />
        <Field label="Assistance offered" error={errors.assistanceOffered} count={{ length: draft.assistanceOffered.length, max: ASSISTANCE_MAX }}>
          {(control) => <textarea {...control} rows={3} value={draft.assistanceOffered} onChange={(event) => set({ assistanceOffered: event.target.value })} />}
        </Field>
      </fieldset>
      <MultiPicker
        label="Linked engagements"
        items={engagementItems}
        value={draft.engagements}
        onChange={(linked) => set({ engagements: linked })}
        placeholder={draft.country ? 'Type a post or a kind of engagement' : 'Choose the counterpart first'}
        description="Engagements at the counterpart’s posts that you may see; readers see only those they may see themselves."
        error={errorsUnder(errors, 'engagements')}
        loading={Boolean(draft.country) && engagements.isPending}
      />
      <label className="checkbox">
        <input type="checkbox" checked={draft.synthetic} onChange={(event) => set({ synthetic: event.target.checked })} /> Synthetic (demonstration data)
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
