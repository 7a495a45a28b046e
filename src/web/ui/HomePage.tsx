import { Link } from 'react-router';
import { OverduePosts, PostDeadlines } from '../inbox/CadenceSections';
import { useInbox } from '../inbox/inbox-queries';
import { AwaitingDecision, ReturnedToYou } from '../inbox/RecordSections';
import { UnreadNotifications, YourFollowUps } from '../inbox/WorkSections';
import { ErrorAlert } from './ErrorAlert';
import { formatDateTime } from './format';
import { useMe } from './session';

/**
 * Home: what needs the signed-in user now, as the server computed it for them alone. Each
 * section concerns some roles (the server sends null for the others): an approver's queue,
 * a drafter's returned drafts, follow-ups and their post's deadlines, readers of many posts
 * the overdue posts of their scope, everyone their unread notifications.
 */
export function HomePage() {
  const me = useMe();
  const inbox = useInbox();
  const name = me.data?.user.name;
  return (
    <section>
      <h1>What needs you now</h1>
      <p className="muted">
        {name ? `${name}: ` : ''}what waits for you, as of {inbox.data ? formatDateTime(inbox.data.asOf) : 'now'}. Only what you may read is listed or counted.
      </p>
      <ErrorAlert error={inbox.error} action="Could not load what needs you" />
      {inbox.isPending && <p>Loading…</p>}
      {inbox.data && (
        <>
          {inbox.data.awaitingDecision && <AwaitingDecision section={inbox.data.awaitingDecision} />}
          {inbox.data.returned && <ReturnedToYou section={inbox.data.returned} />}
          {inbox.data.deadlines && <PostDeadlines section={inbox.data.deadlines} />}
          {inbox.data.overduePosts && <OverduePosts section={inbox.data.overduePosts} />}
          {inbox.data.followUps && <YourFollowUps section={inbox.data.followUps} />}
          <UnreadNotifications section={inbox.data.notifications} />
        </>
      )}
      <p className="small muted">
        <Link to="/me">Your profile</Link> has your role, clearance, API tokens and a calendar feed of your follow-ups and due dates; the{' '}
        <Link to="/posts">bureaus and posts</Link> are on a table and a map.
      </p>
    </section>
  );
}
