import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/**
 * The words of a summary as a set of shingles, and the Jaccard similarity of two such sets:
 * the measure near-duplicates are judged by. Shingles are single words: lower-cased, accents
 * removed, numbers written as digits, English stop words dropped and stemmed (Porter), so that
 * "three residents were injured" and "3 injured residents" share "3", "resid" and "injur". On
 * evaluation-cases.ts two- and three-word shingles matched far fewer paraphrases, since outlets
 * rarely keep each other's word order (docs/duplicates.md).
 */

const STOP_WORDS = new Set(eng);
const NUMBER_WORDS = new Map<string, string>(
  Object.entries({
    one: '1',
    two: '2',
    three: '3',
    four: '4',
    five: '5',
    six: '6',
    seven: '7',
    eight: '8',
    nine: '9',
    ten: '10',
    eleven: '11',
    twelve: '12',
    twenty: '20',
    thirty: '30',
    forty: '40',
    fifty: '50',
    hundred: '100',
    thousand: '1000',
  }),
);

/**
 * Stems of words seen before: stemming is most of the cost of shingling and summaries share
 * most of their words. Bounded, and only a cache: another process computes the same stems.
 */
const STEMS = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function stem(word: string): string {
  let stemmed = STEMS.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer(word);
    if (STEMS.size >= STEM_CACHE_LIMIT) STEMS.clear();
    STEMS.set(word, stemmed);
  }
  return stemmed;
}

const ASCII = /^\p{ASCII}*$/u;
const ASCII_WORD = /[a-z0-9]+/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** The word shingles of a text. */
export function wordShingles(text: string): Set<string> {
  const shingles = new Set<string>();
  // Most summaries are plain ASCII: only others need accents taken off (Río → rio).
  const ascii = ASCII.test(text);
  const folded = ascii
    ? text.toLowerCase()
    : text
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
  for (const match of folded.matchAll(ascii ? ASCII_WORD : WORD)) {
    const word = NUMBER_WORDS.get(match[0]) ?? match[0];
    if (!STOP_WORDS.has(word)) shingles.add(stem(word));
  }
  return shingles;
}

/** Shared shingles over all shingles of the two: 0 (nothing shared) … 1 (the same words). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared += 1;
  return shared / (a.size + b.size - shared);
}
