import { FRENCH_MONSIEUR, HONORIFICS, isNonNameWord, isPlaceWord, isTitle, PARTICLES } from './name-words';
import {
  adjacent,
  contextTags,
  GIVEN,
  has,
  isAmbiguous,
  isCapitalsSurname,
  isGiven,
  isSurname,
  isUnknownWord,
  nameable,
  type Reading,
  reading,
} from './name-reading';
import type { GuardLanguage } from './nlp-models';
import { tokenize } from './tokens';

/**
 * Personal names. compromise's #Person alone misses most names in incident prose (it knows
 * "Sarah Okonkwo" but not "Kwame Mensah"; de- and fr-compromise tag only the given name of
 * "Hans Müller" and nothing of "Jean Dupont") and it tags "Christian Democrats". So the models
 * say what they know — given names, surnames, places and demonyms from their lexicons, and in
 * context whether a lone name is a person — and a few rules build the span: honorific +
 * surname, given name + surname, name + initial ("Hans M."), a pair of capitalised words before
 * an age ("Tarek Haddad (29)"), and in English and French a pair of unknown proper nouns.
 * Spans leave out honorifics and titles: "Herr Schmidt" → "Schmidt".
 */
export interface NameSpan {
  start: number;
  end: number;
}

const MAX_NAME_WORDS = 4;
const ARTICLES = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines']);
/** Before a lone name these make it a place: "arrested in Bradford", "nach Solingen", "à Lyon". */
const LOCATIVES = new Set([
  ...['in', 'at', 'near', 'from', 'to', 'into', 'outside'],
  ...['nach', 'aus', 'bei', 'im', 'am', 'vom', 'zum', 'zur'],
  ...['à', 'au', 'aux', 'en', 'vers', 'dans', 'près'],
]);
/** "eine Frau Mitte 40": an age, not a surname. */
const AGE_WORDS = new Set(['mitte', 'anfang', 'ende']);
const AGE_AFTER = /^\s*(?:,\s*\d{1,3}\s*,|\(\d{1,3}\))/u;
const NOT_IN_NAME = ['Verb', 'Adjective', 'Adverb', 'Determiner', 'Preposition', 'Pronoun'];

function initialAfter(reading: Reading, index: number): number | undefined {
  const next = reading.tokens[index + 1];
  if (next?.initial && adjacent(reading, reading.tokens[index], next)) return index + 1;
  // "Issa al H."
  if (next && PARTICLES.has(next.lower) && adjacent(reading, reading.tokens[index], next)) {
    const initial = reading.tokens[index + 2];
    if (initial?.initial && adjacent(reading, next, initial)) return index + 2;
  }
  return undefined;
}

/** From a name's first word to its last: surnames, particles ("von der"), an initial. */
function extendRight(reading: Reading, first: number): number {
  const { tokens } = reading;
  let last = first;
  while (last - first < MAX_NAME_WORDS - 1) {
    const initial = initialAfter(reading, last);
    if (initial !== undefined) return initial;
    const next = tokens[last + 1];
    if (!next || !adjacent(reading, tokens[last], next)) break;
    // German capitalises every noun: after the first surname only known names continue.
    const germanNoun = reading.language === 'de' && last > first && !isGiven(reading, next) && !isSurname(reading, next);
    const afterParticle = tokens[last + 2];
    if ((nameable(reading, next) || isCapitalsSurname(next)) && !germanNoun) last += 1;
    else if (PARTICLES.has(next.lower) && adjacent(reading, next, afterParticle) && nameable(reading, afterParticle)) last += 2;
    else break;
  }
  return last;
}

/** Given names before ("Anna Maria"), and in English and French any proper noun before a surname. */
function extendLeft(reading: Reading, first: number, anyProperNoun: boolean): number {
  let start = first;
  while (start > 0) {
    const previous = reading.tokens[start - 1]!;
    if (!adjacent(reading, previous, reading.tokens[start]) || !nameable(reading, previous)) break;
    if (!isGiven(reading, previous) && !(anyProperNoun && reading.language !== 'de' && !previous.sentenceStart)) break;
    start -= 1;
  }
  return start;
}

/**
 * "Sankt Martin", "Victoria Station", "Christian Democrats", "Martin Luther King Boulevard": part
 * of a place or a group, named by the word before or by one of the next capitalised words.
 */
