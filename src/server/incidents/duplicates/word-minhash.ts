import { wordShingles } from './word-shingles';

/**
 * MinHash signatures and LSH bands over the word shingles of word-shingles.ts: an estimate of
 * their Jaccard similarity that can be stored and indexed. Not used to find candidates (the
 * date window leaves few enough rows to compute the exact measure, find-duplicates.ts); the
 * quality test and the benchmark use it to measure what a stored signature would give.
 *
 * Written here rather than with the `minhash` package: that package hashes every shingle again
 * for each of the 128 permutations and multiplies 32-bit numbers past 2^53, where floating
 * point drops the low bits, so its permutations are neither fast nor independent.
 */

export const MINHASH_PERMUTATIONS = 128;
/** Bands of two rows: a pair with word Jaccard 0.22 shares a band with probability 0.96. */
export const LSH_ROWS = 2;
export const LSH_BANDS = MINHASH_PERMUTATIONS / LSH_ROWS;

/** murmur3's finaliser: spreads the bits of a 32-bit number. */
function mix32(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** One seed per permutation, fixed so that stored and new signatures agree. */
const SEEDS = Uint32Array.from({ length: MINHASH_PERMUTATIONS }, (_, i) => mix32(0x9e3779b9 + i * 0x7f4a7c15));

/** The MinHash signature, as signed 32-bit numbers (a PostgreSQL integer[] stores them as they are). */
export function minhashSignature(text: string): Int32Array {
  const signature = new Uint32Array(MINHASH_PERMUTATIONS).fill(0xffffffff);
  for (const shingle of wordShingles(text)) {
    const base = fnv1a(shingle);
    for (let i = 0; i < MINHASH_PERMUTATIONS; i += 1) {
      const value = mix32(base ^ SEEDS[i]!);
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return new Int32Array(signature.buffer);
}

/** The LSH band keys of a signature: two texts that share a key are compared. */
export function lshBands(signature: Int32Array): Int32Array {
  const bands = new Int32Array(LSH_BANDS);
  for (let band = 0; band < LSH_BANDS; band += 1) {
    let hash = mix32(band + 1);
    for (let row = 0; row < LSH_ROWS; row += 1) hash = mix32(hash ^ signature[band * LSH_ROWS + row]!);
    bands[band] = hash | 0;
  }
  return bands;
}

/** The estimated Jaccard similarity of the two texts' shingle sets: the share of equal positions. */
export function minhashSimilarity(a: Int32Array, b: Int32Array): number {
  let equal = 0;
  for (let i = 0; i < MINHASH_PERMUTATIONS; i += 1) if (a[i] === b[i]) equal += 1;
  return equal / MINHASH_PERMUTATIONS;
}

export function shareBand(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) return true;
  return false;
}
