import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TInbox } from '../../shared/inbox';
import { internalPath } from '../notifications/notification-queries';
import { apiSend } from '../ui/api';
import { formatDateTime } from '../ui/format';
import { formatDay } from '../ui/labels';
import { InboxSection } from './InboxSection';
import { recordName, refreshInbox } from './inbox-queries';

/** Follow-ups the reader owns and has not done, the soonest due first. */
export function YourFollowUps({ section }: { section: NonNullable<TInbox['followUps']> }) {
  return (
    <InboxSection
      id="follow-ups"
      title="Your follow-ups"
      count={section.total}
      empty="You have no open follow-ups."
      shown={section.items.length}
      more={{ to: section.link, label: 'the engagements' }}
      footer={section.overdue > 0 && <p className="small">{section.overdue} past their due date.</p>}
    >
      {section.items.map((item) => (
        <li key={item.id}>
          {item.action} {item.overdue && <span className="status-badge status-overdue">Overdue</span>}{' '}
          <span className="muted small">due {formatDay(item.dueDate)}</span>
          <br />
          <span className="small">
            From the <Link to={item.link}>{recordName(item.engagement)}</Link>
          </span>
        </li>
      ))}
    </InboxSection>
  );
}

/** The newest unread notifications; opening one reads it. */
export function UnreadNotifications({ section }: { section: TInbox['notifications'] }) {
  const queryClient = useQueryClient();
  const read = (id: string) =>
    void apiSend('POST', `/api/v1/notifications/${encodeURIComponent(id)}/read`).then(() => {
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      refreshInbox(queryClient);
    });
  return (
    <InboxSection
      id="notifications"
      title="Unread notifications"
      count={section.total}
      empty="No unread notifications."
      shown={section.items.length}
      more={{ to: section.link, label: 'all notifications' }}
    >
      {section.items.map((notification) => {
        const path = internalPath(notification.link);
        return (
          <li key={notification.id}>
            {path ? (
              <Link to={path} onClick={() => read(notification.id)}>
                {notification.title}
              </Link>
            ) : (
              notification.title
            )}{' '}
            <time className="muted small" dateTime={notification.createdAt}>
              {formatDateTime(notification.createdAt)}
            </time>
            {notification.body && (
              <>
                <br />
                <span className="small">{notification.body}</span>
              </>
            )}
          </li>
        );
      })}
    </InboxSection>
  );
}
