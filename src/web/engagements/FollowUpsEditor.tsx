import { newKey } from '../ui/lists';
import type { FollowUpDraft } from './engagement-draft';
import { today } from '../ui/labels';
import { errorsUnder } from '../ui/lists';
import { Field } from '../ui/Field';
import { type PickerItem, SearchPicker } from '../ui/SearchPicker';

interface Props {
  followUps: FollowUpDraft[];
  onChange: (followUps: FollowUpDraft[]) => void;
  errors: Record<string, string>;
  /** The post's people, who may own a follow-up. */
  staff: PickerItem[];
  staffLoading: boolean;
}

/** Actions agreed at the engagement, each with a due date; they appear in the owner's calendar feed. */
export function FollowUpsEditor({ followUps, onChange, errors, staff, staffLoading }: Props) {
  const update = (key: string, change: Partial<FollowUpDraft>) =>
    onChange(followUps.map((followUp) => (followUp.key === key ? { ...followUp, ...change } : followUp)));
  return (
    <fieldset className="subform">
      <legend>Follow-ups</legend>
      <p className="field-hint">Each follow-up is yours unless given to someone else; it appears in your calendar feed on its due date.</p>
      {errors.followUps && (
        <p className="field-error" role="alert">
          Follow-ups {errors.followUps}
        </p>
      )}
      {followUps.map((followUp, index) => (
        <fieldset key={followUp.key} className="follow-up-row" aria-label={`Follow-up ${index + 1}`}>
          <Field label={`Follow-up ${index + 1} action`} error={errors[`followUps.${index}.action`]}>
            {(control) => <input {...control} value={followUp.action} onChange={(event) => update(followUp.key, { action: event.target.value })} />}
          </Field>
          <Field label={`Follow-up ${index + 1} due`} error={errors[`followUps.${index}.dueDate`]}>
            {(control) => (
              <input {...control} type="date" value={followUp.dueDate} onChange={(event) => update(followUp.key, { dueDate: event.target.value })} />
            )}
          </Field>
          <SearchPicker
            label={`Follow-up ${index + 1} owner`}
            items={staff}
            value={followUp.owner ?? ''}
            onChange={(owner) => update(followUp.key, { owner: owner || null })}
            placeholder="You, unless you choose a colleague"
            error={errorsUnder(errors, `followUps.${index}.owner`)}
            loading={staffLoading}
          />
          <label className="checkbox follow-up-done">
            <input type="checkbox" checked={followUp.done} onChange={(event) => update(followUp.key, { done: event.target.checked })} />
            Done
          </label>
          <button type="button" className="link danger" onClick={() => onChange(followUps.filter((other) => other.key !== followUp.key))}>
            Remove follow-up {index + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...followUps, { key: newKey(), action: '', dueDate: today(), done: false, owner: null }])}>
        Add a follow-up
      </button>
    </fieldset>
  );
}
