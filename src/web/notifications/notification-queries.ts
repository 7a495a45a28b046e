import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../ui/api';

export const UNREAD_KEY = ['notifications', 'unread-count'] as const;

/** The number of unread notifications, asked again every minute. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: () => apiGet<{ count: number }>('/api/v1/notifications/unread-count'),
    refetchInterval: 60_000,
    staleTime: 0,
    enabled,
  });
}

/** A link inside the app stays in the app; anything else is shown as text. */
export function internalPath(link: string | null): string | null {
  if (!link) return null;
  if (link.startsWith('/') && !link.startsWith('//')) return link;
  try {
    const url = new URL(link);
    return url.origin === window.location.origin ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}
