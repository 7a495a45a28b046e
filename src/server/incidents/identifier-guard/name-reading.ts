import { isEnglishWord } from './english-words';
import { HONORIFICS, isNonNameWord, isTitle } from './name-words';
import { type GuardLanguage, type Model, model } from './nlp-models';
import type { Token } from './tokens';

/**
 * One reading of a text in one language: the words, what the models' lexicons say of each, and
 * what the model's tagger says in context — asked lazily, for a few words around the one a rule
 * is deciding on. Tagging is what costs (compromise takes 0.1–0.2 ms a word, ~60 ms for a whole
 * 4,000-character summary), and most names are settled by the lexicons and the rules alone.
 */
export interface Reading {
  text: string;
  tokens: Token[];
  language: GuardLanguage;
  /** The language is known (a hint, or a clear detection), not one of three guesses. */
  certain: boolean;
  lexicons: Model[];
  context: Map<number, Set<string>>;
  /** Every lexicon's tags of a word, looked up once per reading. */
  lexiconTags: Map<string, string[]>;
}

export const GIVEN = ['FirstName', 'MaleName', 'FemaleName'];
const NAME_TAGS = new Set([...GIVEN, 'LastName', 'Person', 'ProperNoun', 'Organization']);
/** Readings that make a capitalised word something other than a name. */
const NOT_NAME = ['Place', 'City', 'Country', 'Region', 'Demonym', 'Month', 'WeekDay', 'Date', 'Value', 'Pronoun', 'Determiner', 'Preposition'];
const CONTEXT_WORDS = 4;

export function reading(text: string, tokens: Token[], language: GuardLanguage, languages: readonly GuardLanguage[]): Reading {
  const lexicons = [...new Set<GuardLanguage>(['en', ...languages])].map(model);
  return { text, tokens, language, certain: languages.length === 1, lexicons, context: new Map(), lexiconTags: new Map() };
}

export const has = (tags: Iterable<string>, wanted: readonly string[]) => [...tags].some((tag) => wanted.includes(tag));

function lexiconTags(reading: Reading, token: Token): string[] {
  let tags = reading.lexiconTags.get(token.lower);
  if (!tags) {
    tags = reading.lexicons.flatMap((lexicon) => lexicon.lexicon(token.lower) ?? []);
    reading.lexiconTags.set(token.lower, tags);
  }
  return tags;
}

/** What the model's tagger says of a word, tagging the few words around it on first ask. */
export function contextTags(reading: Reading, index: number): Set<string> {
  const known = reading.context.get(index);
  if (known) return known;
  const { tokens, text } = reading;
  const sentence = tokens[index]!.sentence;
  let first = index;
  let last = index;
  while (first > 0 && index - first < CONTEXT_WORDS && tokens[first - 1]!.sentence === sentence) first -= 1;
  while (last < tokens.length - 1 && last - index < CONTEXT_WORDS && tokens[last + 1]!.sentence === sentence) last += 1;
  const offset = tokens[first]!.start;
  const terms = model(reading.language).tag(text.slice(offset, tokens[last]!.end));
  for (let position = first; position <= last; position += 1) {
    const token = tokens[position]!;
    const tags = new Set(terms.filter((term) => term.start + offset < token.end && term.end + offset > token.start).flatMap((term) => term.tags));
    if (!reading.context.has(position)) reading.context.set(position, tags);
  }
  return reading.context.get(index)!;
}

/** A given name in any lexicon; of a double name ("Frank-Walter", "Jean-Pierre") its first part. */
export function isGiven(reading: Reading, token: Token): boolean {
  if (!token.capitalised) return false;
  const [first = token.lower] = token.lower.split(/[-‐]/u);
  return has(lexiconTags(reading, token), GIVEN) || reading.lexicons.some((lexicon) => has(lexicon.lexicon(first) ?? [], GIVEN));
}
export function isSurname(reading: Reading, token: Token): boolean {
  return token.capitalised && lexiconTags(reading, token).includes('LastName');
}
/** Also a common word in some lexicon ("Will", "May", "Mark", "Christian"). */
export function isAmbiguous(reading: Reading, token: Token): boolean {
  return reading.lexicons.some((lexicon) => {
    const tags = lexicon.lexicon(token.lower);
    return tags !== undefined && (!has(tags, [...GIVEN, 'LastName']) || tags.some((tag) => !NAME_TAGS.has(tag)));
  });
}
function isNotName(reading: Reading, token: Token): boolean {
  const tags = model(reading.language).lexicon(token.lower) ?? [];
  return has(tags, NOT_NAME) && !has(tags, [...GIVEN, 'LastName']);
}
export function nameable(reading: Reading, token: Token | undefined): token is Token {
  return token?.capitalised === true && !token.initial && !isNonNameWord(token.lower) && !isNotName(reading, token);
}
/** "Jean DUPONT": French administrative style writes the surname in capitals. */
export function isCapitalsSurname(token: Token | undefined): token is Token {
  return token !== undefined && /^\p{Lu}{3,}(?:[-‐]\p{Lu}{2,})*$/u.test(token.text) && !isNonNameWord(token.lower);
}

/** Only whitespace between two words of one name (and the full stop of an abbreviation: "Mrs. Patel"). */
export function adjacent(reading: Reading, left: Token | undefined, right: Token | undefined): boolean {
  if (!left || !right || left.sentence !== right.sentence) return false;
  const abbreviation = left.initial || HONORIFICS.has(left.lower) || isTitle(left.lower);
  return /^\.?\s+$/u.test(reading.text.slice(left.end, right.start)) && (reading.text[left.end] !== '.' || abbreviation);
}

/** Not a common word in the model's lexicon, nor (English) in WordNet: "Kwame Mensah", not "Crown Prosecution". */
export function isUnknownWord(reading: Reading, token: Token): boolean {
  const tags = model(reading.language).lexicon(token.lower);
  if (tags?.some((tag) => !NAME_TAGS.has(tag))) return false;
  return reading.language !== 'en' || !isEnglishWord(token.lower);
}
