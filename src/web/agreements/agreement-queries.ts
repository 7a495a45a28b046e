import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TAgreement, TAgreementPage, TAgreementSort, TAgreementStage, TStageMove } from '../../shared/agreements';
import { LIST_LIMIT_MAX } from '../../shared/pagination';
import { apiGet, apiSend } from '../ui/api';

export const AGREEMENTS_PATH = '/api/v1/agreements';
export const agreementPath = (id: string) => `${AGREEMENTS_PATH}/${encodeURIComponent(id)}`;
export const agreementKey = (id: string) => ['agreement', id] as const;

export interface AgreementListParams {
  sort?: TAgreementSort;
  order?: 'asc' | 'desc';
  stage?: string;
  type?: string;
  country?: string;
}

/**
 * The agreements the user may see, one page of up to 500 (the board, the table and the map
 * show every agreement under outreach; an instance has far fewer, one or a few per country).
 */
export function useAgreements(params: AgreementListParams = {}) {
  return useQuery({
    queryKey: ['agreements', params],
    queryFn: () => apiGet<TAgreementPage>(AGREEMENTS_PATH, { limit: LIST_LIMIT_MAX, ...params }),
    staleTime: 0,
  });
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementKey(id), queryFn: () => apiGet<TAgreement>(agreementPath(id)), enabled: Boolean(id), staleTime: 0 });
}

export function refreshAgreement(queryClient: QueryClient, saved: TAgreement): void {
  queryClient.setQueryData(agreementKey(saved.id), saved);
  void queryClient.invalidateQueries({ queryKey: ['agreements'] });
}

export interface StageMoveRequest extends TStageMove {
  id: string;
  stage: TAgreementStage;
}

export function useMoveStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...move }: StageMoveRequest) => apiSend<TAgreement>('POST', `${agreementPath(id)}/stage`, move),
    onSuccess: (saved) => refreshAgreement(queryClient, saved),
  });
}

export interface AgreementWrite {
  method?: 'POST' | 'PATCH' | 'DELETE';
  /** Under the agreement's path: '', '/sources', '/sources/ID'. */
  path: string;
  body?: unknown;
}

export function useAgreementWrite(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: AgreementWrite) => apiSend<TAgreement>(method, `${agreementPath(id)}${path}`, body),
    onSuccess: (saved) => refreshAgreement(queryClient, saved),
  });
}

/** Where distances are measured from (the list's `home`; one short request, kept a while). */
export function useAgreementsHome() {
  const home = useQuery({ queryKey: ['agreements', 'home'], queryFn: () => apiGet<TAgreementPage>(AGREEMENTS_PATH, { limit: 1 }), staleTime: 10 * 60_000 });
  return home.data?.home;
}
