import type { TDirective, TDirectiveInput, TTalkingPointInput } from '../../shared/directives';
import type { TClearance } from '../../shared/identity';
import type { TBureauCode } from '../../shared/reference';
import { today } from '../ui/labels';
import { newKey, splitCodes } from '../ui/lists';

/** Addressees as the author chooses them (codes, in the order chosen); the server keeps the choice. */
export interface AddresseesDraft {
  bureaus: TBureauCode[];
  /** ISO alpha-2 codes. */
  countries: string[];
  /** Post codes. */
  posts: string[];
}

export interface CounterArgumentDraft {
  key: string;
  argument: string;
  rebuttal: string;
}

export interface PointDraft {
  key: string;
  text: string;
  scope: 'all' | 'bureaus' | 'countries';
  bureaus: TBureauCode[];
  /** ISO alpha-2 codes. */
  countries: string[];
  rationale: string;
  wording: 'verbatim' | 'paraphrase' | 'unpublished';
  attribution: string;
  counterArguments: CounterArgumentDraft[];
}

export interface DirectiveDraft {
  reference: string;
  date: string;
  subject: string;
  from: string;
  objective: string;
  background: string;
  classification: TClearance;
  tags: string;
  actionPosts: AddresseesDraft;
  infoPosts: AddresseesDraft;
  engagementCadenceDays: string;
  incidentCadenceDays: string;
  assessmentCadenceDays: string;
  supersedes: string;
  synthetic: boolean;
  sourceNote: string;
  talkingPoints: PointDraft[];
}

export const EMPTY_ADDRESSEES: AddresseesDraft = { bureaus: [], countries: [], posts: [] };

export function emptyPoint(): PointDraft {
  return { key: newKey(), text: '', scope: 'all', bureaus: [], countries: [], rationale: '', wording: 'verbatim', attribution: '', counterArguments: [] };
}

export function emptyDirective(): DirectiveDraft {
  return {
    reference: '',
    date: today(),
    subject: '',
    from: '',
    objective: '',
    background: '',
    classification: 'U',
    tags: '',
    actionPosts: EMPTY_ADDRESSEES,
    infoPosts: EMPTY_ADDRESSEES,
    engagementCadenceDays: '',
    incidentCadenceDays: '',
    assessmentCadenceDays: '',
    supersedes: '',
    synthetic: false,
    sourceNote: '',
    talkingPoints: [emptyPoint()],
  };
}

/** A draft directive from the server, for editing; addressees come back as they were chosen. */
export function draftOf(directive: TDirective): DirectiveDraft {
  const chosen = (choice: TDirective['actionChoice']): AddresseesDraft => ({
    bureaus: choice.bureaus as TBureauCode[],
    countries: choice.countries,
    posts: choice.posts,
  });
  const days = (value: number | null) => (value === null ? '' : String(value));
  return {
    reference: directive.reference,
    date: directive.date.slice(0, 10),
    subject: directive.subject,
    from: directive.from,
    objective: directive.objective,
    background: directive.background,
    classification: directive.classification,
    tags: directive.tags.join(' '),
    actionPosts: chosen(directive.actionChoice),
    infoPosts: chosen(directive.infoChoice),
    engagementCadenceDays: days(directive.engagementCadenceDays),
    incidentCadenceDays: days(directive.incidentCadenceDays),
    assessmentCadenceDays: days(directive.assessmentCadenceDays),
    supersedes: directive.supersedes ?? '',
    synthetic: directive.synthetic,
    sourceNote: directive.sourceNote ?? '',
    talkingPoints: directive.talkingPoints.map((point) => ({
      key: newKey(),
      text: point.text,
      scope: point.scope,
      bureaus: point.bureaus as TBureauCode[],
      countries: point.countries,
      rationale: point.rationale ?? '',
      wording: point.wording,
      attribution: point.attribution ?? '',
      counterArguments: point.counterArguments.map((counter) => ({ key: newKey(), ...counter })),
    })),
  };
}

function addressees(draft: AddresseesDraft) {
  return { bureaus: draft.bureaus, countries: draft.countries, posts: draft.posts };
}

function cadence(value: string): number | null {
  return value.trim() === '' ? null : Number(value);
}

function optional(value: string): string | null {
  return value.trim() === '' ? null : value;
}

function pointInput(point: PointDraft): TTalkingPointInput {
  return {
    text: point.text,
    scope: point.scope,
    bureaus: point.scope === 'bureaus' ? point.bureaus : [],
    countries: point.scope === 'countries' ? point.countries : [],
    rationale: optional(point.rationale),
    wording: point.wording,
    attribution: point.wording === 'verbatim' && point.attribution.trim() === '' ? null : optional(point.attribution),
    counterArguments: point.counterArguments.map(({ argument, rebuttal }) => ({ argument, rebuttal })),
  };
}

export function inputOf(draft: DirectiveDraft): TDirectiveInput {
  return {
    reference: draft.reference,
    date: draft.date,
    subject: draft.subject,
    from: draft.from,
    objective: draft.objective,
    background: draft.background,
    classification: draft.classification,
    tags: splitCodes(draft.tags),
    actionPosts: addressees(draft.actionPosts),
    infoPosts: addressees(draft.infoPosts),
    engagementCadenceDays: cadence(draft.engagementCadenceDays),
    incidentCadenceDays: cadence(draft.incidentCadenceDays),
    assessmentCadenceDays: cadence(draft.assessmentCadenceDays),
    supersedes: optional(draft.supersedes),
    synthetic: draft.synthetic,
    sourceNote: optional(draft.sourceNote),
    talkingPoints: draft.talkingPoints.map(pointInput),
  };
}