function partOfPlace(reading: Reading, first: number, last: number): boolean {
  const { tokens } = reading;
  const before = tokens[first - 1];
  if (adjacent(reading, before, tokens[first]) && isPlaceWord(before!.lower)) return true;
  const after = tokens[last + 1];
  if (adjacent(reading, tokens[last], after) && isNonNameWord(after!.lower) && !isTitle(after!.lower)) return true;
  // The next word may be a title that ends the name early: "Martin Luther | King Boulevard".
  return adjacent(reading, tokens[last], after) && adjacent(reading, after, tokens[last + 2]) && isPlaceWord(tokens[last + 2]!.lower);
}

/**
 * A given name or surname on its own: the tagger must read it as a person here, it must not also
 * be a common word, nor follow "in" or "nach" ("arrested in Bradford" is a place). At the start
 * of a sentence a capital says nothing, so a verb or a comma must follow ("Grace was injured",
 * not "Grant funding was cut").
 */
function isLoneName(reading: Reading, index: number): boolean {
  const { tokens } = reading;
  const token = tokens[index]!;
  const previous = tokens[index - 1];
  if (isAmbiguous(reading, token) || (previous?.sentence === token.sentence && LOCATIVES.has(previous.lower))) return false;
  const tags = contextTags(reading, index);
  if (!(tags.has('Person') || has(tags, [...GIVEN, 'LastName']))) return false;
  if (!token.sentenceStart) return true;
  const next = tokens[index + 1]?.sentence === token.sentence ? contextTags(reading, index + 1) : new Set<string>();
  const clause = has(next, ['Verb', 'Copula', 'Auxiliary', 'Modal']) && !next.has('Gerund');
  return clause || /^\s*,/u.test(reading.text.slice(token.end));
}

function nameAt(reading: Reading, index: number): [number, number] | undefined {
  const { tokens, language } = reading;
  const token = tokens[index]!;
  const next = tokens[index + 1];
  const previous = tokens[index - 1];
  if ((HONORIFICS.has(token.lower) || (token.lower === FRENCH_MONSIEUR && token.initial)) && adjacent(reading, token, next)) {
    let first = index + 1;
    while (isTitle(tokens[first]!.lower) && adjacent(reading, tokens[first], tokens[first + 1])) first += 1;
    const surname = tokens[first]!;
    if ((surname.capitalised || isCapitalsSurname(surname)) && !isNonNameWord(surname.lower) && !AGE_WORDS.has(surname.lower)) {
      return [first, extendRight(reading, first)];
    }
    return undefined;
  }
  if (!nameable(reading, token)) return undefined;
  const given = isGiven(reading, token);
  if (given || isSurname(reading, token)) {
    const first = extendLeft(reading, index, !given);
    const last = extendRight(reading, index);
    return !partOfPlace(reading, first, last) && (first !== last || isLoneName(reading, index)) ? [first, last] : undefined;
  }
  const initial = initialAfter(reading, index);
  if (initial !== undefined) {
    // "der 26-jährige Syrer A.": a noun with an initial, not a name.
    const modified =
      previous?.sentence === token.sentence && (ARTICLES.has(previous.lower) || has(contextTags(reading, index - 1), ['Determiner', 'Adjective']));
    return language === 'de' && modified ? undefined : [extendLeft(reading, index, true), initial];
  }
  if (adjacent(reading, token, next) && nameable(reading, next) && AGE_AFTER.test(reading.text.slice(next!.end))) return [index, index + 1];
  // Unknown pairs only in a text known to be English or French: read as English, "Marktplatz Solingen" is one.
  if (language === 'de' || !reading.certain || !next || !adjacent(reading, token, next)) return undefined;
  if (!(nameable(reading, next) || isCapitalsSurname(next))) return undefined;
  if (!isUnknownWord(reading, token) || !isUnknownWord(reading, next)) return undefined;
  if (has(contextTags(reading, index), NOT_IN_NAME) || has(contextTags(reading, index + 1), NOT_IN_NAME)) return undefined;
  const last = extendRight(reading, index + 1);
  return partOfPlace(reading, index, last) ? undefined : [index, last];
}

export function findNames(text: string, languages: readonly GuardLanguage[]): NameSpan[] {
  const tokens = tokenize(text);
  const spans: NameSpan[] = [];
  for (const language of languages) {
    const read = reading(text, tokens, language, languages);
    for (let index = 0; index < tokens.length; index += 1) {
      const found = nameAt(read, index);
      if (!found) continue;
      const last = tokens[found[1]]!;
      spans.push({ start: tokens[found[0]]!.start, end: last.end + (last.initial ? 1 : 0) });
      index = Math.max(index, found[1]);
    }
  }
  return spans;
}
