import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import { ScatterChart } from 'echarts/charts';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Position } from 'geojson';
import worldTopology from 'world-atlas/countries-110m.json';
import type { TPost } from '../../shared/reference';
import { EChart } from '../ui/EChart';

// EChart registers the renderer and the common components; the map adds its own.
echarts.use([GeoComponent, TooltipComponent, ScatterChart]);

let registered = false;
function registerWorld() {
  if (registered) return;
  const topology = worldTopology as unknown as Topology<{ countries: GeometryCollection }>;
  // Natural Earth shapes from world-atlas: the map needs no tile server.
  const world = feature(topology, topology.objects.countries) as unknown as FeatureCollection;
  world.features = world.features.filter((country) => country.properties?.name !== 'Antarctica');
  for (const country of world.features) {
    const geometry = country.geometry;
    if (geometry.type === 'Polygon') for (const ring of geometry.coordinates) unwrapRing(ring);
    if (geometry.type === 'MultiPolygon') for (const polygon of geometry.coordinates) for (const ring of polygon) unwrapRing(ring);
  }
  echarts.registerMap('world', world as never);
  registered = true;
}

/**
 * A ring that crosses the antimeridian (Russia's Chukotka, Fiji) would be drawn as a band
 * across the whole flat map; moving its western points past 180° keeps it in one piece.
 */
function unwrapRing(ring: Position[]) {
  const crosses = ring.some(([lon]) => (lon ?? 0) > 170) && ring.some(([lon]) => (lon ?? 0) < -170);
  if (!crosses) return;
  for (const point of ring) if ((point[0] ?? 0) < 0) point[0] = (point[0] ?? 0) + 360;
}

/** A world map with one marker per post. */
export function PostsMap({ posts }: { posts: TPost[] }) {
  registerWorld();
  const option = useMemo(
    () => ({
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (item: { data: { name: string; city: string; country: string } }) => `${item.data.name}<br/>${item.data.city}, ${item.data.country}`,
      },
      geo: {
        map: 'world',
        roam: true,
        layoutCenter: ['50%', '55%'],
        layoutSize: '150%',
        itemStyle: { areaColor: '#e8ecf1', borderColor: '#9aa5b1' },
        emphasis: { itemStyle: { areaColor: '#d5dde6' }, label: { show: false } },
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 6,
          itemStyle: { color: '#1f4e79' },
          data: posts.map((post) => ({ name: post.name, city: post.city, country: post.countryName, value: [post.lon, post.lat] })),
        },
      ],
    }),
    [posts],
  );
  return (
    <div data-testid="posts-map" data-points={posts.length}>
      <EChart option={option} className="posts-map" label={`World map with ${posts.length} posts`} />
    </div>
  );
}
