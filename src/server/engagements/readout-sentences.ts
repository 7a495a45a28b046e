import type { TReadoutNote } from '../../shared/engagements';
import { endsWithAbbreviation } from './readout-abbreviations';

/**
 * An account split into its statements and its notes. Notes are about the account, not part of
 * it: a parenthesis or bracket that stands as a sentence ("(Paraphrase of the readout, as
 * reported.)", "[Unofficial translation.]"), an editorial aside inside a sentence ("(as
 * reported)", "[sic]", "[…]"), and an attribution line ("— Ministry statement", "Source: …").
 * Other parentheses and brackets ("(TTP)", "[the Secretary]") are words of the sentence.
 * Sentences come from Intl.Segmenter (Unicode rules), rejoined where a full stop only ended an
 * abbreviation ("Secy.", "S. Asia").
 */
export interface SplitAccount {
  statements: string[];
  notes: TReadoutNote[];
}

const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });
const EDITORIAL =
  /\b(?:as reported|reported|paraphrase[ds]?|translat(?:ion|ed)|unofficial|source|sic|emphasis|editor(?:'s)?|ed\.|note|inaudible|unofficial|abridged|excerpts?|summary|verbatim)\b|^\s*(?:…|\.\.\.)\s*$/i;
const SOURCE_CUES = /\b(?:paraphrase|reported|source|readout|statement|translation|published|quoted)\b/i;
// A line that opens with a dash ("— Ministry statement"); a single hyphen opens a bullet, which is a statement.
const ATTRIBUTION_LINE = /^\s*(?:[—–]|--)\s*(\S[^\n]{0,119})$/;
const SOURCE_LINE = /^\s*(?:sources?|via|attribution)\s*:\s*(\S.*)$/i;
// "…tensions. — Ministry statement": a dash after the last sentence, and a short line after it.
const TRAILING_ATTRIBUTION = /([.!?)\]"”’])\s+(?:[—–]|--)\s*([^.!?\n]{1,120}?)\s*$/;

function opensSentence(before: string): boolean {
  return /(?:^|[.!?…)\]"”’])\s*$/.test(before);
}

function extractGroups(line: string, notes: TReadoutNote[]): string {
  const group = /\(([^()]*)\)|\[([^[\]]*)\]/g;
  return line.replace(group, (whole: string, paren: string | undefined, bracket: string | undefined, offset: number) => {
    const inner = (paren ?? bracket ?? '').trim();
    const standalone = opensSentence(line.slice(0, offset));
    // A bracket is editorial by convention; a parenthesis only when it says so ("as reported").
    if (EDITORIAL.test(inner) || inner.length === 0 || (standalone && bracket !== undefined)) {
      const kind = paren !== undefined && SOURCE_CUES.test(inner) ? 'source_note' : 'editorial';
      notes.push({ text: whole, kind });
      return standalone ? ' ' : '';
    }
    return bracket !== undefined ? inner : whole;
  });
}

export function splitAccount(text: string): SplitAccount {
  const notes: TReadoutNote[] = [];
  const body: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const attribution = ATTRIBUTION_LINE.exec(line) ?? SOURCE_LINE.exec(line);
    if (attribution) {
      notes.push({ text: line.trim(), kind: 'attribution' });
      continue;
    }
    const trailing = TRAILING_ATTRIBUTION.exec(line);
    let kept = line;
    if (trailing) {
      kept = line.slice(0, trailing.index + trailing[1]!.length);
      notes.push({ text: line.slice(trailing.index + trailing[1]!.length).trim(), kind: 'attribution' });
    }
    body.push(extractGroups(kept, notes));
  }
  // Notes were taken in line order, attribution before the groups of its line: show them in text order.
  notes.sort((a, b) => text.indexOf(a.text) - text.indexOf(b.text));
  return { statements: splitSentences(body.join('\n')), notes };
}

export function splitSentences(text: string): string[] {
  const segments = [...SENTENCES.segment(text)].map((segment) => segment.segment);
  const sentences: string[] = [];
  let current = '';
  segments.forEach((segment, i) => {
    current += segment;
    if (i < segments.length - 1 && endsWithAbbreviation(current, segments[i + 1]!)) return;
    const sentence = current.replace(/\s+/g, ' ').trim();
    // A sentence needs a word: a stray "." or "—" left by a note is not one.
    if (/[\p{L}\p{N}]/u.test(sentence)) sentences.push(sentence);
    current = '';
  });
  return sentences;
}
