import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { TInbox, TInboxRecord } from '../../shared/inbox';
import { occurredText } from '../incidents/incident-labels';
import { apiGet } from '../ui/api';
import { formatDateTime } from '../ui/format';
import { ENGAGEMENT_KIND_LABEL } from '../ui/labels';

export const INBOX_KEY = ['inbox'] as const;

/** What needs the signed-in user now, asked again whenever the home page opens. */
export function useInbox() {
  return useQuery({ queryKey: INBOX_KEY, queryFn: () => apiGet<TInbox>('/api/v1/inbox'), staleTime: 0 });
}

/**
 * After a workflow step, a follow-up done or a notification read: the inbox is asked again at
 * once, even while the home page is not shown, so that coming back never shows what was dealt with.
 */
export function refreshInbox(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: INBOX_KEY, refetchType: 'all' });
}

/** A record as the inbox names it: "Meeting at Embassy Berlin, 3 Dec 2025, 10:00". */
export function recordName(record: TInboxRecord): string {
  switch (record.recordType) {
    case 'engagement':
      return `${ENGAGEMENT_KIND_LABEL[record.kind]} at ${record.postName}, ${formatDateTime(record.occurredAt)}`;
    case 'incident':
      return `${record.categoryName} in ${record.placeName}, ${occurredText(record.occurredOn, record.timePrecision)}`;
    case 'assessment':
      return `${record.countryName}, ${record.period}`;
  }
}

const KIND_WORD: Record<TInboxRecord['recordType'], string> = { engagement: 'Engagement', incident: 'Incident', assessment: 'Policy assessment' };

/** "Engagement", "Incident" or "Policy assessment", as the line under a record says it. */
export const recordKind = (record: TInboxRecord) => KIND_WORD[record.recordType];
