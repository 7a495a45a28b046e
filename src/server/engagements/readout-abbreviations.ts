/**
 * Abbreviations of readouts and cables. A full stop after one of them does not end a sentence
 * ("The Secy. urged…"), and for matching each stands for its full form ("Secy." is "secretary",
 * "S. Asia" is "south asia", "FM" is "foreign minister"), so that either spelling matches the other.
 */

/** Titles and words that precede a name or a noun: the sentence goes on after them. */
const TITLES = new Set([
  'adm',
  'amb',
  'approx',
  'asst',
  'capt',
  'col',
  'dept',
  'dr',
  'e.g',
  'gen',
  'gov',
  'govt',
  'hon',
  'i.e',
  'jr',
  'lt',
  'maj',
  'min',
  'mr',
  'mrs',
  'ms',
  'pres',
  'prof',
  'rep',
  'rev',
  'sec',
  'secy',
  'sen',
  'sgt',
  'sr',
  'st',
  'vs',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** Words that open a sentence: after "U.S." or "S.", such a word starts a new one. */
const SENTENCE_OPENERS = new Set([
  'a',
  'an',
  'the',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'this',
  'that',
  'these',
  'those',
  'there',
  'both',
  'in',
  'on',
  'at',
  'after',
  'before',
  'during',
  'while',
  'when',
  'however',
  'but',
  'and',
  'no',
  'neither',
  'nor',
  'his',
  'her',
  'their',
  'our',
  'its',
  'as',
  'for',
  'with',
  'by',
  'to',
  'from',
]);

/**
 * Whether a segment that ends in a full stop ended a sentence, or only an abbreviation before
 * `next` (the following segment): a title never ends one; an initial or initialism ("S.",
 * "U.S.") does when what follows is a word that opens sentences ("The", "He").
 */
export function endsWithAbbreviation(segment: string, next: string): boolean {
  // The tail is enough, and keeps a long run of initials from being scanned again at each one.
  const last = /(?:^|[\s(])((?:\p{L}\.)*\p{L}+)\.\s*$/u.exec(segment.slice(-40))?.[1];
  if (!last) return false;
  if (TITLES.has(last.toLowerCase())) return true;
  const initialism = /^(?:\p{Lu}\.)*\p{Lu}$/u.test(last);
  const firstWord = /^\s*["“(]?([\p{L}']+)/u.exec(next)?.[1]?.toLowerCase();
  return initialism && firstWord !== undefined && !SENTENCE_OPENERS.has(firstWord);
}

/** Full forms by lower-case abbreviation (dots removed), for words of any case. */
const EXPANSIONS = new Map<string, string>(
  Object.entries({
    adm: 'admiral',
    amb: 'ambassador',
    approx: 'approximately',
    asst: 'assistant',
    dept: 'department',
    gen: 'general',
    gov: 'governor',
    govt: 'government',
    "gov't": 'government',
    intl: 'international',
    min: 'minister',
    natl: 'national',
    pres: 'president',
    rep: 'representative',
    sec: 'secretary',
    secy: 'secretary',
    secys: 'secretaries',
    sen: 'senator',
  }),
);

/** Full forms of initialisms, matched only in capitals ("US", "U.S."; "us" is a pronoun). */
const INITIALISMS = new Map<string, string>(
  Object.entries({
    US: 'united states',
    USA: 'united states',
    USG: 'united states government',
    UK: 'united kingdom',
    UN: 'united nations',
    UNSC: 'united nations security council',
    EU: 'european union',
    PM: 'prime minister',
    FM: 'foreign minister',
    EAM: 'external affairs minister',
    MEA: 'ministry of external affairs',
    MFA: 'ministry of foreign affairs',
    MOFA: 'ministry of foreign affairs',
    PMO: 'prime minister office',
    DPRK: 'north korea',
    PRC: 'china',
    ROK: 'south korea',
    UAE: 'united arab emirates',
  }),
);

const COMPASS = new Map([
  ['N', 'north'],
  ['S', 'south'],
  ['E', 'east'],
  ['W', 'west'],
]);

/**
 * The words a token stands for, lower case: "Secy" gives ["secretary"], "U.S" gives ["united",
 * "states"], "S" before a capitalised word ("S. Asia") gives ["south"]; other words themselves.
 */
export function expandAbbreviation(token: string, nextToken: string | undefined): string[] {
  const undotted = token.replace(/\./g, '');
  const initialism = INITIALISMS.get(undotted);
  if (initialism) return initialism.split(' ');
  const compass = COMPASS.get(token);
  if (compass && nextToken && /^\p{Lu}/u.test(nextToken)) return [compass];
  const expansion = EXPANSIONS.get(undotted.toLowerCase());
  return (expansion ?? token.toLowerCase()).split(' ');
}
