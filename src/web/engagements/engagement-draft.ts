import type { TEngagement, TEngagementInput } from '../../shared/engagements';
import type { TClearance } from '../../shared/identity';
import { newKey } from '../ui/lists';

export type Reception = 'receptive' | 'noncommittal' | 'disagreed';

export interface DeliveryDraft {
  delivered: boolean;
  /** '' until chosen. */
  reception: Reception | '';
}

export interface FollowUpDraft {
  key: string;
  action: string;
  dueDate: string;
  done: boolean;
  owner: string | null;
}

/** What the engagement form edits. */
export interface EngagementDraft {
  /** A datetime-local value (yyyy-mm-ddThh:mm, the officer's local time). */
  occurredAt: string;
  kind: TEngagement['kind'];
  classification: TClearance;
  directives: string[];
  contacts: string[];
  officers: string[];
  /** By talking point id; a point without an entry was not delivered. */
  points: Record<string, DeliveryDraft>;
  commitments: string;
  ourReadout: string;
  counterpartAccount: string;
  counterpartSourceUrl: string;
  counterpartDate: string;
  followUps: FollowUpDraft[];
}

/** A datetime-local value for an instant, in local time. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function emptyEngagement(directiveId: string | null, classification: TClearance): EngagementDraft {
  return {
    occurredAt: localDateTime(new Date()),
    kind: 'demarche',
    classification,
    directives: directiveId ? [directiveId] : [],
    contacts: [],
    officers: [],
    points: {},
    commitments: '',
    ourReadout: '',
    counterpartAccount: '',
    counterpartSourceUrl: '',
    counterpartDate: '',
    followUps: [],
  };
}

export function draftOfEngagement(engagement: TEngagement): EngagementDraft {
  return {
    occurredAt: localDateTime(new Date(engagement.occurredAt)),
    kind: engagement.kind,
    classification: engagement.classification,
    directives: engagement.directives.map((directive) => directive.id),
    contacts: engagement.contacts.map((contact) => contact.id),
    officers: engagement.officers.map((officer) => officer.id),
    points: Object.fromEntries(engagement.points.map((point) => [point.talkingPointId, { delivered: point.delivered, reception: point.reception ?? '' }])),
    commitments: engagement.commitments,
    ourReadout: engagement.ourReadout,
    counterpartAccount: engagement.counterpartAccount ?? '',
    counterpartSourceUrl: engagement.counterpartSourceUrl ?? '',
    counterpartDate: engagement.counterpartDate ?? '',
    followUps: engagement.followUps.map((followUp) => ({
      key: newKey(),
      action: followUp.action,
      dueDate: followUp.dueDate.slice(0, 10),
      done: followUp.done,
      owner: followUp.owner,
    })),
  };
}

function optional(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

/**
 * The API's input. `pointIds` are the applicable points in the order the form shows them, so
 * that the server's `points.N` errors land on the right row.
 */
export function engagementInputOf(draft: EngagementDraft, pointIds: string[]): TEngagementInput {
  const occurred = new Date(draft.occurredAt);
  return {
    occurredAt: Number.isNaN(occurred.getTime()) ? draft.occurredAt : occurred.toISOString(),
    kind: draft.kind,
    classification: draft.classification,
    directives: draft.directives,
    contacts: draft.contacts,
    officers: draft.officers,
    points: pointIds.map((id) => {
      const delivery = draft.points[id];
      const delivered = Boolean(delivery?.delivered);
      return { talkingPointId: id, delivered, reception: delivered && delivery?.reception ? delivery.reception : null };
    }),
    commitments: draft.commitments,
    ourReadout: draft.ourReadout,
    counterpartAccount: optional(draft.counterpartAccount),
    counterpartSourceUrl: optional(draft.counterpartSourceUrl),
    counterpartDate: optional(draft.counterpartDate),
    followUps: draft.followUps.map((followUp) => ({
      action: followUp.action,
      dueDate: followUp.dueDate,
      done: followUp.done,
      ...(followUp.owner ? { owner: followUp.owner } : {}),
    })),
  };
}
