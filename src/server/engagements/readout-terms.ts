import { eng } from 'stopword';
import { addConcept, type Concepts, collocationMeaning, countryNames, SYNONYM_WEIGHT, type WordMeaning, wordMeaning } from './readout-concepts';
import { markNegation } from './readout-negation';
import { EXTRA_STOP_WORDS, FRAMING_CONCEPTS, PHRASE_GROUPS, REPORTING_WORDS, ROLE_WEIGHT, ROLE_WORDS } from './readout-phrases';
import { type Token, tokenize } from './readout-tokens';

/** One unit of content of a statement: a word, a name or a multi-word expression. */
export interface Term {
  text: string;
  lemma: string;
  concepts: Concepts;
  /** In the scope of a negation or refusal. */
  negated: boolean;
  weight: number;
}

const STOP_WORDS = new Set([...eng, ...EXTRA_STOP_WORDS, ...REPORTING_WORDS]);
const COMPASS = new Set(['north', 'south', 'east', 'west', 'central', 'southeast', 'northeast', 'southwest', 'northwest']);
const MAX_GAP = 2;

const PHRASES = PHRASE_GROUPS.flatMap(({ concept, opposite, phrases }) =>
  phrases.map((phrase) => ({ concept, opposite: opposite === true, words: phrase.split(' ') })),
).sort((a, b) => b.words.length - a.words.length);

type Marked = Token & { cue: boolean; negated: boolean };

function hasForm(token: Marked | undefined, form: string): boolean {
  return token !== undefined && !token.boundary && !token.cue && (token.word === form || wordMeaning(token.word).concepts.has(`w:${form}`));
}

/** The tokens of a multi-word phrase starting at `start`, with up to MAX_GAP other words between its words. */
function phraseAt(tokens: Marked[], start: number, words: string[]): number[] | null {
  if (!hasForm(tokens[start], words[0]!)) return null;
  const matched = [start];
  for (const word of words.slice(1)) {
    let at = matched[matched.length - 1]! + 1;
    const limit = at + MAX_GAP;
    while (at <= limit && at < tokens.length && !tokens[at]!.boundary && !hasForm(tokens[at], word)) at += 1;
    if (at > limit || !hasForm(tokens[at], word)) return null;
    matched.push(at);
  }
  return matched;
}

function contiguous(tokens: Marked[], start: number, length: number): string[] | null {
  const slice = tokens.slice(start, start + length);
  if (slice.length < length || slice.some((token) => token.boundary || token.cue)) return null;
  return slice.map((token) => token.word);
}

function isRole(lemma: string): boolean {
  const words = lemma.split(/[_ ]/);
  return ROLE_WORDS.has(lemma) || ROLE_WORDS.has(lemma.replace(/ /g, '_')) || ROLE_WORDS.has(words[words.length - 1]!);
}

function term(tokens: Marked[], indices: number[], meaning: WordMeaning): Term {
  const framing = [...FRAMING_CONCEPTS].some((concept) => meaning.concepts.get(`p:${concept}`)?.own);
  const weight = framing || isRole(meaning.lemma) ? ROLE_WEIGHT : 1;
  const text = indices.map((i) => tokens[i]!.word).join(' ');
  return { text, lemma: meaning.lemma, concepts: meaning.concepts, negated: tokens[indices[0]!]!.negated, weight };
}

/** A multi-word expression: itself, and the concept of its group (as alike as two synonyms). */
function phraseConcepts(lemma: string, key: string, opposite = false): Concepts {
  return new Map([
    [`w:${lemma}`, { weight: 1, own: true, opposite: false }],
    [key, { weight: SYNONYM_WEIGHT, own: true, opposite }],
  ]);
}

/** The longest name, phrase or collocation starting at `i`, as a term and the tokens it takes. */
function multiWordAt(tokens: Marked[], i: number): { indices: number[]; meaning: WordMeaning } | null {
  for (let length = 6; length >= 1; length -= 1) {
    const words = contiguous(tokens, i, length);
    const code = words && countryNames().get(words.join(' '));
    if (code) return { indices: words.map((_, k) => i + k), meaning: { lemma: `country ${code}`, concepts: phraseConcepts(code, `c:${code}`) } };
  }
  for (const phrase of PHRASES) {
    if (phrase.words.length < 2) break;
    const indices = phraseAt(tokens, i, phrase.words);
    const lemma = phrase.words.join(' ');
    if (indices) return { indices, meaning: { lemma, concepts: phraseConcepts(lemma, `p:${phrase.concept}`, phrase.opposite) } };
  }
  const place = contiguous(tokens, i, 2);
  if (place && COMPASS.has(place[0]!) && tokens[i]!.capitalized && tokens[i + 1]!.capitalized) {
    const lemma = place.join(' ');
    return { indices: [i, i + 1], meaning: { lemma, concepts: new Map([[`w:${lemma}`, { weight: 1, own: true, opposite: false }]]) } };
  }
  for (const length of [3, 2]) {
    const words = contiguous(tokens, i, length);
    if (!words || STOP_WORDS.has(words[0]!)) continue;
    const meaning = collocationMeaning(words);
    if (meaning) return { indices: words.map((_, k) => i + k), meaning };
  }
  return null;
}

/** The content of a statement, word by word, each marked negated or not. */
export function statementTerms(statement: string): Term[] {
  const tokens = tokenize(statement);
  const marks = markNegation(tokens);
  const marked: Marked[] = tokens.map((token, i) => ({ ...token, cue: marks.cue[i]!, negated: marks.negated[i]! }));
  const terms: Term[] = [];
  const used = new Set<number>();
  for (let i = 0; i < marked.length; i += 1) {
    const token = marked[i]!;
    if (used.has(i) || token.boundary || token.cue) continue;
    const multi = multiWordAt(marked, i);
    if (multi) {
      for (const index of multi.indices) used.add(index);
      terms.push(term(marked, multi.indices, multi.meaning));
      continue;
    }
    if (STOP_WORDS.has(token.word) || !/\p{L}{2}|\p{N}/u.test(token.word)) continue;
    const meaning = wordMeaning(token.word);
    const concepts: Concepts = new Map(meaning.concepts);
    for (const phrase of PHRASES) {
      if (phrase.words.length === 1 && hasForm(token, phrase.words[0]!)) {
        addConcept(concepts, `p:${phrase.concept}`, { weight: SYNONYM_WEIGHT, own: true, opposite: phrase.opposite });
      }
    }
    terms.push(term(marked, [i], { lemma: meaning.lemma, concepts }));
  }
  return terms;
}
