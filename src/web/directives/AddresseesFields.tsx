import type { TBureauCode } from '../../shared/reference';
import type { AddresseesDraft } from './directive-draft';
import { errorsUnder } from '../ui/lists';
import { MultiPicker } from '../ui/MultiPicker';
import { useReferenceChoices } from './reference-choices';

interface Props {
  legend: string;
  hint: string;
  value: AddresseesDraft;
  onChange: (value: AddresseesDraft) => void;
  errors: Record<string, string>;
  /** The field name on the server: actionPosts or infoPosts. */
  name: string;
}

/**
 * Addressees chosen by bureau, by country and post by post; they add up. The choice is kept as
 * made: a bureau stays a bureau, and its posts are those it has when the directive is issued.
 */
export function AddresseesFields({ legend, hint, value, onChange, errors, name }: Props) {
  const choices = useReferenceChoices();
  const groupError = errors[name];

  return (
    <fieldset className="subform">
      <legend>{legend}</legend>
      <p className="field-hint">{hint}</p>
      {groupError && (
        <p className="field-error" role="alert">
          {legend} {groupError}
        </p>
      )}
      <div className="form-grid">
        <MultiPicker
          label={`${legend}: bureaus`}
          items={choices.bureaus}
          loading={choices.loadingBureaus}
          value={value.bureaus}
          onChange={(bureaus) => onChange({ ...value, bureaus: bureaus as TBureauCode[] })}
          placeholder="Type a bureau’s name or code"
          error={errorsUnder(errors, `${name}.bureaus`)}
        />
        <MultiPicker
          label={`${legend}: countries`}
          items={choices.countries}
          loading={choices.loadingCountries}
          value={value.countries}
          onChange={(countries) => onChange({ ...value, countries })}
          placeholder="Type a country’s name or code"
          error={errorsUnder(errors, `${name}.countries`)}
        />
        <MultiPicker
          label={`${legend}: posts`}
          items={choices.posts}
          loading={choices.loadingPosts}
          value={value.posts}
          onChange={(posts) => onChange({ ...value, posts })}
          placeholder="Type a post’s name or code"
          error={errorsUnder(errors, `${name}.posts`)}
        />
      </div>
    </fieldset>
  );
}
