import { Link } from 'react-router';
import type { TInbox } from '../../shared/inbox';
import { formatDate } from '../ui/format';
import { CADENCE_STATUS_LABEL } from '../ui/labels';
import { StatusBadge } from '../ui/StatusBadge';
import { InboxSection } from './InboxSection';

/** The officer's or approver's own post: when each directive next wants an engagement. */
export function PostDeadlines({ section }: { section: NonNullable<TInbox['deadlines']> }) {
  return (
    <InboxSection
      id="deadlines"
      title={`Deadlines of ${section.post.name}`}
      count={section.total}
      empty={`No issued directive with an engagement cadence is addressed to ${section.post.name}.`}
      shown={section.items.length}
      more={{ to: section.link, label: `all of ${section.post.name}’s deadlines` }}
      footer={
        section.total > 0 && (
          <p className="small">
            {section.overdue === 0 ? 'Nothing is overdue.' : `${section.overdue} overdue.`} An approved engagement under a directive restarts its clock;{' '}
            <Link to={section.link}>the post’s page</Link> has them all.
          </p>
        )
      }
    >
      {section.items.map((row) => (
        <li key={row.directiveId}>
          <Link to={`/directives/${row.directiveId}`}>{row.reference}</Link> <StatusBadge status={row.status} label={CADENCE_STATUS_LABEL[row.status]} /> due{' '}
          {formatDate(row.nextDueAt)}
          <br />
          <span className="muted small">
            Every {row.cadenceDays} days;{' '}
            {row.neverEngaged ? 'no approved engagement since it was issued' : `last approved engagement ${formatDate(row.lastEngagementAt)}`}
          </span>
        </li>
      ))}
    </InboxSection>
  );
}

/** For readers of a bureau or of every post: the posts with a directive overdue, the longest overdue first. */
export function OverduePosts({ section }: { section: NonNullable<TInbox['overduePosts']> }) {
  return (
    <InboxSection
      id="overdue-posts"
      title="Posts overdue"
      count={section.total}
      empty="No post you read is overdue under any directive."
      shown={section.items.length}
      more={{ to: section.link, label: 'the cadence dashboard' }}
      footer={
        section.total > 0 && (
          <p className="small">
            {section.overdueDirectives} overdue {section.overdueDirectives === 1 ? 'deadline' : 'deadlines'} in all; the{' '}
            <Link to={section.link}>dashboard</Link> shows every post’s cadence.
          </p>
        )
      }
    >
      {section.items.map((post) => (
        <li key={post.post}>
          <Link to={post.link}>{post.postName}</Link> {post.bureau && <span className="muted small">({post.bureau})</span>}
          <br />
          <span className="small">
            {post.directives.map((directive, index) => (
              <span key={directive.directiveId}>
                {index > 0 && '; '}
                <Link to={`/directives/${directive.directiveId}`}>{directive.reference}</Link> due {formatDate(directive.nextDueAt)}
                {directive.neverEngaged && ' (never engaged)'}
              </span>
            ))}
          </span>
        </li>
      ))}
    </InboxSection>
  );
}
