import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TDuplicateCandidate, TIncident, TIncidentCategory, TIncidentMap, TRevision } from '../../shared/incidents';
import { refreshInbox } from '../inbox/inbox-queries';
import { apiGet, apiSend } from '../ui/api';
import { activityKey } from '../workflow/ActivityTimeline';

export const INCIDENTS_PATH = '/api/v1/incidents';
export const incidentPath = (id: string) => `${INCIDENTS_PATH}/${encodeURIComponent(id)}`;

export const incidentKey = (id: string) => ['incident', id] as const;

export function useIncident(id: string) {
  return useQuery({ queryKey: incidentKey(id), queryFn: () => apiGet<TIncident>(incidentPath(id)), enabled: Boolean(id) });
}

export function useIncidentRevisions(id: string) {
  return useQuery({
    queryKey: [...incidentKey(id), 'revisions'],
    queryFn: () => apiGet<{ items: TRevision[] }>(`${incidentPath(id)}/revisions`),
    staleTime: 0,
  });
}

export const duplicatesKey = (id: string) => [...incidentKey(id), 'duplicates'] as const;

export function useIncidentDuplicates(id: string, enabled = true) {
  return useQuery({
    queryKey: duplicatesKey(id),
    queryFn: () => apiGet<{ items: TDuplicateCandidate[] }>(`${incidentPath(id)}/duplicates`),
    enabled: Boolean(id) && enabled,
    staleTime: 0,
  });
}

/** The categories, retired ones included (an old incident keeps its category). */
export function useIncidentCategories() {
  return useQuery({
    queryKey: ['incident-categories'],
    queryFn: () => apiGet<{ items: TIncidentCategory[] }>('/api/v1/incident-categories'),
    staleTime: 10 * 60_000,
  });
}

export function useIncidentMap(params: Record<string, string | undefined>, enabled = true) {
  return useQuery({
    queryKey: ['incidents', 'map', params],
    queryFn: () => apiGet<TIncidentMap>(`${INCIDENTS_PATH}/map`, params),
    staleTime: 0,
    enabled,
  });
}

/** After any write to an incident: the record, lists, map, triage, activity, notifications and the home inbox. */
export function refreshIncident(queryClient: QueryClient, id: string, saved?: unknown): void {
  if (saved && typeof saved === 'object' && 'allowedActions' in saved && (saved as TIncident).id === id) queryClient.setQueryData(incidentKey(id), saved);
  void queryClient.invalidateQueries({ queryKey: incidentKey(id) });
  void queryClient.invalidateQueries({ queryKey: ['incidents'] });
  void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  void queryClient.invalidateQueries({ queryKey: activityKey(incidentPath(id)) });
  refreshInbox(queryClient);
}

export interface IncidentWrite {
  method?: 'POST' | 'DELETE';
  /** Under the incident's path: '/submit', '/sources', '/sources/ID'. */
  path: string;
  body?: unknown;
}

/** A command on one incident (workflow, sources, legal status, merge); each panel keeps its own error. */
export function useIncidentWrite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: IncidentWrite) => apiSend<TIncident | undefined>(method, `${incidentPath(id)}${path}`, body),
    onSuccess: (result) => refreshIncident(queryClient, id, result),
  });
}
