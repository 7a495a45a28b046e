import { useState, type FormEvent } from 'react';
import { ORGANIZATION_TYPES, type TContact } from '../../shared/engagements';
import type { TClearance } from '../../shared/identity';
import { useCountriesByCode } from '../cadence/country-queries';
import { SearchPicker } from '../ui/SearchPicker';
import { fieldErrors } from '../ui/api';
import { MarkingSelect } from '../ui/ClearanceSelect';
import { Field } from '../ui/Field';
import { FormProblem } from '../ui/FormProblem';
import { ORGANIZATION_TYPE_LABEL } from '../ui/labels';

export interface ContactDraft {
  name: string;
  title: string;
  organization: string;
  organizationType: TContact['organizationType'];
  country: string;
  classification: TClearance;
}

const FIELDS = ['name', 'title', 'organization', 'organizationType', 'country', 'classification', 'post'] as const;

export function draftOfContact(contact: TContact): ContactDraft {
  const { name, title, organization, organizationType, country, classification } = contact;
  return { name, title, organization, organizationType, country, classification };
}

/** Only what changed, so that the audit trail records just that. */
export function contactChanges(draft: ContactDraft, initial: ContactDraft): Partial<ContactDraft> {
  return Object.fromEntries(Object.entries(draft).filter(([key, value]) => initial[key as keyof ContactDraft] !== value));
}

interface Props {
  initial: ContactDraft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: ContactDraft) => void;
  onCancel: () => void;
}

/** A contact's fields: an official in their official capacity, nothing that identifies them privately. */
export function ContactForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const set = (change: Partial<ContactDraft>) => setDraft((current) => ({ ...current, ...change }));
  const countries = useCountriesByCode();
  const countryItems = [...(countries.data?.values() ?? [])]
    .map((country) => ({ id: country.alpha2, name: country.name, detail: country.alpha2 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const errors = fieldErrors(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <form aria-label="Contact" onSubmit={submit} noValidate>
      <FormProblem error={error} fields={FIELDS} action="Could not save the contact" />
      <p className="field-hint">Record officials in their official capacity only: no private address, telephone or e-mail.</p>
      <div className="form-grid">
        <Field label="Name" error={errors.name}>
          {(control) => <input {...control} value={draft.name} maxLength={200} onChange={(event) => set({ name: event.target.value })} />}
        </Field>
        <Field label="Title" error={errors.title} hint="e.g. Director-General for Migration">
          {(control) => <input {...control} value={draft.title} maxLength={300} onChange={(event) => set({ title: event.target.value })} />}
        </Field>
        <Field label="Organization" error={errors.organization}>
          {(control) => <input {...control} value={draft.organization} maxLength={300} onChange={(event) => set({ organization: event.target.value })} />}
        </Field>
        <Field label="Organization type" error={errors.organizationType}>
          {(control) => (
            <select
              {...control}
              value={draft.organizationType}
              onChange={(event) => set({ organizationType: event.target.value as ContactDraft['organizationType'] })}
            >
              {ORGANIZATION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {ORGANIZATION_TYPE_LABEL[type] ?? type}
                </option>
              ))}
            </select>
          )}
        </Field>
        <SearchPicker
          label="Country"
          items={countryItems}
          loading={countries.isPending}
          value={draft.country}
          onChange={(country) => set({ country })}
          placeholder="Type to search"
          description="The country the official serves"
          error={errors.country}
        />
        <Field label="Marking" error={errors.classification} hint="At or below your clearance">
          {(control) => <MarkingSelect {...control} value={draft.classification} onChange={(classification) => set({ classification })} />}
        </Field>
      </div>
      {errors.post && (
        <p className="field-error" role="alert">
          Post {errors.post}
        </p>
      )}
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
