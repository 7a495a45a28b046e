import { francAll } from 'franc-min';
import * as stopwords from 'stopword';

/**
 * The language of an account, by franc-min (trigram profiles of 82 languages, shipped in the
 * package). Below 10 letters franc cannot tell and says "und". On a sentence or two, trigrams
 * mislead ("Trade was not discussed." scores as Portuguese), so among franc's close candidates
 * the one whose function words (the stopword package's lists) make up most of the text wins:
 * "was" is English, "de" and "la" are not.
 */
const CANDIDATE_SCORE = 0.6;
const WORD = /[\p{L}']+/gu;

function functionWordShare(text: string, code: string): number {
  const list = (stopwords as unknown as Record<string, string[] | undefined>)[code];
  const words = text.toLowerCase().match(WORD) ?? [];
  if (!Array.isArray(list) || words.length === 0) return 0;
  const set = new Set(list);
  return words.filter((word) => set.has(word)).length / words.length;
}

export interface Language {
  code: string;
  name: string | null;
}

const NAMES = new Intl.DisplayNames('en', { type: 'language' });

function nameOf(code: string): string | null {
  if (code === 'und') return null;
  try {
    return NAMES.of(code) ?? null;
  } catch {
    return null;
  }
}

export function detectLanguage(text: string): Language {
  const ranked = francAll(text, { minLength: 10 });
  const [first] = ranked;
  if (!first || first[0] === 'und') return { code: 'und', name: null };
  const candidates = ranked.filter(([, score]) => score >= CANDIDATE_SCORE).slice(0, 5);
  let code = first[0];
  let best = functionWordShare(text, code);
  for (const [candidate] of candidates) {
    const share = functionWordShare(text, candidate);
    if (share > best) [code, best] = [candidate, share];
  }
  return { code, name: nameOf(code) };
}

/**
 * Why the two accounts cannot be compared, or null when they can: the method compares English
 * words, so both must be English (or too short to tell).
 */
export function languageNotice(ours: Language, theirs: Language): string | null {
  const english = (language: Language) => language.code === 'eng' || language.code === 'und';
  if (english(ours) && english(theirs)) return null;
  const describe = (language: Language) => language.name ?? 'a language that could not be determined';
  if (ours.code === theirs.code) {
    return `Both accounts appear to be in ${describe(ours)}. The comparison reads English words only, so no sentence is marked and no point is listed as not mentioned: read the two side by side.`;
  }
  return (
    `Our readout appears to be in ${describe(ours)} and their account in ${describe(theirs)}. The comparison reads English ` +
    'words only and cannot match sentences across languages, so no sentence is marked as only in one account and no point is ' +
    'listed as not mentioned: compare with a translation, or read the two side by side.'
  );
}
