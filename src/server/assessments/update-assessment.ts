import { and, eq, inArray } from 'drizzle-orm';
import { ZAssessmentUpdate, type TAssessment } from '../../shared/assessments';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { assessments } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { higherMarking, requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { appendActivity } from '../workflow/record-activity';
import { type AssessmentContent, checkContent, writeEvidence, writeScores } from './assessment-content';
import { markingWithEvidence, readableEvidence, storedEvidence } from './assessment-evidence';
import { assertAssessmentAction } from './assessment-policy';
import { findAssessmentSubject, getAssessment, loadScores } from './assessment-queries';
import { ASSESSMENT_WORKFLOW } from './assessment-workflow-definition';

const scoreMap = (scores: { area: string; score: number; justification: string }[]) => new Map(scores.map((score) => [score.area, score]));

/**
 * Changes a draft (the fields sent). An approved assessment is frozen: the refusal says so and
 * points at the next period. Links to evidence the editor may not see stay as they were.
 */
export async function updateAssessment(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TAssessment> {
  requirePermission(actor, 'records.draft');
  const current = await findAssessmentSubject(db, id, actor);
  assertAssessmentAction(actor, current, 'update');
  const input = parseInput(ZAssessmentUpdate, raw);
  const [scores, stored] = await Promise.all([loadScores(db, id), storedEvidence(db, id)]);
  const readable = new Set((await readableEvidence(db, stored, actor)).map((link) => `${link.type}:${link.id}`));
  const hidden = stored.filter((ref) => !readable.has(`${ref.type}:${ref.id}`));
  const flagged = input.flagged ?? current.flagged;
  const next: AssessmentContent = {
    narrative: input.narrative ?? current.narrative,
    scores: input.scores ?? scores.map(({ area, score, justification }) => ({ area, score, justification })),
    flagged,
    flagRationale: flagged ? (input.flagRationale !== undefined ? input.flagRationale : current.flagRationale) : null,
    evidence: input.evidence ? [...input.evidence] : stored.filter((ref) => readable.has(`${ref.type}:${ref.id}`)),
    classification: input.classification ?? current.classification,
  };
  await checkContent(db, actor, next, {
    sent: { scores: input.scores !== undefined, evidence: input.evidence !== undefined },
    keptAreas: new Set(scores.map((score) => score.area)),
    hiddenEvidence: hidden.length,
  });

  const change: Record<string, unknown> = {};
  if (next.narrative !== current.narrative) change.narrative = 'changed';
  if (next.classification !== current.classification) change.classification = { from: current.classification, to: next.classification };
  if (next.flagged !== current.flagged) change.flagged = { from: current.flagged, to: next.flagged };
  if ((next.flagRationale ?? null) !== (current.flagRationale ?? null)) change.flagRationale = 'changed';
  const before = scoreMap(scores);
  const after = scoreMap(next.scores);
  const scoreChange = Object.fromEntries(
    [...new Set([...before.keys(), ...after.keys()])]
      .filter((area) => before.get(area)?.score !== after.get(area)?.score || before.get(area)?.justification !== after.get(area)?.justification)
      .map((area) => [area, { from: before.get(area)?.score ?? null, to: after.get(area)?.score ?? null }]),
  );
  if (Object.keys(scoreChange).length > 0) change.scores = scoreChange;
  const evidence = [...next.evidence, ...hidden];
  const storedKeys = stored.map((ref) => `${ref.type}:${ref.id}`);
  const nextKeys = evidence.map((ref) => `${ref.type}:${ref.id}`);
  const linksChanged = new Set<string>();
  if (storedKeys.join() !== nextKeys.join()) {
    const links = { added: nextKeys.filter((key) => !storedKeys.includes(key)), removed: storedKeys.filter((key) => !nextKeys.includes(key)) };
    change.evidence = links;
    for (const key of [...links.added, ...links.removed]) linksChanged.add(key);
  }
  if (Object.keys(change).length === 0) return getAssessment(db, id, actor);

  await db.transaction(async (tx) => {
    const now = new Date();
    const [updated] = await tx
      .update(assessments)
      .set({ narrative: next.narrative, flagged: next.flagged, flagRationale: next.flagRationale, classification: next.classification, updatedAt: now })
      .where(and(eq(assessments.id, id), inArray(assessments.status, [...ASSESSMENT_WORKFLOW.editableIn])))
      .returning({ id: assessments.id });
    if (!updated) throw new AppError('conflict', 'The assessment changed meanwhile (submitted or approved); reload it and try again.');
    if (change.scores) await writeScores(tx, id, next.scores);
    if (change.evidence) await writeEvidence(tx, id, evidence);
    await appendActivity(tx, {
      recordType: ASSESSMENT_WORKFLOW.recordType,
      recordId: id,
      actorId: actor.id,
      kind: 'edited',
      fields: Object.keys(change),
      at: now,
    });
    await recordAudit(tx, context, {
      action: 'assessment.updated',
      recordType: ASSESSMENT_WORKFLOW.recordType,
      recordId: id,
      change,
      // As high as the records whose links it names as added or removed.
      classification: await markingWithEvidence(
        tx,
        higherMarking(current.classification, next.classification),
        [...stored, ...evidence].filter((ref) => linksChanged.has(`${ref.type}:${ref.id}`)),
      ),
    });
  });
  return getAssessment(db, id, actor);
}
