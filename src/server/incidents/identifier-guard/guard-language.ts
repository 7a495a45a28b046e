import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { deu, eng, fra } from 'stopword';
import { GUARD_LANGUAGES, type GuardLanguage } from './nlp-models';

/**
 * Which models read a text: the caller's hint, else franc-min's choice among the three when the
 * text's function words (the stopword package's lists) agree with it clearly. franc's scores
 * are relative distances and sit within a few per cent of each other on long texts, so they
 * cannot say how sure franc is; the function words can. When the two disagree, or the text is
 * too short to tell ("Bahnhof Solingen"), all three models read it.
 */
export function languagesOf(text: string, hint?: GuardLanguage): GuardLanguage[] {
  if (hint) return [hint];
  const sample = text.slice(0, SAMPLE_LENGTH);
  const [best, second] = functionWordCounts(sample);
  // franc is asked only when its answer can matter: without clear function words the answer is
  // all three whatever franc says.
  if (!(best!.count > 0 && second!.count < best!.count * CLOSE_CALL)) return [...GUARD_LANGUAGES];
  return francTop(sample) === best!.language ? [best!.language] : [...GUARD_LANGUAGES];
}

/** The runner-up language's share of function words, relative to the best, that makes it a close call. */
const CLOSE_CALL = 0.75;
/** A summary's language shows in its first paragraph. */
const SAMPLE_LENGTH = 1000;

/** Each function word of the stopword package's lists, with the languages (GUARD_LANGUAGES' indexes) that list it. */
const FUNCTION_WORDS = new Map<string, number[]>();
[eng, deu, fra].forEach((words, language) => {
  for (const word of new Set(words)) FUNCTION_WORDS.set(word, [...(FUNCTION_WORDS.get(word) ?? []), language]);
});

/** How many of the sample's words are function words of each language, most first (ties in GUARD_LANGUAGES order). */
function functionWordCounts(sample: string): { language: GuardLanguage; count: number }[] {
  const counts = GUARD_LANGUAGES.map((language) => ({ language, count: 0 }));
  for (const [word] of sample.toLowerCase().matchAll(/\p{L}+/gu)) {
    for (const language of FUNCTION_WORDS.get(word) ?? []) counts[language]!.count += 1;
  }
  return counts.sort((a, b) => b.count - a.count);
}

/**
 * franc-min's first answer, `francAll(sample, { minLength: 10, only: ['eng', 'deu', 'fra'] })[0]`,
 * computed from franc-min's own data without building what the answer does not need. franc cost
 * 0.1 ms for a 150-character summary, three quarters of the whole guard's time on such text:
 * it builds every trigram as a string, counts them in an object, sorts them, and tries all of
 * the script's languages. The answer is the same by construction, and a test compares the two:
 *
 * - franc answers `und` below 10 characters, and when the script most of the characters are in
 *   (the first of franc's scripts with the highest count, as franc picks it) is not Latin: the
 *   three languages are only in franc's Latin data.
 * - Otherwise it answers the language at the least distance, the first in franc's data order
 *   on a tie (its sort is stable). The distance to a language is the sum, over the distinct
 *   trigrams of the cleaned text, of |count − rank − 1| when the language's profile has the
 *   trigram and 300 when it does not. Every distinct trigram adds 300 to all three unless the
 *   profile has it, so the three distances differ only by Σ (|count − rank − 1| − 300) over the
 *   trigrams of each profile: only those need counting.
 */
export function francTop(sample: string): GuardLanguage | undefined {
  if (sample.length < FRANC_MIN_LENGTH) return undefined;
  const value = sample.slice(0, FRANC_MAX_LENGTH);
  if (topScript(value) !== 'Latin') return undefined;
  const padded = ` ${clean(value)} `;
  // Each trigram as a number, from its letters' places in the profiles' alphabet: no strings made.
  const touched: number[] = [];
  let key = letterOf(padded.charCodeAt(0)) * ALPHABET + letterOf(padded.charCodeAt(1));
  for (let index = 2; index < padded.length; index += 1) {
    key = (key % (ALPHABET * ALPHABET)) * ALPHABET + letterOf(padded.charCodeAt(index));
    const id = PROFILE_TRIGRAMS[key]!;
    if (id < 0) continue;
    if (COUNTS[id] === 0) touched.push(id);
    COUNTS[id]! += 1;
  }
  let top: GuardLanguage | undefined;
  let least = Number.POSITIVE_INFINITY;
  for (const { language, ranks } of PROFILES) {
    let distance = 0;
    for (const id of touched) if (ranks[id]! >= 0) distance += Math.abs(COUNTS[id]! - ranks[id]! - 1) - FRANC_MISSING;
    if (distance < least) {
      least = distance;
      top = language;
    }
  }
  for (const id of touched) COUNTS[id] = 0;
  return top;
}

const FRANC_MIN_LENGTH = 10;
const FRANC_MAX_LENGTH = 2048;
const FRANC_MISSING = 300;
const FRANC_CODES: Record<string, GuardLanguage> = { eng: 'en', deu: 'de', fra: 'fr' };

