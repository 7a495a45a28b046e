import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAssessment, TAssessmentChanges, TAssessmentDeadline, TAssessmentMap, TAssessmentTimeline } from '../../shared/assessments';
import type { TPolicyArea, TPolicyMeasure } from '../../shared/policy-measures';
import { refreshInbox } from '../inbox/inbox-queries';
import { apiGet, apiSend } from '../ui/api';

export const MEASURES_PATH = '/api/v1/policy-measures';
export const ASSESSMENTS_PATH = '/api/v1/assessments';
export const measurePath = (id: string) => `${MEASURES_PATH}/${encodeURIComponent(id)}`;
export const assessmentPath = (id: string) => `${ASSESSMENTS_PATH}/${encodeURIComponent(id)}`;

/** The policy areas, retired ones included (an old measure or score keeps its area). */
export function usePolicyAreas() {
  return useQuery({ queryKey: ['policy-areas'], queryFn: () => apiGet<{ items: TPolicyArea[] }>('/api/v1/policy-areas'), staleTime: 10 * 60_000 });
}

export function useMeasure(id: string) {
  return useQuery({ queryKey: ['policy-measure', id], queryFn: () => apiGet<TPolicyMeasure>(measurePath(id)), enabled: Boolean(id) });
}

export function useAssessment(id: string) {
  return useQuery({ queryKey: ['assessment', id], queryFn: () => apiGet<TAssessment>(assessmentPath(id)), enabled: Boolean(id), staleTime: 0 });
}

export function useAssessmentMap(area: string) {
  return useQuery({ queryKey: ['assessments', 'map', area], queryFn: () => apiGet<TAssessmentMap>(`${ASSESSMENTS_PATH}/map`, { area }), staleTime: 0 });
}

export function useAssessmentTimeline(country: string) {
  return useQuery({
    queryKey: ['assessments', 'timeline', country],
    queryFn: () => apiGet<TAssessmentTimeline>(`${ASSESSMENTS_PATH}/timeline`, { country }),
    enabled: Boolean(country),
    staleTime: 0,
  });
}

/** What moved between two periods of a country; without `from`, since the assessed period before `to`. */
export function useAssessmentChanges(country: string, to: string, from = '') {
  return useQuery({
    queryKey: ['assessments', 'changes', country, to, from],
    queryFn: () => apiGet<TAssessmentChanges>(`${ASSESSMENTS_PATH}/changes`, { country, to, ...(from ? { from } : {}) }),
    enabled: Boolean(country && to),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function useAssessmentDeadlines() {
  return useQuery({
    queryKey: ['assessments', 'deadlines'],
    queryFn: () => apiGet<{ items: TAssessmentDeadline[] }>(`${ASSESSMENTS_PATH}/deadlines`),
    staleTime: 0,
  });
}

/** A write on a measure (a status, a source) that answers with the measure. */
export function useMeasureWrite(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: { method?: 'POST' | 'PATCH' | 'DELETE'; path: string; body?: unknown }) =>
      apiSend<TPolicyMeasure>(method, `${measurePath(id)}${path}`, body),
    onSuccess: (measure) => {
      client.setQueryData(['policy-measure', id], measure);
      void client.invalidateQueries({ queryKey: ['policy-measures'] });
    },
  });
}

/** A write on an assessment (an edit, a workflow step) that answers with the assessment. */
export function useAssessmentWrite(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: { method?: 'POST' | 'PATCH'; path: string; body?: unknown }) =>
      apiSend<TAssessment>(method, `${assessmentPath(id)}${path}`, body),
    onSuccess: (assessment) => {
      client.setQueryData(['assessment', id], assessment);
      void client.invalidateQueries({ queryKey: ['assessments'] });
      refreshInbox(client);
    },
  });
}
