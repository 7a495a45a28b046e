import { useQuery } from '@tanstack/react-query';
import type { TDirectiveSummary } from '../../shared/directives';
import type { TEngagement } from '../../shared/engagements';
import { apiGet } from '../ui/api';
import { fetchAllPages } from '../ui/lists';
import type { PickerItem } from '../ui/SearchPicker';

export const engagementKey = (id: string) => ['engagement', id] as const;

export function useEngagement(id: string) {
  return useQuery({
    queryKey: engagementKey(id),
    queryFn: () => apiGet<TEngagement>(`/api/v1/engagements/${encodeURIComponent(id)}`),
    enabled: Boolean(id),
  });
}

/**
 * The directives an engagement may cite and the list filters by, as the reader sees them:
 * issued ones, and those since superseded or rescinded (older engagements cite them). Drafts
 * are left out: no engagement acts on a draft.
 */
export function useCitedDirectives() {
  return useQuery({
    queryKey: ['directives', 'cited'],
    queryFn: async () => (await fetchAllPages<TDirectiveSummary>('/api/v1/directives')).filter((directive) => directive.status !== 'draft'),
  });
}

/** A directive as a picker shows it: its reference and subject, searched together. */
export const directiveItem = (directive: Pick<TDirectiveSummary, 'id' | 'reference' | 'subject'>): PickerItem => ({
  id: directive.id,
  name: `${directive.reference}: ${directive.subject}`,
});