/** trigram-utils' `clean`, which franc applies: no ASCII punctuation or digits, white space collapsed, lower case. */
const clean = (value: string) =>
  value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const CODES = Object.keys(data.Latin!).filter((code) => code in FRANC_CODES);
/** franc's profiles: trigrams by rank; franc keeps the first rank of a trigram listed twice. */
const LISTS = CODES.map((code) => data.Latin![code]!.split('|'));
/** The code units the profiles use, numbered from 1; 0 stands for every other unit, in no profile. */
const LETTERS = [...new Set(LISTS.flat().join('').split(''))];
const ALPHABET = LETTERS.length + 1;
const LETTER_NUMBERS = new Uint8Array(0x10000);
LETTERS.forEach((letter, index) => {
  LETTER_NUMBERS[letter.charCodeAt(0)] = index + 1;
});
const letterOf = (unit: number) => LETTER_NUMBERS[unit]!;
const keyOf = (trigram: string) => [...trigram].reduce((key, letter) => key * ALPHABET + letterOf(letter.charCodeAt(0)), 0);
/** By trigram key, the trigram's number in the union of the profiles, or −1. */
const PROFILE_TRIGRAMS = new Int32Array(ALPHABET ** 3).fill(-1);
let trigrams = 0;
for (const trigram of LISTS.flat()) if (PROFILE_TRIGRAMS[keyOf(trigram)] === -1) PROFILE_TRIGRAMS[keyOf(trigram)] = trigrams++;
const PROFILES = CODES.map((code, index) => {
  const ranks = new Int32Array(trigrams).fill(-1);
  LISTS[index]!.forEach((trigram, rank) => {
    const id = PROFILE_TRIGRAMS[keyOf(trigram)]!;
    if (ranks[id] === -1) ranks[id] = rank;
  });
  return { language: FRANC_CODES[code]!, ranks };
});
/** Counts of one call, zeroed again before it returns. */
const COUNTS = new Int32Array(trigrams);

/**
 * franc's top script: the first of its scripts with the most matches. franc matches every
 * script's expression over the text; for text in the first 2,048 code units (Latin, Greek,
 * Cyrillic, Arabic…) the counts come from a table instead, which is exact because franc's
 * expressions are lists of one-unit classes and surrogate pairs (checked here, else no table):
 * in such text every match is one unit, matched by the expression alone.
 */
function topScript(value: string): string | undefined {
  const counts = narrowCounts(value) ?? SCRIPTS.map((script) => value.match(expressions[script]!)?.length ?? 0);
  let top: string | undefined;
  let topCount = -1;
  SCRIPTS.forEach((script, index) => {
    const count = counts[index]! / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  });
  return top;
}

const SCRIPTS = Object.keys(expressions);
const NARROW = 0x800;

function narrowCounts(value: string): number[] | undefined {
  if (!NARROW_SCRIPTS) return undefined;
  const counts = SCRIPTS.map(() => 0);
  for (let index = 0; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    if (unit >= NARROW) return undefined;
    const script = NARROW_SCRIPTS[unit]!;
    if (script >= 0) counts[script]! += 1;
  }
  return counts;
}

/** A top-level alternative of an expression: one class, or a pair that starts with a high surrogate (alone or in a class). */
const HIGH = String.raw`\\u[dD][89abAB][0-9a-fA-F]{2}`;
const ONE_UNIT = new RegExp(String.raw`^\[(?:\\.|[^\]\\])*\]$|^(?:${HIGH}|\[(?:${HIGH}(?:-${HIGH})?)+\])`, 'u');
function alternatives(source: string): string[] {
  const parts = [''];
  let inClass = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index]!;
    if (char === '\\') {
      parts[parts.length - 1] += source.slice(index, index + 2);
      index += 1;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '|' && !inClass) {
      parts.push('');
      continue;
    }
    parts[parts.length - 1] += char;
  }
  return parts;
}
const ONE_UNIT_FORM = SCRIPTS.every((script) => {
  const { source, flags } = expressions[script]!;
  return flags === 'g' && alternatives(source).every((part) => ONE_UNIT.test(part));
});
/** By code unit below NARROW, the one script whose expression matches that unit alone, or −1 (none matches it). */
const NARROW_SCRIPTS = ONE_UNIT_FORM ? narrowScripts() : undefined;
function narrowScripts(): Int8Array | undefined {
  const alone = SCRIPTS.map((script) => new RegExp(`^(?:${expressions[script]!.source})$`));
  const table = new Int8Array(NARROW).fill(-1);
  for (let unit = 0; unit < NARROW; unit += 1) {
    const letter = String.fromCharCode(unit);
    const matching = alone.flatMap((expression, index) => (expression.test(letter) ? [index] : []));
    // A unit of two scripts would count twice: no table (never so in franc-min 6).
    if (matching.length > 1) return undefined;
    table[unit] = matching[0] ?? -1;
  }
  return table;
}
