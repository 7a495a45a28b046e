import { createRequire } from 'node:module';
import { stemmer } from 'stemmer';
import type { Country } from 'world-countries';
import { type WordNetPos, wordNetSenses, wordNetSynset } from './readout-wordnet';

/**
 * What a word can mean, as a set of concept keys: the word, its lemma and stem, its WordNet
 * synsets and the synsets they point to (derived forms, similar adjectives, verb groups, the
 * direct hypernym, and antonyms marked `opposite`). Two words are alike when they share a key:
 * "denounce" and "condemn" share a synset, "regional" points to "region", "de-escalation"
 * derives from "de-escalate", "escalate" is the antonym of "de-escalate".
 */
export interface ConceptLink {
  weight: number;
  /** The word's own sense (not a synset it only points to): two words that merely point to the same synset are not matched. */
  own: boolean;
  /** Reached through an antonym: sharing it means saying the contrary. */
  opposite: boolean;
}
export type Concepts = Map<string, ConceptLink>;

/** Only the most frequent senses of a word: rarer ones make unrelated words look alike ("press" and "compress"). */
export const SENSES_PER_WORD = 3;
export const SYNONYM_WEIGHT = 0.9;
const POINTER_WEIGHTS: Record<string, number> = { '+': 0.85, '\\': 0.85, '&': 0.8, $: 0.8, '@': 0.6, '!': 0.85 };
/** Pointers between words rather than whole synsets: they apply to one word of the synset only. */
const LEXICAL = new Set(['+', '\\', '!']);

const require = createRequire(import.meta.url);
interface Lemmatizer {
  noun(word: string): string;
  verb(word: string): string;
  adjective(word: string): string;
}
let lemmatizer: Lemmatizer | undefined;
function lemmatize(): Lemmatizer {
  // wink-lemmatizer (WordNet's exception lists and rules) is loaded on first use: a server that never compares does not pay for it.
  lemmatizer ??= require('wink-lemmatizer') as Lemmatizer;
  return lemmatizer;
}

export function addConcept(concepts: Concepts, key: string, link: ConceptLink) {
  const known = concepts.get(key);
  if (!known || known.weight < link.weight || (known.weight === link.weight && link.own && !known.own)) concepts.set(key, link);
}

function addWordNet(concepts: Concepts, lemma: string, pos: WordNetPos): boolean {
  const senses = wordNetSenses(lemma, pos).slice(0, SENSES_PER_WORD);
  for (const key of senses) {
    addConcept(concepts, key, { weight: SYNONYM_WEIGHT, own: true, opposite: false });
    const synset = wordNetSynset(key);
    const wordNumber = synset.words.indexOf(lemma) + 1;
    for (const pointer of synset.pointers) {
      const weight = POINTER_WEIGHTS[pointer.symbol];
      if (weight === undefined) continue;
      if (LEXICAL.has(pointer.symbol) && pointer.sourceWord !== 0 && pointer.sourceWord !== wordNumber) continue;
      addConcept(concepts, pointer.target, { weight, own: false, opposite: pointer.symbol === '!' });
    }
  }
  return senses.length > 0;
}

export interface WordMeaning {
  lemma: string;
  concepts: Concepts;
}

const meanings = new Map<string, WordMeaning>();

/** The lemma and concepts of one lower-case word. */
export function wordMeaning(word: string): WordMeaning {
  const cached = meanings.get(word);
  if (cached) return cached;
  const { noun, verb, adjective } = lemmatize();
  const forms = { n: noun(word), v: verb(word), a: adjective(word), r: word };
  const concepts: Concepts = new Map();
  const exact = { weight: 1, own: true, opposite: false };
  for (const form of new Set([word, ...Object.values(forms)])) addConcept(concepts, `w:${form}`, exact);
  addConcept(concepts, `s:${stemmer(word)}`, exact);
  const found = (['v', 'n', 'a', 'r'] as const).filter((pos) => addWordNet(concepts, forms[pos], pos));
  // An inflected verb ("discussed") is the verb; otherwise the noun, then whatever WordNet knows.
  const pos = found.includes('v') && forms.v !== word ? 'v' : (['n', 'v', 'a', 'r'] as const).find((p) => found.includes(p));
  const meaning = { lemma: pos ? forms[pos] : word, concepts };
  if (meanings.size > 20_000) meanings.clear();
  meanings.set(word, meaning);
  return meaning;
}

const collocations = new Map<string, WordMeaning | null>();

/** A WordNet collocation ("prime minister", "talk about"), or null. */
export function collocationMeaning(words: string[]): WordMeaning | null {
  const key = words.join(' ');
  if (collocations.has(key)) return collocations.get(key)!;
  const meaning = findCollocation(words);
  if (collocations.size > 20_000) collocations.clear();
  collocations.set(key, meaning);
  return meaning;
}

function findCollocation(words: string[]): WordMeaning | null {
  const { noun, verb } = lemmatize();
  const last = words.length - 1;
  const asNoun = [...words.slice(0, last), noun(words[last]!)].join('_');
  const asVerb = [verb(words[0]!), ...words.slice(1)].join('_');
  const concepts: Concepts = new Map();
  const lemma = addWordNet(concepts, asNoun, 'n') ? asNoun : addWordNet(concepts, asVerb, 'v') ? asVerb : null;
  if (lemma === null) return null;
  addConcept(concepts, `w:${lemma}`, { weight: 1, own: true, opposite: false });
  return { lemma, concepts };
}

let countries: Map<string, string> | undefined;

/**
 * Countries by the names a readout uses for them: common and official name, demonym, capital
 * ("Islamabad" for Pakistan's government, as readouts use it), from world-countries.
 */
export function countryNames(): Map<string, string> {
  if (countries) return countries;
  countries = new Map();
  for (const country of require('world-countries') as Country[]) {
    const names = [
      country.name.common,
      country.name.official,
      ...country.capital,
      country.demonyms?.eng?.m,
      country.demonyms?.eng?.f,
      // Long alternative spellings only: the short ones are codes ("IN", "NO") that are also words.
      ...country.altSpellings.filter((name) => name.length > 3 && /\p{Ll}/u.test(name)),
    ];
    for (const name of names)
      if (name)
        countries.set(
          name
            .toLowerCase()
            .replace(/[^\p{L}\p{N}]+/gu, ' ')
            .trim(),
          country.cca2,
        );
  }
  return countries;
}
