import { Link } from 'react-router';
import type { TInbox } from '../../shared/inbox';
import { formatDateTime } from '../ui/format';
import { MarkingTag } from '../ui/Marking';
import { InboxSection } from './InboxSection';
import { recordKind, recordName } from './inbox-queries';

/** Submitted engagements and incidents of the approver's post that they may decide (never their own). */
export function AwaitingDecision({ section }: { section: NonNullable<TInbox['awaitingDecision']> }) {
  return (
    <InboxSection
      id="awaiting"
      title="Awaiting your approval"
      count={section.total}
      empty="Nothing awaits your approval or verification. What you drafted or edited yourself waits for another approver."
      shown={section.items.length}
      more={{ to: section.link, label: 'all submitted engagements' }}
      footer={
        <p className="small">
          Incidents are verified with their sources and possible duplicates on the <Link to="/incidents/triage">triage page</Link>.
        </p>
      }
    >
      {section.items.map((item) => (
        <li key={item.link}>
          <Link to={item.link}>{recordName(item.record)}</Link> <MarkingTag classification={item.record.classification} />
          <br />
          <span className="muted small">
            {recordKind(item.record)} drafted by {item.draftedBy.name}, submitted {formatDateTime(item.submittedAt)}
          </span>
        </li>
      ))}
    </InboxSection>
  );
}

/** The reader's drafts an approver sent back, with the reason; each leaves once submitted again. */
export function ReturnedToYou({ section }: { section: NonNullable<TInbox['returned']> }) {
  return (
    <InboxSection
      id="returned"
      title="Returned to you"
      count={section.total}
      empty="Nothing has been returned to you."
      shown={section.items.length}
      more={{ to: section.link, label: 'all drafts' }}
    >
      {section.items.map((item) => (
        <li key={item.link}>
          <Link to={item.link}>{recordName(item.record)}</Link> <MarkingTag classification={item.record.classification} />
          <br />
          <span className="muted small">
            {recordKind(item.record)} returned by {item.returned.by?.name ?? 'an approver'} on {formatDateTime(item.returned.at)}: change it as asked and submit
            it again.
          </span>
          <blockquote className="return-reason">{item.returned.reason}</blockquote>
        </li>
      ))}
    </InboxSection>
  );
}
