import { ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { TCadenceRow } from '../../shared/engagements';
import type { TPost } from '../../shared/reference';
import { registerWorldByNumeric, WORLD_BY_NUMERIC } from '../cadence/world-shapes';
import { EChart } from '../ui/EChart';
import { CADENCE_STATUS_LABEL } from '../ui/labels';
import { mapCategories, POST_MAP_COLOUR } from './posts-map-categories';

// EChart registers the renderer and the tooltip; the map adds the geo frame and its markers.
echarts.use([GeoComponent, ScatterChart]);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Props {
  posts: TPost[];
  /** The cadence rows of the chosen directive (each post's status), or null when none is chosen. */
  cadence: TCadenceRow[] | null;
  /** What the markers of posts without a row mean to this reader. */
  outsideLabel: string;
}

function tip(post: TPost, row: TCadenceRow | undefined): string {
  const place = `<strong>${escapeHtml(post.name)}</strong><br/>${escapeHtml(post.city)}, ${escapeHtml(post.countryName)}`;
  if (!row) return place;
  return `${place}<br/>${CADENCE_STATUS_LABEL[row.status]}${row.neverEngaged ? ', no engagement yet' : ''}; next due ${row.nextDueAt.slice(0, 10)}`;
}

/**
 * A world map with one marker per post, coloured by the post's cadence status under the chosen
 * directive (hollow when the post has no engagement yet), with a legend that names each colour
 * and counts its posts. Clicking a post opens its page.
 */
export function PostsMap({ posts, cadence, outsideLabel }: Props) {
  registerWorldByNumeric();
  const navigate = useNavigate();
  const { categories, legend } = useMemo(() => mapCategories(posts, cadence, outsideLabel), [posts, cadence, outsideLabel]);

  const option = useMemo(
    () => ({
      animation: false,
      tooltip: {
        trigger: 'item',
        // Only the markers carry a post; anything else under the pointer shows no tip.
        formatter: (item: { data?: { post?: TPost; row?: TCadenceRow } }) => (item.data?.post ? tip(item.data.post, item.data.row) : ''),
      },
      geo: {
        map: WORLD_BY_NUMERIC,
        nameProperty: 'numeric',
        roam: true,
        silent: true,
        layoutCenter: ['50%', '55%'],
        layoutSize: '150%',
        itemStyle: { areaColor: '#e8ecf1', borderColor: '#9aa5b1' },
      },
      series: (['outside', 'plain', 'on_time', 'due_soon', 'overdue'] as const).map((status) => ({
        type: 'scatter',
        coordinateSystem: 'geo',
        // Posts with a status are drawn above the others, so that none hides under a grey marker.
        z: status === 'outside' ? 2 : 3,
        cursor: 'pointer',
        data: posts
          .map((post, index) => ({ post, category: categories[index]! }))
          .filter(({ category }) => category.colour === status)
          .map(({ post, category }) => ({
            name: post.name,
            value: [post.lon, post.lat],
            post,
            row: category.row,
            symbolSize: status === 'outside' ? 5 : 9,
            itemStyle: category.hollow
              ? { color: '#ffffff', borderColor: POST_MAP_COLOUR[status], borderWidth: 2.5 }
              : { color: POST_MAP_COLOUR[status], borderColor: '#1b1f24', borderWidth: status === 'outside' ? 0 : 0.6 },
          })),
      })),
    }),
    [posts, categories],
  );

  const summary = legend.map((entry) => `${entry.label}: ${entry.count}`).join('; ');
  return (
    <div className="posts-map-panel">
      <div data-testid="posts-map" data-points={posts.length}>
        <EChart
          option={option}
          className="posts-map"
          label={`World map of ${posts.length} posts${summary ? ` (${summary})` : ''}`}
          onItemClick={(event) => {
            const post = (event.data as { post?: TPost } | undefined)?.post;
            if (post) navigate(`/posts/${encodeURIComponent(post.code)}`);
          }}
        />
      </div>
      <ul className="map-legend" aria-label="Map legend">
        {legend.map((entry) => (
          <li key={entry.key} data-category={entry.key}>
            <span className={`swatch swatch-post-${entry.key}`} aria-hidden="true" />
            {entry.label}: <strong>{entry.count}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
