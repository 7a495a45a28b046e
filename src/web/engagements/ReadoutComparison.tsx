import { useQuery } from '@tanstack/react-query';
import type { TReadoutComparison } from '../../shared/engagements';
import { apiGet } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { keyedByContent } from '../ui/lists';

type Sentence = TReadoutComparison['ourSentences'][number];

/** Our readout beside the counterpart's account, sentence by sentence. */
export function ReadoutComparison({ engagementId }: { engagementId: string }) {
  const comparison = useQuery({
    queryKey: ['comparison', engagementId],
    queryFn: () => apiGet<TReadoutComparison>(`/api/v1/engagements/${encodeURIComponent(engagementId)}/comparison`),
  });

  return (
    <section className="panel" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">Our readout and theirs</h2>
      <ErrorAlert error={comparison.error} action="Could not compare the readouts" />
      {comparison.isPending && <p>Comparing the readouts…</p>}
      {comparison.data && <ComparisonBody comparison={comparison.data} />}
    </section>
  );
}

function ComparisonBody({ comparison }: { comparison: TReadoutComparison }) {
  if (!comparison.counterpartAccount) {
    return (
      <>
        <p className="muted">No counterpart account is recorded, so there is nothing to compare. Add their public readout by editing the engagement.</p>
        <SentenceColumn title="Our readout" sentences={comparison.ourSentences} cue="only in ours" />
      </>
    );
  }
  return (
    <>
      <p className="comparison-legend" id="comparison-legend">
        <mark className="only-here">
          <span className="only-here-cue">Only in ours</span> / <span className="only-here-cue">Only in theirs</span>
        </mark>{' '}
        marks a sentence with nothing like it in the other account. Unmarked sentences appear, in some form, in both.
      </p>
      <div className="comparison" aria-describedby="comparison-legend">
        <SentenceColumn title="Our readout" sentences={comparison.ourSentences} cue="only in ours" />
        <SentenceColumn title="Their account" sentences={comparison.counterpartSentences} cue="only in theirs" source={comparison.counterpartSourceUrl} />
      </div>
      <h3>Points we delivered that their account does not mention</h3>
      {comparison.pointsNotMentioned.length === 0 ? (
        <p className="muted">None: their account touches every point we record as delivered.</p>
      ) : (
        <ul className="points-not-mentioned" aria-label="Points not mentioned">
          {comparison.pointsNotMentioned.map((point) => (
            <li key={point.talkingPointId}>
              <span className="point-number">{point.number}.</span> {point.text}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function SentenceColumn({ title, sentences, cue, source }: { title: string; sentences: Sentence[]; cue: string; source?: string | null }) {
  const only = sentences.filter((sentence) => sentence.onlyHere).length;
  return (
    <section className="comparison-column" aria-label={title}>
      <h3>
        {title}{' '}
        <span className="count small">
          ({sentences.length} sentence{sentences.length === 1 ? '' : 's'}, {only} {cue})
        </span>
      </h3>
      {source && (
        <p className="small">
          Source:{' '}
          <a href={source} rel="noreferrer noopener" target="_blank">
            {source}
          </a>
        </p>
      )}
      {sentences.length === 0 && <p className="muted">Empty.</p>}
      <ol className="sentences">
        {keyedByContent(sentences, (sentence) => sentence.text).map(({ key, item: sentence }) => (
          <li key={key}>
            {sentence.onlyHere ? (
              <mark className="only-here">
                <span className="only-here-cue">{cue}:</span> {sentence.text}
              </mark>
            ) : (
              sentence.text
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
