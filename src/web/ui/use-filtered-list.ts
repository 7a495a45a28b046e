import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { dateRangeProblem } from '../../shared/dates';
import type { TPage } from '../../shared/pagination';
import { apiGet } from './api';

const PAGE_SIZE = 50;

/**
 * A list page's filters, kept in the address (so a filtered list can be bookmarked and
 * shared) and applied by submitting the filter form. A `from` after the `to` is not applied:
 * `rangeProblem` says why, and the page does not ask the server (`canQuery`).
 */
export function useSearchFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const [refused, setRefused] = useState<string | null>(null);
  const filters = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  const inAddress = dateRangeProblem(params.get('from') ?? undefined, params.get('to') ?? undefined);
  return {
    filters,
    filtered: keys.some((key) => filters[key]),
    /** Changes with the address, so the form's uncontrolled fields reset with it. */
    formKey: params.toString(),
    rangeProblem: refused ?? inAddress,
    canQuery: !inAddress,
    apply(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      const form = new FormData(event.currentTarget);
      const next: Record<string, string> = {};
      for (const key of keys) {
        const value = String(form.get(key) ?? '').trim();
        if (value) next[key] = value;
      }
      const problem = dateRangeProblem(next.from, next.to);
      setRefused(problem);
      if (!problem) setParams(next);
    },
    clear: () => {
      setRefused(null);
      setParams({});
    },
  };
}

/** Pages of an API list with the given query parameters, fetched one "Load more" at a time. */
export function usePagedList<T>(
  queryKey: readonly unknown[],
  path: string,
  params: Record<string, string | undefined>,
  options: { enabled?: boolean; staleTime?: number } = {},
) {
  const query = useInfiniteQuery({
    queryKey: [...queryKey, params],
    queryFn: ({ pageParam }) => apiGet<TPage<T>>(path, { ...params, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    ...options,
  });
  return { query, rows: query.data?.pages.flatMap((page) => page.items) ?? [] };
}
