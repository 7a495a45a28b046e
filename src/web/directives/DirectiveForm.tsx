import { useState, type FormEvent } from 'react';
import { DIRECTIVE_TEXT_MAX, type TDirectiveInput } from '../../shared/directives';
import { fieldErrors } from '../ui/api';
import type { DirectiveDraft } from './directive-draft';
import { inputOf } from './directive-draft';
import { useIssuedDirectives, useTags } from './directive-queries';
import { errorsUnder, splitCodes } from '../ui/lists';
import { AddresseesFields } from './AddresseesFields';
import { MarkingSelect } from '../ui/ClearanceSelect';
import { Field, type ControlProps } from '../ui/Field';
import { FormProblem } from '../ui/FormProblem';
import { TalkingPointsEditor } from './TalkingPointsEditor';

const FIELDS = [
  'reference',
  'date',
  'subject',
  'from',
  'objective',
  'background',
  'classification',
  'tags',
  'actionPosts',
  'infoPosts',
  'engagementCadenceDays',
  'incidentCadenceDays',
  'assessmentCadenceDays',
  'supersedes',
  'synthetic',
  'sourceNote',
  'talkingPoints',
] as const;

interface Props {
  initial: DirectiveDraft;
  heading: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: TDirectiveInput) => void;
  onCancel: () => void;
}

/** Every field of a directive, its talking points and addressees; the server's field errors beside the fields. */
export function DirectiveForm({ initial, heading, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const set = (change: Partial<DirectiveDraft>) => setDraft((current) => ({ ...current, ...change }));
  const errors = fieldErrors(error);
  const tags = useTags();
  const issued = useIssuedDirectives();
  const chosenTags = splitCodes(draft.tags);
  const toggleTag = (code: string) => set({ tags: (chosenTags.includes(code) ? chosenTags.filter((tag) => tag !== code) : [...chosenTags, code]).join(' ') });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(inputOf(draft));
  };
  const text = (name: 'reference' | 'subject' | 'from') => (control: ControlProps) => (
    <input {...control} value={draft[name]} onChange={(event) => set({ [name]: event.target.value })} />
  );

  return (
    <form className="panel directive-form" onSubmit={submit} noValidate aria-labelledby="directive-form-heading">
      <h2 id="directive-form-heading">{heading}</h2>
      <FormProblem error={error} fields={FIELDS} action="Could not save the directive" />
      <div className="form-grid">
        <Field label="Reference" error={errors.reference} hint="e.g. STATE 123456">
          {text('reference')}
        </Field>
        <Field label="Date" error={errors.date}>
          {(control) => <input {...control} type="date" value={draft.date} onChange={(event) => set({ date: event.target.value })} />}
        </Field>
        <Field label="From" error={errors.from} hint="e.g. SECSTATE WASHDC">
          {text('from')}
        </Field>
        <Field label="Classification" error={errors.classification}>
          {(control) => <MarkingSelect {...control} value={draft.classification} onChange={(classification) => set({ classification })} />}
        </Field>
      </div>
      <Field label="Subject" error={errors.subject} count={{ length: draft.subject.length, max: DIRECTIVE_TEXT_MAX.subject }}>
        {text('subject')}
      </Field>
      <Field label="TAGS" error={errorsUnder(errors, 'tags')} hint="Four-letter subject codes separated by spaces, e.g. PREL SMIG">
        {(control) => <input {...control} value={draft.tags} onChange={(event) => set({ tags: event.target.value })} />}
      </Field>
      {tags.data && tags.data.length > 0 && (
        <fieldset className="tag-picker" aria-label="Known TAGS">
          {tags.data.map((tag) => (
            <button
              key={tag.code}
              type="button"
              className={chosenTags.includes(tag.code) ? 'tag-chip tag-chip-on' : 'tag-chip'}
              aria-pressed={chosenTags.includes(tag.code)}
              title={tag.name}
              onClick={() => toggleTag(tag.code)}
            >
              {tag.code} <span className="muted small">{tag.name}</span>
            </button>
          ))}
        </fieldset>
      )}
      <Field label="Objective" error={errors.objective} count={{ length: draft.objective.length, max: DIRECTIVE_TEXT_MAX.objective }}>
        {(control) => <textarea {...control} rows={3} value={draft.objective} onChange={(event) => set({ objective: event.target.value })} />}
      </Field>
      <Field label="Background" error={errors.background} count={{ length: draft.background.length, max: DIRECTIVE_TEXT_MAX.background }}>
        {(control) => <textarea {...control} rows={5} value={draft.background} onChange={(event) => set({ background: event.target.value })} />}
      </Field>

      <AddresseesFields
        legend="Action posts"
        name="actionPosts"
        hint="Posts that must act: every post of the bureaus and countries chosen, plus the posts named."
        value={draft.actionPosts}
        onChange={(actionPosts) => set({ actionPosts })}
        errors={errors}
      />
      <AddresseesFields
        legend="Info posts"
        name="infoPosts"
        hint="Posts that are informed and have nothing to deliver."
        value={draft.infoPosts}
        onChange={(infoPosts) => set({ infoPosts })}
        errors={errors}
      />

      <fieldset className="subform">
        <legend>Reporting requirements</legend>
        <p className="field-hint">How often each action post reports, in days (1 to 366). Leave empty when not required.</p>
        <div className="form-grid">
          <Field label="Engagement cadence (days)" error={errors.engagementCadenceDays}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={366}
                value={draft.engagementCadenceDays}
                onChange={(event) => set({ engagementCadenceDays: event.target.value })}
              />
            )}
          </Field>
          <Field label="Incident cadence (days)" error={errors.incidentCadenceDays}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={366}
                value={draft.incidentCadenceDays}
                onChange={(event) => set({ incidentCadenceDays: event.target.value })}
              />
            )}
          </Field>
          <Field label="Assessment cadence (days)" error={errors.assessmentCadenceDays}>
            {(control) => (
              <input
                {...control}
                type="number"
                min={1}
                max={366}
                value={draft.assessmentCadenceDays}
                onChange={(event) => set({ assessmentCadenceDays: event.target.value })}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <TalkingPointsEditor points={draft.talkingPoints} onChange={(talkingPoints) => set({ talkingPoints })} errors={errors} />

      <fieldset className="subform">
        <legend>Provenance</legend>
        <div className="form-grid">
          <Field label="Supersedes" error={errors.supersedes} hint="An issued directive this one replaces; issuing this one marks it superseded">
            {(control) => (
              <select {...control} value={draft.supersedes} onChange={(event) => set({ supersedes: event.target.value })}>
                <option value="">Nothing</option>
                {issued.data?.items.map((directive) => (
                  <option key={directive.id} value={directive.id}>
                    {directive.reference}: {directive.subject}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={draft.synthetic} onChange={(event) => set({ synthetic: event.target.checked })} />
          Synthetic demo data (labelled as such wherever it appears)
        </label>
        <Field
          label="Source note"
          error={errors.sourceNote}
          count={{ length: draft.sourceNote.length, max: DIRECTIVE_TEXT_MAX.sourceNote }}
          hint="Where the content comes from, for a directive rebuilt from public reporting"
        >
          {(control) => <textarea {...control} rows={2} value={draft.sourceNote} onChange={(event) => set({ sourceNote: event.target.value })} />}
        </Field>
      </fieldset>

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
