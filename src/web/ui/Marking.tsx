import type { TClearance } from '../../shared/identity';
import { markingText } from './labels';

/** The classification marking, as a banner at the top and bottom of a record. */
export function MarkingBanner({ classification }: { classification: TClearance }) {
  return (
    <p className={`marking-banner marking-${classification.toLowerCase()}`} role="note" aria-label={`Classification: ${markingText(classification)}`}>
      {markingText(classification)}
    </p>
  );
}

/** A short marking for tables: "(SBU)". */
export function MarkingTag({ classification }: { classification: TClearance }) {
  return (
    <span className={`marking-tag marking-${classification.toLowerCase()}`} title={markingText(classification)}>
      {classification}
    </span>
  );
}

export function SyntheticLabel() {
  return <span className="synthetic-label">Synthetic demo data</span>;
}
