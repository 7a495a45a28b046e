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
