import { describe, expect, it } from 'vitest';
import type { TCadenceRow } from '../../shared/engagements';
import type { TPost } from '../../shared/reference';
import { mapCategories } from './posts-map-categories';

const post = (code: string): TPost => ({
  id: `00000000-0000-4000-8000-00000000000${code.length}`,
  code,
  name: `Embassy ${code}`,
  kind: 'embassy',
  country: 'DE',
  countryName: 'Germany',
  city: code,
  lat: 0,
  lon: 0,
  bureau: 'EUR',
});
const row = (code: string, status: TCadenceRow['status'], neverEngaged: boolean): TCadenceRow => ({
  directiveId: 'd',
  reference: 'REF',
  post: code,
  postName: `Embassy ${code}`,
  country: 'DE',
  bureau: 'EUR',
  cadenceDays: 30,
  lastEngagementAt: neverEngaged ? null : '2026-01-01T00:00:00.000Z',
  nextDueAt: '2026-02-01T00:00:00.000Z',
  status,
  neverEngaged,
  issuedAt: '2025-12-01T00:00:00.000Z',
});

describe('the map of posts’ colours and legend', () => {
  const posts = ['berlin', 'paris', 'rome', 'oslo', 'bern'].map(post);

  it('without a directive, draws every post alike and counts them', () => {
    const { categories, legend } = mapCategories(posts, null, 'Not an action post');
    expect(categories.every((category) => category.colour === 'plain' && !category.hollow)).toBe(true);
    expect(legend).toEqual([{ key: 'plain', label: 'Post', count: 5 }]);
  });

  it('colours each action post by its status, rings the never-engaged ones without hiding that they are overdue, and counts each colour', () => {
    const cadence = [row('berlin', 'on_time', false), row('paris', 'overdue', true), row('rome', 'overdue', false), row('oslo', 'due_soon', true)];
    const { categories, legend } = mapCategories(posts, cadence, 'Not an action post');
    expect(categories.map((category) => [category.colour, category.hollow])).toEqual([
      ['on_time', false],
      ['overdue', true],
      ['overdue', false],
      ['due_soon', true],
      ['outside', false],
    ]);
    expect(legend.map((entry) => [entry.label, entry.count])).toEqual([
      ['Overdue', 2],
      ['Due soon', 1],
      ['On time', 1],
      ['Of these, no engagement yet (hollow marker)', 2],
      ['Not an action post', 1],
    ]);
  });
});
