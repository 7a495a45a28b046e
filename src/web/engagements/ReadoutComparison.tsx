import { useQuery } from '@tanstack/react-query';
import { READOUT_MATCH, type TReadoutComparison, type TReadoutNote, type TReadoutSentence } from '../../shared/engagements';
import { apiGet } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { keyedByContent } from '../ui/lists';

type Side = 'ours' | 'theirs';
const OTHER: Record<Side, Side> = { ours: 'theirs', theirs: 'ours' };
const percent = (share: number) => `${Math.round(share * 100)}%`;

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
  const ours = { sentences: comparison.ourSentences, notes: comparison.ourNotes, language: comparison.languages.ours.name };
  if (!comparison.counterpartAccount) {
    return (
      <>
        <p className="muted">No counterpart account is recorded, so there is nothing to compare. Add their public readout by editing the engagement.</p>
        <SentenceColumn side="ours" {...ours} others={[]} />
      </>
    );
  }
  const theirs = { sentences: comparison.counterpartSentences, notes: comparison.counterpartNotes, language: comparison.languages.theirs?.name ?? null };
  return (
    <>
      {comparison.notice && (
        <p className="comparison-notice" role="note">
          <strong>Not compared.</strong> {comparison.notice}
        </p>
      )}
      {comparison.compared && <Legend />}
      <div className="comparison" aria-describedby={comparison.compared ? 'comparison-legend' : undefined}>
        <SentenceColumn side="ours" {...ours} others={theirs.sentences} />
        <SentenceColumn side="theirs" {...theirs} others={ours.sentences} source={comparison.counterpartSourceUrl} />
      </div>
      <h3>Points we delivered that their account does not mention</h3>
      {!comparison.compared ? (
        <p className="muted">Not compared: see above.</p>
      ) : comparison.pointsNotMentioned.length === 0 ? (
        <p className="muted">None: their account touches every point we record as delivered (in wording; it may reject a point it mentions).</p>
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

/** What the method does and does not see, with the thresholds the server applies. */
function Legend() {
  return (
    <div className="comparison-legend" id="comparison-legend">
      <p>
        Each sentence is set against every sentence of the other account; the closest one is named, with the share of this sentence’s content it covers. Words
        count in their dictionary form, with their WordNet synonyms and related forms and a list of diplomatic phrases (“reduce tensions” is “de-escalate”); a
        title (“the Secretary”) or a framing verb (“urged”) counts a third.
      </p>
      <ul>
        <li>
          Unmarked: <strong>shared</strong>: its closest counterpart covers at least {percent(READOUT_MATCH.sharedCoverage)} of it and misses less than one
          content word.
        </li>
        <li>
          <mark className="partial">
            <span className="only-here-cue">Partly in theirs / ours</span>
          </mark>
          : part of it is in the other account (at least {percent(READOUT_MATCH.partialCoverage)}, including a content word or its synonym); the rest is not.
        </li>
        <li>
          <mark className="only-here">
            <span className="only-here-cue">Only in ours / theirs</span>
          </mark>
          : less than that, or nothing in common but titles, framing verbs and loosely related words.
        </li>
        <li>
          <mark className="contradicted">
            <span className="only-here-cue">Contradicts</span>
          </mark>
          : a sentence about the same thing says it with the opposite polarity: a negation or refusal (not, no, never, without, refused to, declined to,
          rejected, denied, ruled out…).
        </li>
      </ul>
      <p className="small">
        It compares wording and polarity, not facts: two accounts can agree and both be wrong. It cannot tell sarcasm, emphasis, tone or hedging, who said what
        to whom beyond the words, or what was left unsaid, except as a sentence missing from one side. Negation is read clause by clause by rule of thumb, not
        parsed. A paraphrase in words it does not know shows as partly or only in one account. It reads English only. Notes (source notes, [editorial brackets],
        — attributions) are set apart and not compared.
      </p>
    </div>
  );
}

const CUE: Record<TReadoutSentence['status'], ((side: Side) => string) | null> = {
  shared: null,
  not_compared: null,
  partial: (side) => `partly in ${OTHER[side]}`,
  only_here: (side) => `only in ${side}`,
  contradicted: (side) => `contradicts ${OTHER[side]}`,
};
const MARK_CLASS: Partial<Record<TReadoutSentence['status'], string>> = { partial: 'partial', only_here: 'only-here', contradicted: 'contradicted' };

interface ColumnProps {
  side: Side;
  sentences: TReadoutSentence[];
  notes: TReadoutNote[];
  language: string | null;
  others: TReadoutSentence[];
  source?: string | null;
}

function SentenceColumn({ side, sentences, notes, language, others, source }: ColumnProps) {
  const title = side === 'ours' ? 'Our readout' : 'Their account';
  const count = (status: TReadoutSentence['status']) => sentences.filter((sentence) => sentence.status === status).length;
  const counts = [
    [count('shared'), 'shared'],
    [count('partial'), `partly in ${OTHER[side]}`],
    [count('only_here'), `only in ${side}`],
    [count('contradicted'), 'contradicted'],
  ].filter(([n]) => n !== 0);
  return (
    <section className="comparison-column" aria-label={title}>
      <h3>
        {title}
        {language && <span className="small"> ({language})</span>}{' '}
        <span className="count small">
          ({sentences.length} sentence{sentences.length === 1 ? '' : 's'}
          {counts.length > 0 && `: ${counts.map(([n, label]) => `${n} ${label}`).join(', ')}`})
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
      {sentences.length === 0 && <p className="muted">No statement.</p>}
      <ol className="sentences">
        {keyedByContent(sentences, (sentence) => sentence.text).map(({ key, item: sentence }, i) => (
          <li key={key} id={`sentence-${side}-${i + 1}`}>
            <SentenceText sentence={sentence} side={side} />
            <Counterpart sentence={sentence} side={side} others={others} />
          </li>
        ))}
      </ol>
      {notes.length > 0 && (
        <div className="readout-notes">
          <h4>Notes, not compared</h4>
          <ul>
            {keyedByContent(notes, (note) => note.text).map(({ key, item: note }) => (
              <li key={key}>
                <span className="note-kind">{note.kind.replace('_', ' ')}:</span> {note.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function SentenceText({ sentence, side }: { sentence: TReadoutSentence; side: Side }) {
  const cue = CUE[sentence.status]?.(side);
  const markClass = MARK_CLASS[sentence.status];
  if (!cue || !markClass) return <>{sentence.text}</>;
  return (
    <mark className={markClass}>
      <span className="only-here-cue">{cue}:</span> {sentence.text}
    </mark>
  );
}

function Counterpart({ sentence, side, others }: { sentence: TReadoutSentence; side: Side; others: TReadoutSentence[] }) {
  const closest = sentence.closest;
  const other = closest ? others[closest.index] : undefined;
  if (!closest || !other) return null;
  const where = OTHER[side];
  if (closest.score === 0) return <p className="closest small muted">Nothing alike in {where}.</p>;
  const contradicted = sentence.status === 'contradicted';
  return (
    <p className="closest small">
      {contradicted ? 'Contradicted by ' : 'Closest in '}
      {contradicted ? '' : `${where}: `}
      <a href={`#sentence-${where}-${closest.index + 1}`}>
        {where} {closest.index + 1}
      </a>
      , {contradicted ? `same content ${percent(closest.score)}, opposite polarity` : `covers ${percent(closest.score)}`}{' '}
      <meter min={0} max={1} value={closest.score} aria-label={`Share covered by ${where} ${closest.index + 1}`} /> “{other.text}”
    </p>
  );
}
