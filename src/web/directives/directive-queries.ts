import { useQuery } from '@tanstack/react-query';
import type { TDirective, TDirectiveSummary, TTag } from '../../shared/directives';
import type { TPage } from '../../shared/pagination';
import { apiGet } from '../ui/api';
import { fetchAllPages } from '../ui/lists';

export const directiveKey = (id: string) => ['directive', id] as const;

export function useDirective(id: string | undefined) {
  return useQuery({
    queryKey: directiveKey(id ?? ''),
    queryFn: () => apiGet<TDirective>(`/api/v1/directives/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function useTags() {
  return useQuery({ queryKey: ['tags'], queryFn: () => fetchAllPages<TTag>('/api/v1/tags'), staleTime: 5 * 60_000 });
}

/** Issued directives (addressed to one post, when given), for pickers. */
export function useIssuedDirectives(post?: string | null) {
  return useQuery({
    queryKey: ['directives', 'issued', post ?? null],
    queryFn: () => apiGet<TPage<TDirectiveSummary>>('/api/v1/directives', { status: 'issued', post: post ?? undefined, limit: 200 }),
  });
}
