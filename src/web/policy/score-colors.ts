/** Score buckets of the map, restrictive (red) to open (blue), colour-blind safe (ColorBrewer RdBu). */
export const SCORE_BUCKETS = [
  { key: 'most-restrictive', label: 'Most restrictive (−2 to −1.5)', color: '#b2182b', test: (score: number) => score <= -1.5 },
  { key: 'restrictive', label: 'Restrictive (−1.5 to −0.5)', color: '#ef8a62', test: (score: number) => score < -0.5 },
  { key: 'balanced', label: 'Balanced (−0.5 to +0.5)', color: '#e8e3d8', test: (score: number) => score <= 0.5 },
  { key: 'open', label: 'Open (+0.5 to +1.5)', color: '#67a9cf', test: (score: number) => score < 1.5 },
  { key: 'most-open', label: 'Most open (+1.5 to +2)', color: '#2166ac', test: () => true },
] as const;

export const NOT_ASSESSED_COLOR = '#9aa5b1';
export const NO_ASSESSMENT_COLOR = '#f1f3f6';

export function scoreBucket(score: number | null) {
  if (score === null) return null;
  return SCORE_BUCKETS.find((bucket) => bucket.test(score))!;
}
