import type { TAddresseeChoice, TDirective, TDirectiveStatus, TDirectiveSummary, TTalkingPoint } from '../../shared/directives';
import type { TClearance } from '../../shared/identity';
import type { Actor } from '../identity/actor';
import { directiveActions, type IssueReadiness } from './directive-policy';

/** The columns a summary needs (a full row has more). */
export interface DirectiveSummaryRow extends IssueReadiness {
  id: string;
  reference: string;
  date: string;
  subject: string;
  classification: string;
  status: string;
  synthetic: boolean;
  issuedAt: Date | null;
}

export interface DirectiveFullRow extends DirectiveSummaryRow {
  fromLine: string;
  objective: string;
  background: string;
  engagementCadenceDays: number | null;
  incidentCadenceDays: number | null;
  assessmentCadenceDays: number | null;
  sourceNote: string | null;
}

export interface DirectivePostRow {
  role: string;
  code: string;
  name: string;
  country: string;
  bureau: string | null;
}

export function presentDirectiveSummary(row: DirectiveSummaryRow, tags: string[], viewer: Actor | null): TDirectiveSummary {
  return {
    id: row.id,
    reference: row.reference,
    date: row.date,
    subject: row.subject,
    classification: row.classification as TClearance,
    status: row.status as TDirectiveStatus,
    tags,
    actionPostCount: row.actionPostCount,
    synthetic: row.synthetic,
    issuedAt: row.issuedAt ? row.issuedAt.toISOString() : null,
    allowedActions: directiveActions(viewer, row),
  };
}

export interface DirectiveParts {
  tags: string[];
  addressees: DirectivePostRow[];
  /** How the addressees were chosen. */
  choices: { action: TAddresseeChoice; info: TAddresseeChoice };
  /** Already narrowed to the viewer's post where that applies. */
  talkingPoints: TTalkingPoint[];
  /** Links to other directives, null when the viewer may not see the other one. */
  supersedes: string | null;
  supersededBy: string | null;
  viewer: Actor | null;
}

export function presentDirective(row: DirectiveFullRow, parts: DirectiveParts): TDirective {
  const postsWithRole = (role: string) =>
    parts.addressees.filter((p) => p.role === role).map(({ code, name, country, bureau }) => ({ code, name, country, bureau }));
  return {
    ...presentDirectiveSummary(row, parts.tags, parts.viewer),
    from: row.fromLine,
    objective: row.objective,
    background: row.background,
    actionPosts: postsWithRole('action'),
    infoPosts: postsWithRole('info'),
    actionChoice: parts.choices.action,
    infoChoice: parts.choices.info,
    engagementCadenceDays: row.engagementCadenceDays,
    incidentCadenceDays: row.incidentCadenceDays,
    assessmentCadenceDays: row.assessmentCadenceDays,
    supersedes: parts.supersedes,
    supersededBy: parts.supersededBy,
    sourceNote: row.sourceNote,
    talkingPoints: parts.talkingPoints,
  };
}
