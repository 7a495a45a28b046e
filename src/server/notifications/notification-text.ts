import type { TNotification } from '../../shared/notifications';

/** What the reader may see of the record now, joined when the notification is read. */
export interface NotificationFacts {
  kind: string;
  recordType: string;
  recordId: string;
  params: Record<string, string>;
  engagementKind: string | null;
  engagementPostName: string | null;
  engagementOccurredAt: Date | null;
  incidentCategory: string | null;
  incidentPlace: string | null;
  incidentOccurredOn: string | null;
  directiveReference: string | null;
  reminderPostName: string | null;
  followUpAction: string | null;
}

type Text = Pick<TNotification, 'title' | 'body' | 'link'>;

const engagementWords = (facts: NotificationFacts) =>
  `${(facts.engagementKind ?? 'engagement').replace('_', '-')} at ${facts.engagementPostName ?? 'your post'} on ${facts.engagementOccurredAt?.toISOString().slice(0, 10) ?? 'an unknown date'}`;

const incidentWords = (facts: NotificationFacts) =>
  `${(facts.incidentCategory ?? 'incident').toLowerCase()} in ${facts.incidentPlace ?? 'an unknown place'} on ${facts.incidentOccurredOn ?? 'an unknown date'}`;

const COMPOSERS: Record<string, (facts: NotificationFacts) => Text> = {
  'engagement.awaiting_approval': (facts) => ({
    title: 'Engagement awaiting approval',
    body: `A ${engagementWords(facts)} was submitted for your approval.`,
    link: `/engagements/${facts.recordId}`,
  }),
  'engagement.returned': (facts) => ({
    title: 'Engagement returned to draft',
    body: `${facts.params.by ?? 'An approver'} returned your ${engagementWords(facts)}: “${facts.params.reason ?? ''}”`,
    link: `/engagements/${facts.recordId}`,
  }),
  'incident.awaiting_approval': (facts) => ({
    title: 'Incident awaiting verification',
    body: `An incident (${incidentWords(facts)}) was submitted for your verification.`,
    link: `/incidents/${facts.recordId}`,
  }),
  'incident.returned': (facts) => ({
    title: 'Incident returned to draft',
    body: `${facts.params.by ?? 'A verifier'} returned your incident (${incidentWords(facts)}): “${facts.params.reason ?? ''}”`,
    link: `/incidents/${facts.recordId}`,
  }),
  'incident.rejected': (facts) => ({
    title: 'Incident rejected',
    body: `${facts.params.by ?? 'A verifier'} rejected your incident (${incidentWords(facts)}): “${facts.params.reason ?? ''}”`,
    link: `/incidents/${facts.recordId}`,
  }),
  // The assessment's country and period are on its page: the notification names no content.
  'assessment.awaiting_approval': (facts) => ({
    title: 'Assessment awaiting approval',
    body: 'An assessment of your post’s host government was submitted for your approval.',
    link: `/policy/assessments/${facts.recordId}`,
  }),
  'assessment.returned': (facts) => ({
    title: 'Assessment returned to draft',
    body: `${facts.params.by ?? 'An approver'} returned your assessment: “${facts.params.reason ?? ''}”`,
    link: `/policy/assessments/${facts.recordId}`,
  }),
  'cadence.due_soon': (facts) => cadence('Engagement due soon', facts),
  'cadence.overdue': (facts) => cadence('Engagement overdue', facts),
  'follow_up.overdue': (facts) => ({
    title: 'Follow-up overdue',
    body: facts.followUpAction
      ? `“${facts.followUpAction}” was due on ${facts.params.dueDate ?? 'its due date'}.`
      : `A follow-up of this engagement was due on ${facts.params.dueDate ?? 'its due date'}.`,
    link: `/engagements/${facts.recordId}`,
  }),
};

function cadence(title: string, facts: NotificationFacts): Text {
  const reference = facts.directiveReference ?? 'a directive';
  return {
    title: `${title}: ${reference}`,
    body: `${facts.reminderPostName ?? 'Your post'} should report an engagement under ${reference} by ${facts.params.dueDate ?? 'the due date'}.`,
    link: `/directives/${facts.recordId}`,
  };
}

/** The words of a notification, from the facts the reader may see now. */
export function composeNotification(facts: NotificationFacts): Text {
  const compose = COMPOSERS[facts.kind];
  return compose ? compose(facts) : { title: 'Update', body: '', link: null };
}
