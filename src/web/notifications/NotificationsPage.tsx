import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TNotification } from '../../shared/notifications';
import type { TPage } from '../../shared/pagination';
import { apiGet, apiSend } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { RequirePermission } from '../ui/RequirePermission';
import { formatDateTime } from '../ui/format';
import { refreshInbox } from '../inbox/inbox-queries';
import { internalPath } from './notification-queries';

export function NotificationsPage() {
  return (
    <RequirePermission permission="records.read" who="posts and headquarters staff">
      <Notifications />
    </RequirePermission>
  );
}

const RESOLUTION_LABEL: Record<NonNullable<TNotification['resolution']>, string> = {
  approved: 'Resolved: approved',
  verified: 'Resolved: verified',
  returned: 'Resolved: returned to draft',
  rejected: 'Resolved: rejected',
  done: 'Resolved: done',
};

function Notifications() {
  const queryClient = useQueryClient();
  const notifications = useInfiniteQuery({
    queryKey: ['notifications', 'list'],
    queryFn: ({ pageParam }) => apiGet<TPage<TNotification>>('/api/v1/notifications', { limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 0,
  });
  const rows = notifications.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = rows.filter((row) => !row.readAt && !row.resolvedAt).length;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    refreshInbox(queryClient);
  };
  const markRead = useMutation({
    mutationFn: (id: string) => apiSend<unknown>('POST', `/api/v1/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: refresh,
  });
  const markAll = useMutation({ mutationFn: () => apiSend<unknown>('POST', '/api/v1/notifications/read-all'), onSuccess: refresh });

  return (
    <section>
      <div className="page-heading">
        <h1>Notifications</h1>
        {unread > 0 && (
          <button type="button" disabled={markAll.isPending} onClick={() => markAll.mutate()}>
            Mark all as read
          </button>
        )}
      </div>
      <p className="muted">
        Reminders of follow-ups and reporting due dates, and engagements waiting for you. Only what you may read now is listed; an item someone else has dealt
        with is marked resolved.
      </p>
      <ErrorAlert error={notifications.error} action="Could not load the notifications" />
      <ErrorAlert error={markRead.error ?? markAll.error} action="Could not mark as read" />
      {notifications.isPending && <p>Loading notifications…</p>}
      {notifications.isSuccess && rows.length === 0 && <p>You have no notifications.</p>}
      {rows.length > 0 && (
        <ul className="notification-list" aria-label="Notifications">
          {rows.map((notification) => {
            const path = internalPath(notification.link);
            // Resolved items need nobody: they are listed, not counted.
            const open = !notification.readAt && !notification.resolvedAt;
            return (
              <li
                key={notification.id}
                className={open ? 'notification notification-unread' : notification.resolvedAt ? 'notification notification-resolved' : 'notification'}
              >
                <div className="notification-head">
                  {open && <span className="status-badge status-unread">Unread</span>}
                  {notification.resolution && <span className="status-badge status-resolved">{RESOLUTION_LABEL[notification.resolution]}</span>}
                  <strong>
                    {path ? (
                      // Opening it reads it.
                      <Link
                        to={path}
                        onClick={() =>
                          !notification.readAt && void apiSend('POST', `/api/v1/notifications/${encodeURIComponent(notification.id)}/read`).then(refresh)
                        }
                      >
                        {notification.title}
                      </Link>
                    ) : (
                      notification.title
                    )}
                  </strong>
                  <time className="muted small" dateTime={notification.createdAt}>
                    {formatDateTime(notification.createdAt)}
                  </time>
                </div>
                {notification.body && <p>{notification.body}</p>}
                {open && (
                  <button
                    type="button"
                    className="link small"
                    disabled={markRead.isPending}
                    aria-label={`Mark “${notification.title}” as read`}
                    onClick={() => markRead.mutate(notification.id)}
                  >
                    Mark as read
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {notifications.hasNextPage && (
        <button type="button" onClick={() => void notifications.fetchNextPage()} disabled={notifications.isFetchingNextPage}>
          {notifications.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
