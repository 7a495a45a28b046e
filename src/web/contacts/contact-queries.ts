import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { TContact } from '../../shared/engagements';
import { apiGet } from '../ui/api';
import { fetchAllPages } from '../ui/lists';

export const CONTACTS_PATH = '/api/v1/contacts';
export const contactPath = (id: string) => `${CONTACTS_PATH}/${encodeURIComponent(id)}`;
export const contactKey = (id: string) => ['contact', id] as const;

export function useContact(id: string) {
  return useQuery({ queryKey: contactKey(id), queryFn: () => apiGet<TContact>(contactPath(id)), enabled: Boolean(id), staleTime: 0 });
}

/** Every contact of one post the reader may see: the choices of the duplicate to merge. */
export function usePostContacts(post: string | undefined) {
  return useQuery({
    queryKey: ['contacts', 'of-post', post ?? ''],
    queryFn: () => fetchAllPages<TContact>(CONTACTS_PATH, { post }),
    enabled: Boolean(post),
    staleTime: 0,
  });
}

/**
 * After a contact is written or merged: the directory, the engagement form's contacts and the
 * engagements that cite contacts load again, and a contact merged away is no longer shown.
 */
export function refreshContacts(queryClient: QueryClient, saved?: TContact): void {
  if (saved) queryClient.setQueryData(contactKey(saved.id), saved);
  void queryClient.invalidateQueries({ queryKey: ['contacts'] });
  void queryClient.invalidateQueries({ queryKey: ['contact'], predicate: (query) => query.queryKey[1] !== saved?.id });
  void queryClient.invalidateQueries({ queryKey: ['engagements'] });
  void queryClient.invalidateQueries({ queryKey: ['engagement'] });
}
