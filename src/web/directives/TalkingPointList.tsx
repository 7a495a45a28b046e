import type { TTalkingPoint } from '../../shared/directives';
import { scopeLabel, wordingLabel } from '../ui/labels';
import { keyedByContent } from '../ui/lists';

/** Numbered talking points as a cable shows them, with scope, wording, rationale and counter-arguments. */
export function TalkingPointList({ points }: { points: TTalkingPoint[] }) {
  return (
    <ol className="talking-points" aria-label="Talking points">
      {points.map((point) => {
        const wording = wordingLabel(point);
        return (
          <li key={point.id} value={point.number} className="talking-point">
            <div className="talking-point-labels">
              <span className={`scope-label scope-${point.scope}`}>{scopeLabel(point)}</span>
              {wording && <span className={`wording-label wording-${point.wording}`}>{wording}</span>}
            </div>
            <p className={point.wording === 'verbatim' ? 'talking-point-text' : 'talking-point-text talking-point-text-reported'}>{point.text}</p>
            {point.rationale && (
              <p className="talking-point-rationale">
                <span className="muted">Rationale: </span>
                {point.rationale}
              </p>
            )}
            {point.counterArguments.length > 0 && (
              <details className="counter-arguments">
                <summary>Expected counter-arguments and rebuttals ({point.counterArguments.length})</summary>
                <dl>
                  {keyedByContent(point.counterArguments, (counter) => `${counter.argument}\n${counter.rebuttal}`).map(({ key, item: counter }) => (
                    <div key={key} className="counter-argument">
                      <dt>If they say: {counter.argument}</dt>
                      <dd>Reply: {counter.rebuttal}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
