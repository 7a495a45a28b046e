import type { TCoverage } from '../../shared/engagements';
import { RECEPTION_LABEL } from '../ui/labels';

export type TCoveragePoint = TCoverage['points'][number];
export type TCountryCoverage = TCoveragePoint['byCountry'][number];

/** A delivering post's reception, with "not recorded" as a category of its own so that shares add up. */
export const RECEPTIONS = ['receptive', 'noncommittal', 'disagreed', 'unrecorded'] as const;
export type TReception = (typeof RECEPTIONS)[number];

export const RECEPTION_NAME: Record<TReception, string> = { ...RECEPTION_LABEL, unrecorded: 'Not recorded' };

/** Okabe–Ito colours, told apart with the common colour-vision deficiencies; styles.css has the same for the legend swatches. */
export const COVERAGE_COLOR = {
  delivered: '#0072b2',
  receptive: '#009e73',
  noncommittal: '#e69f00',
  disagreed: '#d55e00',
  unrecorded: '#9aa5b1',
  mixed: '#cc79a7',
  none: '#ffffff',
  notApplicable: '#d3d9e0',
  outside: '#f1f3f6',
} as const;

/** A whole percentage, or null when there is nothing to divide by (never a 0% of nothing). */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((100 * part) / whole) : null;
}

const posts = (count: number) => `${count} post${count === 1 ? '' : 's'}`;

/** "2 of 3 applicable posts (67%)", with its denominator; a point that applies to no post says so instead of 0%. */
export function deliveryText(point: Pick<TCoveragePoint, 'applicablePosts' | 'deliveredPosts'>): string {
  const { applicablePosts: applicable, deliveredPosts: delivered } = point;
  if (applicable === 0) return delivered > 0 ? `applies to none of your posts (${posts(delivered)} delivered it)` : 'applies to none of your posts';
  return `${delivered} of ${applicable} applicable post${applicable === 1 ? '' : 's'} (${percent(delivered, applicable)}%)`;
}

/** How many of the posts that delivered a point (overall or in one country) reported each reception. */
export function receptionCounts(delivered: number, reception: Record<'receptive' | 'noncommittal' | 'disagreed', number>): Record<TReception, number> {
  const { receptive, noncommittal, disagreed } = reception;
  return { receptive, noncommittal, disagreed, unrecorded: Math.max(0, delivered - receptive - noncommittal - disagreed) };
}

/** "1 (50%)" of the posts that delivered; a dash when none did. */
export function receptionText(count: number, delivered: number): string {
  return delivered > 0 ? `${count} (${percent(count, delivered)}%)` : '—';
}

/**
 * How a country is coloured on the map: by the one reception its delivering posts share, as
 * mixed when they differ; "none" when the point applies to posts there and none delivered it
 * (that the reader may see); "not applicable" for an action post's country the point is not
 * for, or whose posts are outside the reader's scope.
 */
export type TCountryCategory = TReception | 'mixed' | 'none' | 'notApplicable';

export function countryCategory(row: TCountryCoverage | undefined): TCountryCategory {
  if (!row || (row.applicable === 0 && row.delivered === 0)) return 'notApplicable';
  if (row.delivered === 0) return 'none';
  const counts = receptionCounts(row.delivered, row);
  const present = RECEPTIONS.filter((reception) => counts[reception] > 0);
  return present.length === 1 && present[0] ? present[0] : 'mixed';
}

export const COUNTRY_CATEGORY_NAME: Record<TCountryCategory, string> = {
  receptive: 'Delivered: receptive',
  noncommittal: 'Delivered: non-committal',
  disagreed: 'Delivered: disagreed',
  unrecorded: 'Delivered: reception not recorded',
  mixed: 'Delivered: mixed reception',
  none: 'Applies here, not delivered (that you may see)',
  notApplicable: 'Action post the point is not for (or outside your scope)',
};
