import { READOUT_MATCH, type TReadoutSentenceStatus } from '../../shared/engagements';
import type { Term } from './readout-terms';

/**
 * Sentence against sentence. Each term of a sentence takes its best match among the other
 * sentence's terms (1 for the same word, 0.9 for two WordNet synonyms or two words of one
 * phrase group, less for derived forms and hypernyms); the match agrees when both are negated
 * or neither is (an antonym reverses it: "not escalate" agrees with "de-escalate"), and
 * conflicts otherwise. How much of a sentence its closest counterpart covers, and whether in
 * agreement, gives its status.
 */
interface TermMatch {
  score: number;
  opposite: boolean;
}

function termMatch(a: Term, b: Term): TermMatch {
  let score = 0;
  let opposite = false;
  const [small, large] = a.concepts.size <= b.concepts.size ? [a.concepts, b.concepts] : [b.concepts, a.concepts];
  for (const [key, link] of small) {
    const other = large.get(key);
    // Two words that merely point to one synset (two hyponyms of "country") are not alike.
    if (!other || !(link.own || other.own)) continue;
    const value = Math.min(link.weight, other.weight);
    const reversed = link.opposite !== other.opposite;
    if (value > score || (value === score && opposite && !reversed)) {
      score = value;
      opposite = reversed;
    }
  }
  return { score, opposite: opposite !== (a.negated !== b.negated) };
}

export interface Coverage {
  /** The sentence's total weight. */
  weight: number;
  /** Weight matched in agreement (each term's weight times its best match). */
  agree: number;
  /** Weight matched with the opposite polarity. */
  conflict: number;
  /** Of `agree`, what terms of full weight bring (content words, not titles or reporting verbs). */
  contentAgree: number;
}

function emptyCoverage(): Coverage {
  return { weight: 0, agree: 0, conflict: 0, contentAgree: 0 };
}

function addTerm(result: Coverage, term: Term, best: TermMatch) {
  if (best.opposite) result.conflict += term.weight * best.score;
  else {
    result.agree += term.weight * best.score;
    if (term.weight === 1) result.contentAgree += best.score;
  }
}

const better = (match: TermMatch, than: TermMatch) => match.score > than.score || (match.score === than.score && than.opposite && !match.opposite);

/** How much of `terms` the terms `by` cover, whichever sentences these come from. */
export function coverage(terms: Term[], by: Term[]): Coverage {
  const result = emptyCoverage();
  for (const term of terms) {
    result.weight += term.weight;
    let best: TermMatch = { score: 0, opposite: false };
    for (const other of by) {
      const match = termMatch(term, other);
      if (better(match, best)) best = match;
    }
    addTerm(result, term, best);
  }
  return result;
}

/** The terms of an account by concept key, so that a term meets only the terms it shares a key with. */
type ConceptIndex = Map<string, { sentence: number; term: Term }[]>;

function indexConcepts(sentences: Term[][]): ConceptIndex {
  const index: ConceptIndex = new Map();
  sentences.forEach((terms, sentence) => {
    for (const term of terms) {
      for (const key of term.concepts.keys()) {
        const postings = index.get(key);
        if (postings) postings.push({ sentence, term });
        else index.set(key, [{ sentence, term }]);
      }
    }
  });
  return index;
}

/** `coverage(terms, other)` for every sentence of the indexed account at once. */
function coverageByEach(terms: Term[], index: ConceptIndex, count: number): Coverage[] {
  const results = Array.from({ length: count }, emptyCoverage);
  for (const term of terms) {
    const best = new Map<number, TermMatch>();
    const seen = new Set<Term>();
    for (const key of term.concepts.keys()) {
      for (const { sentence, term: other } of index.get(key) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        const match = termMatch(term, other);
        const known = best.get(sentence);
        if (match.score > 0 && (!known || better(match, known))) best.set(sentence, match);
      }
    }
    for (const result of results) result.weight += term.weight;
    for (const [sentence, match] of best) addTerm(results[sentence]!, term, match);
  }
  return results;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** The weight each side of a contradiction must say with the opposite polarity: half a content word, more than a title. */
const CONFLICT_MINIMUM = 0.5;

/**
 * Two sentences contradict each other when they are about the same thing (one is at least half
 * covered by the other) and a substantial share of what they have in common is said with the
 * opposite polarity, on both sides (a content word, not only a title).
 */
export function contradicts(forward: Coverage, backward: Coverage): boolean {
  const content = Math.max(share(forward.agree + forward.conflict, forward.weight), share(backward.agree + backward.conflict, backward.weight));
  const matched = forward.agree + forward.conflict + backward.agree + backward.conflict;
  const conflicting = forward.conflict + backward.conflict;
  return (
    content >= READOUT_MATCH.contradictionOverlap &&
    share(conflicting, matched) >= READOUT_MATCH.contradictionShare &&
    forward.conflict >= CONFLICT_MINIMUM &&
    backward.conflict >= CONFLICT_MINIMUM
  );
}

/** Shared when its counterpart covers most of it and misses less than one content word; partial when it covers a content word. */
function statusOf(found: Coverage): TReadoutSentenceStatus {
  const covered = share(found.agree, found.weight);
  if (covered >= READOUT_MATCH.sharedCoverage && found.weight - found.agree < READOUT_MATCH.sharedMissingBelow) return 'shared';
  return covered >= READOUT_MATCH.partialCoverage && found.contentAgree >= READOUT_MATCH.partialContent ? 'partial' : 'only_here';
}

export interface Alignment {
  status: TReadoutSentenceStatus;
  closest: { index: number; score: number } | null;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Each sentence of `sentences` against every sentence of `others`. */
export function alignSentences(sentences: Term[][], others: Term[][]): Alignment[] {
  const index = indexConcepts(others);
  return sentences.map((terms) => {
    if (terms.length === 0 || others.length === 0) return { status: 'not_compared', closest: null };
    const pairs = coverageByEach(terms, index, others.length).map((forward, i) => {
      // The reverse coverage only matters where this side has a conflict to confirm.
      const contradiction = forward.conflict >= CONFLICT_MINIMUM && contradicts(forward, coverage(others[i]!, terms));
      return { index: i, forward, contradiction };
    });
    const matched = (pair: (typeof pairs)[number]) => share(pair.forward.agree + pair.forward.conflict, pair.forward.weight);
    const contradiction = pairs.filter((pair) => pair.contradiction).sort((a, b) => matched(b) - matched(a) || a.index - b.index)[0];
    if (contradiction) return { status: 'contradicted', closest: { index: contradiction.index, score: round(matched(contradiction)) } };
    const best = [...pairs].sort((a, b) => b.forward.agree - a.forward.agree || a.index - b.index)[0]!;
    return { status: statusOf(best.forward), closest: { index: best.index, score: round(share(best.forward.agree, best.forward.weight)) } };
  });
}
