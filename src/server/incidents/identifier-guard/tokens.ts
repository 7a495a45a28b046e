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
    const elision = ELISION.exec(word);
    if (elision) {
      start += elision[0].length;
      word = word.slice(elision[0].length);
    }
    if (POSSESSIVE.test(word)) word = word.slice(0, -2);
    const end = start + word.length;
    const previous = tokens.at(-1);
    const gap = text.slice(previous ? previous.end : 0, start);
    const ended = /[.!?…:;]|\n/.test(gap) && !(previous && gap.startsWith('.') && (previous.initial || ABBREVIATIONS.has(previous.lower)));
    if (previous && ended) sentence += 1;
    const period = text[end] === '.';
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end,
      capitalised: CAPITALISED.test(word) && (word.length === 1 || /\p{Ll}/u.test(word)),
      initial: /^\p{Lu}$/u.test(word) && period,
      sentenceStart: !previous || ended,
      sentence,
    });
  }
  return tokens;
}
