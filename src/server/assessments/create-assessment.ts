import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import { parsePeriod } from '../../shared/assessment-periods';
import { ZAssessmentInput, type TAssessment } from '../../shared/assessments';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { isUniqueViolation } from '../db/constraint-errors';
import { assessments, policyAreas, posts } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { higherMarking, requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { resolveHomePost } from '../records/post-write-scope';
import { appendActivity } from '../workflow/record-activity';
import { type AssessmentContent, checkContent, writeEvidence, writeScores } from './assessment-content';
import { markingWithEvidence } from './assessment-evidence';
import { defaultPeriod } from './assessment-period-rules';
import { visibleAssessments } from './assessment-policy';
import { getAssessment, loadScores } from './assessment-queries';
import { ASSESSMENT_WORKFLOW } from './assessment-workflow-definition';

/**
 * The latest approved assessment of the post before this period that the author may see: the
 * next period starts from a copy of it.
 */
async function latestApprovedBefore(db: Executor, postId: string, periodStart: string, author: Actor) {
  const [row] = await db
    .select({ id: assessments.id, period: assessments.period, narrative: assessments.narrative, classification: assessments.classification })
    .from(assessments)
    .where(and(eq(assessments.postId, postId), eq(assessments.status, 'approved'), lt(assessments.periodStart, periodStart), visibleAssessments(author)))
    .orderBy(desc(assessments.periodStart), desc(assessments.approvedAt))
    .limit(1);
  return row;
}

/**
 * Starts a post's assessment of its country for a period (the post's last ended period by
 * default), as a draft. It begins as a copy of the latest approved assessment before it (scores
 * with their justifications, narrative and marking); the flag, its rationale and its evidence are
 * not copied: a flag rests on the evidence of its own period and is set again with it. What the
 * request sends replaces what the copy holds.
 */
export async function createAssessment(db: Executor, raw: unknown, context: AuditContext, actor: Actor): Promise<TAssessment> {
  requirePermission(actor, 'records.draft');
  const input = parseInput(ZAssessmentInput, raw);
  const post = await resolveHomePost(db, actor, input.post, 'assessments');
  if (input.country && input.country !== post.countryAlpha2) {
    throw new AppError('forbidden', `Your post assesses its own country (${post.countryAlpha2}) only, not ${input.country}.`);
  }
  const period = input.period ? parsePeriod(input.period)! : await defaultPeriod(db, post.id, actor);
  const base = await latestApprovedBefore(db, post.id, period.start, actor);
  const baseScores = base ? (await loadScores(db, base.id)).map(({ area, score, justification }) => ({ area, score, justification })) : [];
  // A retired area is not carried into a new period.
  const retired = new Set((await db.select({ code: policyAreas.code }).from(policyAreas).where(eq(policyAreas.retired, true))).map((row) => row.code));
  const content: AssessmentContent = {
    narrative: input.narrative ?? base?.narrative ?? '',
    scores: input.scores ?? baseScores.filter((score) => !retired.has(score.area)),
    flagged: input.flagged ?? false,
    flagRationale: input.flagged ? (input.flagRationale ?? null) : null,
    evidence: input.evidence ?? [],
    classification: input.classification ?? (base?.classification as AssessmentContent['classification'] | undefined) ?? 'U',
  };
  await checkContent(db, actor, content, {
    sent: { scores: input.scores !== undefined, evidence: input.evidence !== undefined },
    keptAreas: new Set(),
    hiddenEvidence: 0,
  });

  const id = await db
    .transaction(async (tx) => {
      // One writer per post at a time, so two overlapping periods cannot both be started ('no key
      // update' leaves the post's other records free: their inserts take only a key-share lock on it).
      await tx.select({ id: posts.id }).from(posts).where(eq(posts.id, post.id)).for('no key update');
      const [overlap] = await tx
        .select({ id: assessments.id })
        .from(assessments)
        .where(and(eq(assessments.postId, post.id), lte(assessments.periodStart, period.end), gte(assessments.periodEnd, period.start)))
        .limit(1);
      if (overlap) throw new AppError('conflict', `Your post already has an assessment for ${period.name} or a period overlapping it: open it from the list.`);
      const [created] = await tx
        .insert(assessments)
        .values({
          postId: post.id,
          countryAlpha2: post.countryAlpha2,
          period: period.name,
          periodStart: period.start,
          periodEnd: period.end,
          narrative: content.narrative,
          flagged: content.flagged,
          flagRationale: content.flagRationale,
          classification: content.classification,
          copiedFromId: base?.id ?? null,
          synthetic: input.synthetic,
          draftedBy: actor.id,
        })
        .returning({ id: assessments.id });
      const assessmentId = created!.id;
      await writeScores(tx, assessmentId, content.scores);
      await writeEvidence(tx, assessmentId, content.evidence);
      await appendActivity(tx, { recordType: ASSESSMENT_WORKFLOW.recordType, recordId: assessmentId, actorId: actor.id, kind: 'created' });
      await recordAudit(tx, context, {
        action: 'assessment.created',
        recordType: ASSESSMENT_WORKFLOW.recordType,
        recordId: assessmentId,
        change: {
          post: post.code,
          country: post.countryAlpha2,
          period: period.name,
          classification: content.classification,
          copiedFrom: base ? base.period : null,
          scores: Object.fromEntries(content.scores.map((score) => [score.area, score.score])),
          flagged: content.flagged,
          evidence: content.evidence.map((ref) => `${ref.type}:${ref.id}`),
          synthetic: input.synthetic,
        },
        // As high as the assessment it was copied from and the records it links: the event names them.
        classification: await markingWithEvidence(tx, higherMarking(content.classification, base?.classification ?? 'U'), content.evidence),
      });
      return assessmentId;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'assessments_post_period_idx')) {
        throw new AppError('conflict', `Your post already has an assessment for ${period.name}: open it from the list.`);
      }
      throw error;
    });
  return getAssessment(db, id, actor);
}
