import { eq } from 'drizzle-orm';
import { FLAG_STATEMENT, type TEvidenceRef } from '../../shared/assessments';
import type { TClearance } from '../../shared/identity';
import type { Executor } from '../db/client';
import { assessmentEvidence, assessmentScores } from '../db/schema/index';
import { AppError, type FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { areaProblem } from '../policy-measures/policy-areas';
import { markingProblem } from '../records/post-write-scope';
import { evidenceProblems } from './assessment-evidence';

export interface Score {
  area: string;
  score: number;
  justification: string;
}

/** What an assessment says, whole: what a draft holds after a save. */
export interface AssessmentContent {
  narrative: string;
  scores: Score[];
  flagged: boolean;
  flagRationale: string | null;
  evidence: TEvidenceRef[];
  classification: TClearance;
}

export interface ContentCheck {
  /** Scores and evidence sent in this request (only those are checked against the author's view). */
  sent: { scores: boolean; evidence: boolean };
  /** Areas already scored on the record: a retired one may stay. */
  keptAreas: ReadonlySet<string>;
  /** Stored links to records the author may not see: kept (the author cannot have meant to drop them), and counted. */
  hiddenEvidence: number;
}

export const flagRationaleMessage = `is required when the flag is set: write why "${FLAG_STATEMENT.toLowerCase()}" holds`;
export const flagEvidenceMessage =
  'must link at least one record the flag rests on (a policy measure, incident, engagement or statistic series) when the flag is set';

/**
 * The rules of an assessment's content, with every problem as a field error (400): each area
 * scored once, in an area that exists, a marking the author may read, links only to records the
 * author may see, and the flag only with a written rationale and at least one link to evidence.
 */
export async function checkContent(db: Executor, author: Actor, content: AssessmentContent, check: ContentCheck): Promise<void> {
  const problems: FieldError[] = [];
  const marking = markingProblem(author, content.classification);
  if (marking) problems.push(marking);
  if (check.sent.scores) {
    const seen = new Set<string>();
    for (const [index, score] of content.scores.entries()) {
      if (seen.has(score.area)) problems.push({ field: `body.scores.${index}.area`, message: `scores "${score.area}" a second time: score each area once` });
      seen.add(score.area);
      const problem = check.keptAreas.has(score.area) ? undefined : await areaProblem(db, score.area, `body.scores.${index}.area`);
      if (problem) problems.push(problem);
    }
  }
  if (check.sent.evidence) {
    const seen = new Set<string>();
    for (const [index, ref] of content.evidence.entries()) {
      const key = `${ref.type}:${ref.id}`;
      if (seen.has(key)) problems.push({ field: `body.evidence.${index}.id`, message: 'is linked a second time: link each record once' });
      seen.add(key);
    }
    problems.push(...(await evidenceProblems(db, content.evidence, author)));
  }
  if (content.flagged) {
    if (!content.flagRationale?.trim()) problems.push({ field: 'body.flagRationale', message: flagRationaleMessage });
    if (content.evidence.length + check.hiddenEvidence === 0) problems.push({ field: 'body.evidence', message: flagEvidenceMessage });
  }
  if (problems.length > 0) throw AppError.validation(problems);
}

/** Replaces the scores and, when asked, the evidence of a draft, inside the caller's transaction. */
export async function writeScores(tx: Executor, assessmentId: string, scores: Score[]): Promise<void> {
  await tx.delete(assessmentScores).where(eq(assessmentScores.assessmentId, assessmentId));
  if (scores.length > 0) await tx.insert(assessmentScores).values(scores.map((score) => ({ assessmentId, ...score })));
}

export async function writeEvidence(tx: Executor, assessmentId: string, evidence: TEvidenceRef[]): Promise<void> {
  await tx.delete(assessmentEvidence).where(eq(assessmentEvidence.assessmentId, assessmentId));
  if (evidence.length > 0)
    await tx.insert(assessmentEvidence).values(evidence.map((ref, position) => ({ assessmentId, recordType: ref.type, recordId: ref.id, position })));
}

/** Refuses what cannot be submitted: nothing scored, or a flag without its rationale or evidence. */
export function submitProblem(content: { scores: number; flagged: boolean; flagRationale: string | null; evidence: number }): string | undefined {
  if (content.scores === 0) return 'An assessment with no area scored cannot be submitted: score at least one area, with its justification.';
  if (content.flagged && (!content.flagRationale?.trim() || content.evidence === 0)) {
    return 'The flag needs a written rationale and at least one linked record before the assessment is submitted.';
  }
  return undefined;
}
