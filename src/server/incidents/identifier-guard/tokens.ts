/**
 * Our own word tokens, so that every span is an exact UTF-16 range of the original text
 * whatever the models do to it (fr-compromise splits "l'Intérieur" into two terms, one empty).
 */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Upper-case first letter ("al-Rashid": after a particle) and not an acronym of two letters or more. */
  capitalised: boolean;
  /** A single capital followed by a full stop: the "M." of "Hans M.". */
  initial: boolean;
  /** First word of a sentence or line, where a capital says nothing. */
  sentenceStart: boolean;
  sentence: number;
}

const WORD = /\p{L}[\p{L}\p{M}]*(?:['’‐-][\p{L}\p{M}]+)*/gu;
/** French elisions (l', d', qu'…) belong to the next word, which may be a name: d'Ahmed. */
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/u;
/** "Whitfield's": the possessive is not part of the name. */
const POSSESSIVE = /['’]s$/u;
const CAPITALISED = /^(?:(?:al|el|ul|bin|ben|ibn|abu)[-‐])?\p{Lu}/u;
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'nr', 'no', 'az', 'abs', 'str', 'bzw', 'ca', 'vgl', 'mme', 'mlle', 'etc']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  for (const match of text.matchAll(WORD)) {
    let start = match.index;
    let word = match[0];
    // Elisions and possessives both need an apostrophe: most words have none.
    if (APOSTROPHE.test(word)) {
      const elision = ELISION.exec(word);
      if (elision) {
        start += elision[0].length;
        word = word.slice(elision[0].length);
      }
      if (POSSESSIVE.test(word)) word = word.slice(0, -2);
    }
    const end = start + word.length;
    const previous = tokens.at(-1);
    const ended = previous !== undefined && endsSentence(text, previous, start);
    if (ended) sentence += 1;
    const period = text[end] === '.';
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end,
      capitalised: isCapitalised(word),
      initial: period && word.length <= 2 && SINGLE_CAPITAL.test(word),
      sentenceStart: !previous || ended,
      sentence,
    });
  }
  return tokens;
}

const APOSTROPHE = /['’]/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;
const LOWER_LETTER = /\p{Ll}/u;

/** A sentence end (or a line break) between two words, unless it is the full stop of an initial or an abbreviation. */
function endsSentence(text: string, previous: Token, start: number): boolean {
  const gap = text.slice(previous.end, start);
  return /[.!?…:;]|\n/.test(gap) && !(gap.startsWith('.') && (previous.initial || ABBREVIATIONS.has(previous.lower)));
}

/** CAPITALISED, and not an acronym: a single letter, or a lower-case letter somewhere. */
const isCapitalised = (word: string) => startsCapitalised(word) && (word.length === 1 || hasLowerCase(word));

/** CAPITALISED.test, without the regex for most words: an ASCII capital matches \p{Lu}; an ASCII small letter matches only through a prefix, which needs a hyphen. */
function startsCapitalised(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 0x41 && first <= 0x5a) return true;
  if (first < 0x80 && !/[-‐]/u.test(word)) return false;
  return CAPITALISED.test(word);
}

/** /\p{Ll}/u.test, without the regex while the word is ASCII (where a–z are the only small letters). */
function hasLowerCase(word: string): boolean {
  for (let index = 0; index < word.length; index += 1) {
    const unit = word.charCodeAt(index);
    if (unit >= 0x61 && unit <= 0x7a) return true;
    if (unit >= 0x80) return LOWER_LETTER.test(word);
  }
  return false;
}
