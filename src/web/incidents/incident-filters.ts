import { useSearchParams } from 'react-router';
import { dateRangeProblem } from '../../shared/dates';
import type { TLegalStatus, TSuspectStatus } from '../../shared/incidents';

/** The filters the list, the map and the exports share, as the API names them. */
export const INCIDENT_FILTERS = ['post', 'country', 'category', 'legalStatus', 'suspectStatus', 'status', 'reliability', 'from', 'to'] as const;
export type TIncidentFilterKey = (typeof INCIDENT_FILTERS)[number];

/** The filters as the form edits them: several legal and suspect statuses may be chosen. */
export interface IncidentFilterDraft {
  post: string;
  country: string;
  category: string;
  legalStatus: TLegalStatus[];
  suspectStatus: TSuspectStatus[];
  status: string;
  reliability: string;
  from: string;
  to: string;
}

const listOf = <T extends string>(value: string | null): T[] => (value ? (value.split(',').filter(Boolean) as T[]) : []);

export function draftOfParams(params: URLSearchParams): IncidentFilterDraft {
  return {
    post: params.get('post') ?? '',
    country: params.get('country') ?? '',
    category: params.get('category') ?? '',
    legalStatus: listOf<TLegalStatus>(params.get('legalStatus')),
    suspectStatus: listOf<TSuspectStatus>(params.get('suspectStatus')),
    status: params.get('status') ?? '',
    reliability: params.get('reliability') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** The query parameters of a draft, without empty ones; several statuses are sent comma-separated. */
export function paramsOfDraft(draft: IncidentFilterDraft): Record<TIncidentFilterKey, string | undefined> {
  const text = (value: string) => value.trim() || undefined;
  return {
    post: text(draft.post),
    country: text(draft.country.toUpperCase()),
    category: text(draft.category),
    legalStatus: draft.legalStatus.length ? draft.legalStatus.join(',') : undefined,
    suspectStatus: draft.suspectStatus.length ? draft.suspectStatus.join(',') : undefined,
    status: text(draft.status),
    reliability: text(draft.reliability),
    from: text(draft.from),
    to: text(draft.to),
  };
}

/** The incident filters kept in the address, so that a filtered list or map can be shared. */
export function useIncidentFilters() {
  const [params, setParams] = useSearchParams();
  const draft = draftOfParams(params);
  const query = paramsOfDraft(draft);
  return {
    draft,
    query,
    filtered: Object.values(query).some(Boolean),
    /** A From after the To in the address (a bookmark, a typed link): said, and not asked of the server. */
    rangeProblem: dateRangeProblem(draft.from, draft.to),
    formKey: params.toString(),
    apply(next: IncidentFilterDraft) {
      const values = Object.entries(paramsOfDraft(next)).filter((entry): entry is [string, string] => Boolean(entry[1]));
      setParams(Object.fromEntries(values));
    },
    clear: () => setParams({}),
  };
}

/** The address of an export of the filtered set (the API streams the whole set). */
export function exportHref(format: 'csv' | 'geojson', query: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  search.set('format', format);
  return `/api/v1/incidents?${search.toString()}`;
}
