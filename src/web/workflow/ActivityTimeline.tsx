import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TActivity, TActivityItem } from '../../shared/workflow';
import { COMMENT_MAX } from '../../shared/workflow';
import { apiGet, apiSend } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';

export const activityKey = (recordPath: string) => ['activity', recordPath] as const;

const WHAT: Record<TActivityItem['kind'], string> = {
  created: 'created the draft',
  edited: 'edited',
  submitted: 'submitted it for approval',
  returned: 'returned it to draft',
  approved: 'approved it',
  verified: 'verified it',
  rejected: 'rejected it',
  merged: 'merged',
  unmerged: 'undid a merge',
  comment: 'commented',
};

/**
 * The timeline of a drafted-and-approved record (engagements now; incidents, assessments and
 * reports next): who created, edited (and which fields), submitted, returned (with the reason),
 * approved, and the comments, oldest first. `recordPath` is the record's API path.
 */
export function ActivityTimeline({
  recordPath,
  canComment,
  fieldLabels = {},
}: {
  recordPath: string;
  canComment: boolean;
  fieldLabels?: Record<string, string>;
}) {
  const activity = useQuery({ queryKey: activityKey(recordPath), queryFn: () => apiGet<TActivity>(`${recordPath}/activity`), staleTime: 0 });
  return (
    <section className="activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      <ErrorAlert error={activity.error} action="Could not load the activity" />
      {activity.isPending && <p>Loading the activity…</p>}
      {activity.isSuccess && (
        <ol className="timeline" aria-label="Activity">
          {activity.data.items.map((item) => (
            <li key={item.id} className={`timeline-item timeline-${item.kind}`}>
              <span className="timeline-what">
                <strong>{item.actor?.name ?? 'Demarche'}</strong> {WHAT[item.kind]}
                {item.kind === 'edited' && item.fields.length > 0 && <> {item.fields.map((field) => fieldLabels[field] ?? field).join(', ')}</>}
              </span>{' '}
              <time className="muted small" dateTime={item.at}>
                {formatDateTime(item.at)}
              </time>
              {item.note && (
                <blockquote className={item.kind === 'returned' || item.kind === 'rejected' ? 'return-reason' : 'comment-body'}>{item.note}</blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
      {canComment && <CommentForm recordPath={recordPath} />}
    </section>
  );
}

function CommentForm({ recordPath }: { recordPath: string }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const post = useMutation({
    mutationFn: () => apiSend<TActivityItem>('POST', `${recordPath}/comments`, { body }),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: activityKey(recordPath) });
    },
  });
  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        post.mutate();
      }}
    >
      <label className="field">
        <span>Comment</span>
        <textarea value={body} maxLength={COMMENT_MAX} rows={3} aria-describedby="comment-hint" onChange={(event) => setBody(event.target.value)} />
        <span className="field-hint" id="comment-hint">
          Seen by everyone who may read this record; it carries the record’s marking.
        </span>
      </label>
      <ErrorAlert error={post.error} action="Could not add the comment" />
      <button type="submit" disabled={post.isPending || body.trim() === ''}>
        Add comment
      </button>
    </form>
  );
}
