import { describe, expect, it } from 'vitest';
import { countryCategory, deliveryText, percent, receptionCounts, receptionText } from './coverage-figures';

const country = (delivered: number, receptive: number, noncommittal: number, disagreed: number) => ({
  country: 'DE',
  applicable: Math.max(1, delivered),
  delivered,
  receptive,
  noncommittal,
  disagreed,
});

describe('coverage figures', () => {
  it('states a delivery share with its denominator, and no share of nothing', () => {
    expect(deliveryText({ applicablePosts: 3, deliveredPosts: 2 })).toBe('2 of 3 applicable posts (67%)');
    expect(deliveryText({ applicablePosts: 1, deliveredPosts: 0 })).toBe('0 of 1 applicable post (0%)');
    expect(deliveryText({ applicablePosts: 0, deliveredPosts: 0 })).toBe('applies to none of your posts');
    expect(percent(1, 0)).toBeNull();
  });

  it('counts deliveries without a recorded reception, so that the mix adds up to the posts that delivered', () => {
    expect(receptionCounts(4, { receptive: 1, noncommittal: 1, disagreed: 0 })).toEqual({ receptive: 1, noncommittal: 1, disagreed: 0, unrecorded: 2 });
    expect(receptionText(1, 4)).toBe('1 (25%)');
    expect(receptionText(0, 0)).toBe('—');
  });

  it('colours a country by the one reception its posts share, or as mixed', () => {
    expect(countryCategory(undefined)).toBe('notApplicable');
    expect(countryCategory({ ...country(0, 0, 0, 0), applicable: 2 })).toBe('none');
    expect(countryCategory(country(2, 2, 0, 0))).toBe('receptive');
    expect(countryCategory(country(1, 0, 0, 0))).toBe('unrecorded');
    expect(countryCategory(country(2, 1, 0, 0))).toBe('mixed');
    expect(countryCategory(country(2, 0, 1, 1))).toBe('mixed');
  });
});
