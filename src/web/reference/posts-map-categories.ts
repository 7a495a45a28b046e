import type { TCadenceRow } from '../../shared/engagements';
import type { TPost } from '../../shared/reference';
import { CADENCE_STATUS_LABEL, CADENCE_STATUS_ORDER } from '../ui/labels';

/** A marker's colour: a cadence status, no directive chosen (plain), or no row for this post (outside). */
export type TMarkerColour = TCadenceRow['status'] | 'plain' | 'outside';

export const POST_MAP_COLOUR: Record<TMarkerColour, string> = {
  plain: '#1f4e79',
  outside: '#9aa5b1',
  on_time: '#009e73',
  due_soon: '#e69f00',
  overdue: '#d55e00',
};

export interface TMapCategory {
  colour: TMarkerColour;
  /** Never engaged since the issue: drawn hollow, the ring in its status colour. */
  hollow: boolean;
  row: TCadenceRow | undefined;
}

export interface TLegendEntry {
  key: TMarkerColour | 'never';
  label: string;
  count: number;
}

/**
 * Each post's marker and the legend's entries with their counts. The colour is the post's status
 * under the directive (by its due date, as the dashboard says it); a post with no engagement yet is
 * also hollow, so that "never engaged" never hides "overdue". Counts add up to the posts drawn.
 */
export function mapCategories(posts: TPost[], cadence: TCadenceRow[] | null, outsideLabel: string): { categories: TMapCategory[]; legend: TLegendEntry[] } {
  if (cadence === null) {
    return {
      categories: posts.map(() => ({ colour: 'plain', hollow: false, row: undefined })),
      legend: [{ key: 'plain', label: 'Post', count: posts.length }],
    };
  }
  const rowOf = new Map(cadence.map((row) => [row.post, row]));
  const categories = posts.map((post): TMapCategory => {
    const row = rowOf.get(post.code);
    return row ? { colour: row.status, hollow: row.neverEngaged, row } : { colour: 'outside', hollow: false, row: undefined };
  });
  const count = (colour: TMarkerColour) => categories.filter((category) => category.colour === colour).length;
  return {
    categories,
    legend: [
      ...CADENCE_STATUS_ORDER.map((status) => ({ key: status, label: CADENCE_STATUS_LABEL[status], count: count(status) })),
      { key: 'never', label: 'Of these, no engagement yet (hollow marker)', count: categories.filter((category) => category.hollow).length },
      { key: 'outside', label: outsideLabel, count: count('outside') },
    ],
  };
}
