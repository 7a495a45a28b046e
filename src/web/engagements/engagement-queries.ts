import { useQuery } from '@tanstack/react-query';
import type { TDirectiveSummary } from '../../shared/directives';
import type { TEngagement } from '../../shared/engagements';
import { ROLE_LABEL } from '../../shared/identity';
import type { TPostStaff } from '../../shared/reference-api';
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

/** The people of the post, as pickers show them (officers present, follow-up owners): name, then role and clearance. */
export function usePostStaff(post: string | null) {
  return useQuery({
    queryKey: ['post-staff', post],
    enabled: Boolean(post),
    queryFn: async (): Promise<PickerItem[]> =>
      (await apiGet<TPostStaff>(`/api/v1/posts/${encodeURIComponent(post ?? '')}/staff`)).items.map((member) => ({
        id: member.id,
        name: member.name,
        detail: `${ROLE_LABEL[member.role]}, cleared ${member.clearance}`,
      })),
  });
}
