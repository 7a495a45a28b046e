import { useQuery } from '@tanstack/react-query';
import type { TCountry } from '../../shared/reference';
import { fetchAllPages } from '../ui/lists';

/** Every country by its alpha-2 code (reference data, which changes by seed and import only). */
export function useCountriesByCode() {
  return useQuery({
    queryKey: ['countries', 'all'],
    queryFn: async () => new Map((await fetchAllPages<TCountry>('/api/v1/countries')).map((country) => [country.alpha2, country])),
    staleTime: 60 * 60_000,
  });
}
