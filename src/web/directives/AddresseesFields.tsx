import { BUREAU_CODES, type TBureauCode } from '../../shared/reference';
import type { AddresseesDraft } from './directive-draft';
import { errorsUnder, splitCodes } from '../ui/lists';
import { usePosts } from '../reference/reference-queries';
import { Field } from '../ui/Field';

interface Props {
  legend: string;
  hint: string;
  value: AddresseesDraft;
  onChange: (value: AddresseesDraft) => void;
  errors: Record<string, string>;
  /** The field name on the server: actionPosts or infoPosts. */
  name: string;
}

/** Addressees chosen by bureau, by country and post by post; they add up. */
export function AddresseesFields({ legend, hint, value, onChange, errors, name }: Props) {
  const posts = usePosts();
  const byCode = new Map((posts.data ?? []).map((post) => [post.code, post]));
  const typed = splitCodes(value.posts, false);
  const unknown = posts.data ? typed.filter((code) => !byCode.has(code)) : [];
  const known = typed.flatMap((code) => {
    const post = byCode.get(code);
    return post ? [post] : [];
  });
  const toggle = (code: TBureauCode, on: boolean) =>
    onChange({ ...value, bureaus: on ? [...value.bureaus, code] : value.bureaus.filter((bureau) => bureau !== code) });
  const groupError = errors[name];
  const bureausError = errorsUnder(errors, `${name}.bureaus`);

  return (
    <fieldset className="subform">
      <legend>{legend}</legend>
      <p className="field-hint">{hint}</p>
      {groupError && (
        <p className="field-error" role="alert">
          {legend} {groupError}
        </p>
      )}
      <fieldset className="checkbox-row" aria-label={`${legend}: bureaus`}>
        <legend className="checkbox-row-label">Bureaus</legend>
        {BUREAU_CODES.map((code) => (
          <label key={code} className="checkbox">
            <input type="checkbox" checked={value.bureaus.includes(code)} onChange={(event) => toggle(code, event.target.checked)} />
            {code}
          </label>
        ))}
      </fieldset>
      {bureausError && (
        <p className="field-error" role="alert">
          Bureaus {bureausError}
        </p>
      )}
      <div className="form-grid">
        <Field label={`${legend}: countries`} error={errorsUnder(errors, `${name}.countries`)} hint="ISO alpha-2 codes, e.g. DE FR">
          {(control) => <input {...control} value={value.countries} onChange={(event) => onChange({ ...value, countries: event.target.value })} />}
        </Field>
        <Field label={`${legend}: posts`} error={errorsUnder(errors, `${name}.posts`)} hint="Post codes, e.g. berlin ottawa">
          {(control) => <input {...control} value={value.posts} onChange={(event) => onChange({ ...value, posts: event.target.value })} />}
        </Field>
      </div>
      {known.length > 0 && <p className="small muted">Posts named: {known.map((post) => `${post.name} (${post.code})`).join(', ')}</p>}
      {unknown.length > 0 && <p className="small warning-text">Not a post code: {unknown.join(', ')}</p>}
    </fieldset>
  );
}
