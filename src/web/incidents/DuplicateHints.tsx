import type { TDuplicateCandidate } from '../../shared/incidents';
import { dayText, INCIDENT_STATUS_LABEL, legalStatusText } from './incident-labels';

export const similarityText = (score: number) => `${Math.round(score * 100)}% similar`;

/** While filing: incidents that may be the same event, each opening in a new tab so the form keeps what was typed. */
export function DuplicateHints({ candidates }: { candidates: TDuplicateCandidate[] }) {
  const shown = candidates.filter((candidate) => !candidate.dismissed);
  if (shown.length === 0) return null;
  return (
    <aside className="notice duplicate-hints" aria-labelledby="duplicate-hints-heading">
      <h3 id="duplicate-hints-heading">Possibly the same event</h3>
      <p className="small">
        Already filed, on a close date in the same country with a similar summary. If it is the same event, add your source to that incident instead.
      </p>
      <ul>
        {shown.map((candidate) => (
          <li key={candidate.id}>
            <a href={`/incidents/${candidate.id}`} target="_blank" rel="noopener noreferrer">
              {dayText(candidate.occurredOn)}, {candidate.postName}
            </a>{' '}
            <span className="muted small">
              ({similarityText(candidate.score)}; {legalStatusText(candidate.legalStatus)}; {INCIDENT_STATUS_LABEL[candidate.status].toLowerCase()}; opens in a
              new tab)
            </span>
            <div className="small candidate-summary">{excerpt(candidate.summary)}</div>
          </li>
        ))}
      </ul>
    </aside>
  );
}

export function excerpt(text: string, length = 200): string {
  return text.length > length ? `${text.slice(0, length).trimEnd()}…` : text;
}
