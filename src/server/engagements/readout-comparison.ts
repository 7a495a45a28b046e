import type { TReadoutComparison, TReadoutSentence } from '../../shared/engagements';
import type { Executor } from '../db/client';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { loadEngagementDetails } from './engagement-details';
import { requireVisibleEngagement } from './engagement-policy';
import { findEngagementRow } from './engagement-queries';
import { type Alignment, alignSentences, coverage } from './readout-alignment';
import { detectLanguage, languageNotice } from './readout-language';
import { splitAccount } from './readout-sentences';
import { statementTerms, type Term } from './readout-terms';

/**
 * Our readout beside the counterpart's own account. Notes (source notes, editorial brackets,
 * attributions) are set apart; each statement gets its closest counterpart in the other account,
 * how much of it that counterpart covers, and a status: shared, partial, only here, or
 * contradicted when the two say the same thing with opposite polarity. The method compares
 * English wording and negation; when the accounts are in different languages it marks nothing.
 */

/**
 * A delivered point counts as mentioned when at least half of its content, weighted as for
 * sentences, is found anywhere in their account (with either polarity: a refusal mentions it).
 */
export const POINT_MENTIONED_SHARE = 0.5;

export interface DeliveredPoint {
  talkingPointId: string;
  number: number;
  text: string;
}

function sentencesOf(statements: string[], terms: Term[][], alignments: Alignment[] | null): TReadoutSentence[] {
  return statements.map((text, i) => {
    const alignment = alignments?.[i] ?? { status: 'not_compared' as const, closest: null };
    const onlyHere = alignment.status === 'only_here' || alignment.status === 'partial' || alignment.status === 'contradicted';
    return { text, onlyHere, status: alignment.status, negated: terms[i]!.some((term) => term.negated), closest: alignment.closest };
  });
}

export type ComparedReadouts = Omit<TReadoutComparison, 'ourReadout' | 'counterpartAccount' | 'counterpartSourceUrl'>;

export function compareReadouts(ourReadout: string, counterpartAccount: string | null, delivered: DeliveredPoint[]): ComparedReadouts {
  const ours = splitAccount(ourReadout);
  const theirs = counterpartAccount === null ? null : splitAccount(counterpartAccount);
  const ourTerms = ours.statements.map(statementTerms);
  const theirTerms = (theirs?.statements ?? []).map(statementTerms);
  const ourLanguage = detectLanguage(ours.statements.join(' '));
  const theirLanguage = theirs ? detectLanguage(theirs.statements.join(' ')) : null;
  const notesOnly = theirs !== null && theirs.statements.length === 0 && theirs.notes.length > 0;
  const notice = notesOnly
    ? 'Their account holds notes only (a source note, an editorial bracket or an attribution): there is no statement to compare.'
    : theirLanguage && theirs?.statements.length
      ? languageNotice(ourLanguage, theirLanguage)
      : null;
  // Nothing to compare with, or nothing the method can read: no sentence is marked.
  const compared = theirs !== null && theirs.statements.length > 0 && notice === null;
  const allTheirs = theirTerms.flat();
  const pointsNotMentioned = compared
    ? delivered.filter((point) => {
        const found = coverage(statementTerms(point.text), allTheirs);
        return found.weight > 0 && (found.agree + found.conflict) / found.weight < POINT_MENTIONED_SHARE;
      })
    : [];
  return {
    ourSentences: sentencesOf(ours.statements, ourTerms, compared ? alignSentences(ourTerms, theirTerms) : null),
    counterpartSentences: sentencesOf(theirs?.statements ?? [], theirTerms, compared ? alignSentences(theirTerms, ourTerms) : null),
    ourNotes: ours.notes,
    counterpartNotes: theirs?.notes ?? [],
    languages: { ours: ourLanguage, theirs: theirLanguage },
    compared,
    notice,
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
