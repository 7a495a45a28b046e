import { useQuery } from '@tanstack/react-query';
import type { TPage } from '../../shared/pagination';
import type { TBureau, TPost } from '../../shared/reference';
import type { TPostOverview } from '../../shared/reference-api';
import { apiGet } from '../ui/api';

async function fetchAllPosts(bureau: string | undefined): Promise<TPost[]> {
  const all: TPost[] = [];
  let cursor: string | undefined;
  do {
    const page = await apiGet<TPage<TPost>>('/api/v1/posts', { bureau, limit: 500, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** Every post (of one bureau, when given), following the pages to the end. */
export function usePosts(bureau?: string) {
  return useQuery({ queryKey: ['posts', bureau], queryFn: () => fetchAllPosts(bureau) });
}

/** One post by its code. */
export function usePost(code: string | null | undefined) {
  return useQuery({
    queryKey: ['post', code ?? ''],
    queryFn: () => apiGet<TPost>(`/api/v1/posts/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
    staleTime: 10 * 60_000,
  });
}

/** A post's page for the signed-in reader: the post, the sections they may read, its deadlines. */
export function usePostOverview(code: string) {
  return useQuery({
    queryKey: ['post', code, 'overview'],
    queryFn: () => apiGet<TPostOverview>(`/api/v1/posts/${encodeURIComponent(code)}/overview`),
    staleTime: 0,
  });
}

/** The bureaus, with their names, for pickers and the bureau table. */
export function useBureaus() {
  return useQuery({ queryKey: ['bureaus'], queryFn: () => apiGet<TPage<TBureau>>('/api/v1/bureaus'), staleTime: 60 * 60_000 });
}
