import { useQuery } from '@tanstack/react-query';
import type { TEngagement } from '../../shared/engagements';
import { apiGet } from '../ui/api';

export const engagementKey = (id: string) => ['engagement', id] as const;

export function useEngagement(id: string) {
  return useQuery({
    queryKey: engagementKey(id),
    queryFn: () => apiGet<TEngagement>(`/api/v1/engagements/${encodeURIComponent(id)}`),
    enabled: Boolean(id),
  });
}
