import { expandAbbreviation } from './readout-abbreviations';

/** A word of a statement, lower case and with abbreviations spelt out, or a punctuation mark between clauses. */
export interface Token {
  word: string;
  /** Written with a capital (a name, a title, the start of a sentence). */
  capitalized: boolean;
  boundary: boolean;
}

// Words keep inner hyphens, apostrophes and dots ("de-escalate", "didn't", "U.S"); punctuation
// that separates clauses is kept as a boundary, the rest is dropped.
const TOKEN = /([\p{L}\p{M}\p{N}]+(?:[-'’.&][\p{L}\p{M}\p{N}]+)*)|([,;:()[\]—–!?"“”]|\s-{1,2}\s)/gu;

const CONTRACTED_NOT = new Map([
  ['won', 'will'],
  ['can', 'can'],
  ['shan', 'shall'],
  ['ain', 'is'],
]);

/** "didn't" is "did not"; "minister's" is "minister". */
function expandContraction(raw: string): string[] {
  const negative = /^(.+)n['’]t$/i.exec(raw);
  if (negative) {
    const base = negative[1]!;
    return [CONTRACTED_NOT.get(base.toLowerCase()) ?? base, 'not'];
  }
  return [raw.replace(/['’]s$/i, '')];
}

export function tokenize(statement: string): Token[] {
  const raws: { raw: string; boundary: boolean }[] = [];
  for (const match of statement.matchAll(TOKEN)) {
    if (match[2] !== undefined) raws.push({ raw: match[2].trim(), boundary: true });
    else for (const raw of expandContraction(match[1]!)) raws.push({ raw, boundary: false });
  }
  const tokens: Token[] = [];
  raws.forEach(({ raw, boundary }, i) => {
    if (boundary) {
      tokens.push({ word: raw, capitalized: false, boundary: true });
      return;
    }
    const next = raws[i + 1];
    const words = expandAbbreviation(raw, next && !next.boundary ? next.raw : undefined);
    // An expansion keeps the capital of what it spells out ("S." in "S. Asia" is "South").
    const capitalized = /^\p{Lu}/u.test(raw);
    for (const word of words) tokens.push({ word, capitalized, boundary: false });
  });
  return tokens;
}
