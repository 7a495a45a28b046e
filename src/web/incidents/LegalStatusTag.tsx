import type { TLegalStatus } from '../../shared/incidents';
import { RELIABILITY_LABELS, type TReliability } from '../../shared/sources';
import { legalStatusText } from './incident-labels';

/**
 * The legal status in its full words ("Charged (not convicted)"), never a bare code or colour:
 * an allegation must never read as a conviction.
 */
export function LegalStatusTag({ status }: { status: TLegalStatus }) {
  return <span className={`legal-status legal-${status}`}>{legalStatusText(status)}</span>;
}

/** The admiralty letter with its meaning: "B (usually reliable)". */
export function ReliabilityTag({ reliability }: { reliability: TReliability | null }) {
  if (!reliability) return <span className="muted">No source</span>;
  return (
    <span className="reliability">
      <strong>{reliability}</strong> <span className="small">({RELIABILITY_LABELS[reliability].toLowerCase()})</span>
    </span>
  );
}
