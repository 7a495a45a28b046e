import { useQuery } from '@tanstack/react-query';
import type { TPage } from '../../shared/pagination';
import type { TPost } from '../../shared/reference';
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
