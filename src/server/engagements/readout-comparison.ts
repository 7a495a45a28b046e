import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import type { TReadoutComparison } from '../../shared/engagements';
import type { Executor } from '../db/client';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { loadEngagementDetails } from './engagement-details';
import { requireVisibleEngagement } from './engagement-policy';
import { findEngagementRow } from './engagement-queries';

/**
 * Our readout beside the counterpart's own account: which of our sentences they do not echo,
 * which of theirs we do not, and which points we record as delivered their account does not
 * mention. Sentences and words come from Intl.Segmenter (Unicode segmentation rules, built
 * into Node), which knows that "U.S." does not end a sentence.
 */
const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });
const WORDS = new Intl.Segmenter('en', { granularity: 'word' });

// Function words carry no content: two sentences sharing "the" and "to" say nothing alike.
// The list is stopword's English one; "us" stays, since in readouts it is usually the country.
const STOP_WORDS = new Set([...eng, 'says', 'say'].filter((word) => word !== 'us'));

/**
 * Below this Jaccard similarity of content-word sets, a sentence has no counterpart on the
 * other side. Two renderings of one statement share most of their subject matter (0.5 and
 * up); sentences that merely share a name or a place ("the Secretary", "Pakistan") among
 * six to ten content words score 0.1 to 0.2. A third of the combined vocabulary in common
 * sits between the two.
 */
export const SENTENCE_SIMILARITY_THRESHOLD = 0.3;

/**
 * A delivered point counts as not mentioned when at least half of its content words appear
 * nowhere in their account. Accounts paraphrase and drop qualifiers, so demanding every word
 * would flag nearly every point; one shared word (often a place name) is not a mention.
 */
export const POINT_MISSING_SHARE = 0.5;

export function splitSentences(text: string): string[] {
  return [...SENTENCES.segment(text)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
}

/**
 * Lowercased, stemmed words without punctuation or stop words ("U.S." and "US" both give
 * "us"; "urged" and "urge" both give "urg"), so that a paraphrase matches what it restates.
 */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const segment of WORDS.segment(text.toLowerCase())) {
    if (!segment.isWordLike) continue;
    const word = segment.segment.replace(/[^\p{L}\p{N}]/gu, '');
    if (word.length > 0 && !STOP_WORDS.has(word)) words.add(stemmer(word));
  }
  return words;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

function markSentences(sentences: string[], others: Set<string>[]): { text: string; onlyHere: boolean }[] {
  return sentences.map((text) => {
    const words = contentWords(text);
    // A sentence without content words ("Yes.") cannot differ; with no other account, nothing can.
    const onlyHere = words.size > 0 && others.length > 0 && others.every((other) => jaccard(words, other) < SENTENCE_SIMILARITY_THRESHOLD);
    return { text, onlyHere };
  });
}

export interface DeliveredPoint {
  talkingPointId: string;
  number: number;
  text: string;
}

export function compareReadouts(
  ourReadout: string,
  counterpartAccount: string | null,
  delivered: DeliveredPoint[],
): Pick<TReadoutComparison, 'ourSentences' | 'counterpartSentences' | 'pointsNotMentioned'> {
  const ours = splitSentences(ourReadout);
  const theirs = splitSentences(counterpartAccount ?? '');
  const ourWords = ours.map(contentWords);
  const theirWords = theirs.map(contentWords);
  const theirVocabulary = contentWords(counterpartAccount ?? '');
  const pointsNotMentioned =
    theirs.length === 0
      ? [] // no account to compare with: nothing is "not mentioned" in it
      : delivered.filter((point) => {
          const words = [...contentWords(point.text)];
          const missing = words.filter((word) => !theirVocabulary.has(word)).length;
          return words.length > 0 && missing / words.length >= POINT_MISSING_SHARE;
        });
  return {
    ourSentences: markSentences(ours, theirWords),
    counterpartSentences: markSentences(theirs, ourWords),
    pointsNotMentioned: pointsNotMentioned.map(({ talkingPointId, number, text }) => ({ talkingPointId, number, text })),
  };
}

/** The comparison for one engagement the viewer may see (404 otherwise). */
export async function getReadoutComparison(db: Executor, id: string, viewer: Actor): Promise<TReadoutComparison> {
  requirePermission(viewer, 'records.read');
  const row = requireVisibleEngagement(viewer, await findEngagementRow(db, id));
  const details = (await loadEngagementDetails(db, [id], viewer)).get(id)!;
  return {
    ourReadout: row.ourReadout,
    counterpartAccount: row.counterpartAccount,
    counterpartSourceUrl: row.counterpartSourceUrl,
    ...compareReadouts(
      row.ourReadout,
      row.counterpartAccount,
      details.points.filter((point) => point.delivered),
    ),
  };
}
