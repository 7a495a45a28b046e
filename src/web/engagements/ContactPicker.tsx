import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ORGANIZATION_TYPES, type TContact } from '../../shared/engagements';
import { apiSend, fieldErrors } from '../ui/api';
import { ORGANIZATION_TYPE_LABEL } from '../ui/labels';
import { fetchAllPages } from '../ui/lists';
import { useCountriesByCode } from '../cadence/country-queries';
import { Field } from '../ui/Field';
import { SearchPicker } from '../ui/SearchPicker';
import { AddPicker } from './AddPicker';
import { FormProblem } from '../ui/FormProblem';

interface Props {
  post: string | null;
  /** The post's country (ISO alpha-2 code), the default for a new contact. */
  country: string;
  selected: string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
}

const CONTACT_FIELDS = ['name', 'title', 'organization', 'organizationType', 'country'] as const;

/**
 * Interlocutors: the contacts chosen, each a ticked box (untick to leave it out), a picker
 * with search to add another of the post's contacts, or a new contact added on the spot.
 */
export function ContactPicker({ post, country, selected, onChange, error }: Props) {
  const queryClient = useQueryClient();
  const contacts = useQuery({
    queryKey: ['contacts', post],
    queryFn: () => fetchAllPages<TContact>('/api/v1/contacts', { post: post ?? undefined }),
  });
  // The contacts listed with a box: those chosen, and those unticked since (kept in place, so that the focus stays where it was).
  const [listed, setListed] = useState<string[]>(selected);
  const [adding, setAdding] = useState(false);
  const all = contacts.data ?? [];
  const shown = [...listed, ...selected.filter((id) => !listed.includes(id))]
    .map((id) => all.find((contact) => contact.id === id))
    .filter((contact): contact is TContact => contact !== undefined);
  const choices = all.filter((contact) => !selected.includes(contact.id));
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((other) => other !== id));
  const add = (id: string) => {
    setListed((current) => (current.includes(id) ? current : [...current, id]));
    if (!selected.includes(id)) onChange([...selected, id]);
  };

  return (
    <fieldset className="subform">
      <legend>Contacts</legend>
      <p className="field-hint">The officials you met, in their official capacity.</p>
      {error && (
        <p className="field-error" role="alert">
          Contacts {error}
        </p>
      )}
      {contacts.isError && <p role="alert">Could not load the contacts: {contacts.error.message}</p>}
      {contacts.isSuccess && all.length === 0 && <p className="muted">Your post has no contacts yet: add one below.</p>}
      {shown.length > 0 && (
        <ul className="contact-list" aria-label="Contacts chosen">
          {shown.map((contact) => (
            <li key={contact.id}>
              <label className="checkbox">
                <input type="checkbox" checked={selected.includes(contact.id)} onChange={(event) => toggle(contact.id, event.target.checked)} />
                <span>
                  <strong>{contact.name}</strong>, {contact.title}, {contact.organization}
                  {contact.synthetic && <span className="synthetic-label">Synthetic demo data</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {(contacts.isPending || choices.length > 0) && (
        <AddPicker
          label="Add a contact"
          items={choices.map((contact) => ({ id: contact.id, name: contact.name, detail: `${contact.title}, ${contact.organization}` }))}
          loading={contacts.isPending}
          placeholder="Type a name, title or organization"
          description="Your post’s contacts"
          onAdd={add}
        />
      )}
      {adding ? (
        <NewContactForm
          post={post}
          country={country}
          onCancel={() => setAdding(false)}
          onCreated={(contact) => {
            queryClient.setQueryData<TContact[]>(['contacts', post], (current) => [...(current ?? []), contact]);
            add(contact.id);
            setAdding(false);
          }}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add a new contact
        </button>
      )}
    </fieldset>
  );
}

function NewContactForm({
  post,
  country,
  onCreated,
  onCancel,
}: {
  post: string | null;
  country: string;
  onCreated: (contact: TContact) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState({ name: '', title: '', organization: '', organizationType: 'ministry_of_interior', country });
  const countries = useCountriesByCode();
  const countryItems = [...(countries.data?.values() ?? [])]
    .map((item) => ({ id: item.alpha2, name: item.name, detail: item.alpha2 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const set = (change: Partial<typeof value>) => setValue((current) => ({ ...current, ...change }));
  const create = useMutation({
    mutationFn: () => apiSend<TContact>('POST', '/api/v1/contacts', { ...value, ...(post ? { post } : {}) }),
    onSuccess: onCreated,
  });
  const errors = fieldErrors(create.error);
  // Not a <form>: it sits inside the engagement form, and forms cannot nest.
  return (
    <fieldset
      className="nested-form"
      aria-label="New contact"
      onKeyDown={(event) => {
        // Enter here adds the contact rather than saving the whole engagement (in the country picker, it chooses the country).
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.getAttribute('role') !== 'combobox') {
          event.preventDefault();
          create.mutate();
        }
      }}
    >
      <h3>New contact</h3>
      <FormProblem error={create.error} fields={CONTACT_FIELDS} action="Could not add the contact" />
      <div className="form-grid">
        <Field label="Contact name" error={errors.name}>
          {(control) => <input {...control} value={value.name} onChange={(event) => set({ name: event.target.value })} />}
        </Field>
        <Field label="Title" error={errors.title} hint="e.g. Director-General for Migration">
          {(control) => <input {...control} value={value.title} onChange={(event) => set({ title: event.target.value })} />}
        </Field>
        <Field label="Organization" error={errors.organization}>
          {(control) => <input {...control} value={value.organization} onChange={(event) => set({ organization: event.target.value })} />}
        </Field>
        <Field label="Organization type" error={errors.organizationType}>
          {(control) => (
            <select {...control} value={value.organizationType} onChange={(event) => set({ organizationType: event.target.value })}>
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
          value={value.country}
          onChange={(country) => set({ country })}
          placeholder="Type to search"
          description="The country the official serves"
          error={errors.country}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="primary" disabled={create.isPending} onClick={() => create.mutate()}>
          {create.isPending ? 'Adding…' : 'Add contact'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
