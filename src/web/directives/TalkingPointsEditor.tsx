import type { TBureauCode } from '../../shared/reference';
import { errorsUnder, newKey } from '../ui/lists';
import { emptyPoint, type PointDraft } from './directive-draft';
import { Field } from '../ui/Field';
import { MultiPicker } from '../ui/MultiPicker';
import { useReferenceChoices } from './reference-choices';

interface Props {
  points: PointDraft[];
  onChange: (points: PointDraft[]) => void;
  /** Field errors of the whole form; this editor shows those under talkingPoints.N. */
  errors: Record<string, string>;
}

/** The numbered talking points of a directive: added, removed and moved in the form. */
export function TalkingPointsEditor({ points, onChange, errors }: Props) {
  const update = (index: number, change: Partial<PointDraft>) => onChange(points.map((point, i) => (i === index ? { ...point, ...change } : point)));
  const remove = (index: number) => onChange(points.filter((_, i) => i !== index));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= points.length) return;
    const next = [...points];
    [next[index], next[target]] = [next[target] as PointDraft, next[index] as PointDraft];
    onChange(next);
  };
  const listError = errors.talkingPoints;

  return (
    <fieldset className="subform" aria-describedby="talking-points-hint">
      <legend>Talking points</legend>
      <p className="field-hint" id="talking-points-hint">
        Numbered in this order. A point for some bureaus or countries goes only to the action posts there.
      </p>
      {listError && (
        <p className="field-error" role="alert">
          Talking points {listError}
        </p>
      )}
      {points.length === 0 && <p className="muted">No talking points yet.</p>}
      <ol className="point-editor-list">
        {points.map((point, index) => (
          <PointEditor
            key={point.key}
            point={point}
            number={index + 1}
            count={points.length}
            errors={errors}
            prefix={`talkingPoints.${index}`}
            onChange={(change) => update(index, change)}
            onRemove={() => remove(index)}
            onMove={(by) => move(index, by)}
          />
        ))}
      </ol>
      <button type="button" onClick={() => onChange([...points, emptyPoint()])}>
        Add talking point
      </button>
    </fieldset>
  );
}

interface PointProps {
  point: PointDraft;
  number: number;
  count: number;
  errors: Record<string, string>;
  prefix: string;
  onChange: (change: Partial<PointDraft>) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
}

function PointEditor({ point, number, count, errors, prefix, onChange, onRemove, onMove }: PointProps) {
  const label = `Point ${number}`;
  const choices = useReferenceChoices();
  const setCounter = (key: string, change: { argument?: string; rebuttal?: string }) =>
    onChange({ counterArguments: point.counterArguments.map((counter) => (counter.key === key ? { ...counter, ...change } : counter)) });
  const countersError = errors[`${prefix}.counterArguments`];

  return (
    <li className="point-editor">
      <fieldset aria-label={label}>
        <div className="point-editor-heading">
          <h3>{label}</h3>
          <div className="point-editor-actions">
            {/* The visible words start the name (and the point's number completes it), so speech input finds them. */}
            <button type="button" className="link" disabled={number === 1} onClick={() => onMove(-1)}>
              Move up<span className="visually-hidden"> point {number}</span>
            </button>
            <button type="button" className="link" disabled={number === count} onClick={() => onMove(1)}>
              Move down<span className="visually-hidden"> point {number}</span>
            </button>
            <button type="button" className="link danger" onClick={onRemove}>
              Remove<span className="visually-hidden"> point {number}</span>
            </button>
          </div>
        </div>
        <Field label={`${label} text`} error={errors[`${prefix}.text`]}>
          {(control) => <textarea {...control} rows={3} value={point.text} onChange={(event) => onChange({ text: event.target.value })} />}
        </Field>
        <div className="form-grid">
          <Field label={`${label} scope`} error={errors[`${prefix}.scope`]}>
            {(control) => (
              <select {...control} value={point.scope} onChange={(event) => onChange({ scope: event.target.value as PointDraft['scope'] })}>
                <option value="all">All action posts</option>
                <option value="bureaus">Some bureaus</option>
                <option value="countries">Some countries</option>
              </select>
            )}
          </Field>
          {point.scope === 'countries' && (
            <MultiPicker
              label={`${label} countries`}
              items={choices.countries}
              loading={choices.loadingCountries}
              value={point.countries}
              onChange={(countries) => onChange({ countries })}
              placeholder="Type a country’s name or code"
              error={errorsUnder(errors, `${prefix}.countries`)}
            />
          )}
          {point.scope === 'bureaus' && (
            <MultiPicker
              label={`${label} bureaus`}
              items={choices.bureaus}
              loading={choices.loadingBureaus}
              value={point.bureaus}
              onChange={(bureaus) => onChange({ bureaus: bureaus as TBureauCode[] })}
              placeholder="Type a bureau’s name or code"
              error={errorsUnder(errors, `${prefix}.bureaus`)}
            />
          )}
          <Field label={`${label} wording`} error={errors[`${prefix}.wording`]} hint="How much of the wording is known">
            {(control) => (
              <select {...control} value={point.wording} onChange={(event) => onChange({ wording: event.target.value as PointDraft['wording'] })}>
                <option value="verbatim">Verbatim</option>
                <option value="paraphrase">Paraphrase</option>
                <option value="unpublished">Not published</option>
              </select>
            )}
          </Field>
          {point.wording !== 'verbatim' && (
            <Field label={`${label} attribution`} error={errors[`${prefix}.attribution`]} hint="Who reported it, e.g. an outlet">
              {(control) => <input {...control} value={point.attribution} onChange={(event) => onChange({ attribution: event.target.value })} />}
            </Field>
          )}
        </div>
        <Field label={`${label} rationale`} error={errors[`${prefix}.rationale`]} hint="Why the point is made (for the officer, not the host)">
          {(control) => <textarea {...control} rows={2} value={point.rationale} onChange={(event) => onChange({ rationale: event.target.value })} />}
        </Field>
        <div className="counter-arguments-editor">
          <h4>Expected counter-arguments</h4>
          {countersError && (
            <p className="field-error" role="alert">
              Counter-arguments {countersError}
            </p>
          )}
          {point.counterArguments.map((counter, index) => (
            <fieldset key={counter.key} className="form-grid counter-argument-row" aria-label={`${label} counter-argument ${index + 1}`}>
              <Field label={`Counter-argument ${index + 1}`} error={errors[`${prefix}.counterArguments.${index}.argument`]}>
                {(control) => (
                  <textarea {...control} rows={2} value={counter.argument} onChange={(event) => setCounter(counter.key, { argument: event.target.value })} />
                )}
              </Field>
              <Field label={`Rebuttal ${index + 1}`} error={errors[`${prefix}.counterArguments.${index}.rebuttal`]}>
                {(control) => (
                  <textarea {...control} rows={2} value={counter.rebuttal} onChange={(event) => setCounter(counter.key, { rebuttal: event.target.value })} />
                )}
              </Field>
              <button
                type="button"
                className="link danger"
                onClick={() => onChange({ counterArguments: point.counterArguments.filter((other) => other.key !== counter.key) })}
              >
                Remove counter-argument {index + 1}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className="link"
            onClick={() => onChange({ counterArguments: [...point.counterArguments, { key: newKey(), argument: '', rebuttal: '' }] })}
          >
            Add a counter-argument to point {number}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
