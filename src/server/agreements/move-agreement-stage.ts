import { desc, eq } from 'drizzle-orm';
import { AGREEMENT_STAGE_LABELS, CLOSED_STAGES, ZStageMove, type TAgreement, type TAgreementStage } from '../../shared/agreements';
import type { TClearance } from '../../shared/identity';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { agreementStageChanges, agreements } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { allowedMoves, assertAgreementAction } from './agreement-policy';
import { AGREEMENT_RECORD_TYPE, findAgreementRow, getAgreement } from './agreement-queries';
import { parseInput } from '../records/parse-input';
import { todayUtc } from './validate-agreement';

const label = (stage: string) => AGREEMENT_STAGE_LABELS[stage as TAgreementStage] ?? stage;
const isClosed = (stage: string) => (CLOSED_STAGES as readonly string[]).includes(stage);

function listed(stages: readonly string[]): string {
  const names = stages.map(label);
  return names.length <= 1 ? (names[0] ?? 'nothing') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** 409 naming the stage and the moves it allows, with both as members of the problem. */
function illegalMove(from: string, to: string, allowed: TAgreementStage[]): AppError {
  const error = new AppError(
    'conflict',
    from === to
      ? `The agreement is already at the stage ${label(from)}.`
      : `An agreement at the stage ${label(from)} cannot move to ${label(to)}; from ${label(from)} it moves to ${listed(allowed)}.`,
  );
  error.extensions = { stage: from, allowedStages: allowed };
  return error;
}

/**
 * Moves an agreement to another stage, on a given day (today, UTC, by default) with an
 * optional note: one entry of its history (from, to, day, note, who, when) and one audit
 * event. The move is checked against the stage read under a row lock, so that two people
 * moving the same card at once cannot both move it from the same stage.
 */
export async function moveAgreementStage(
  db: Executor,
  id: string,
  raw: unknown,
  context: AuditContext,
  actor: Actor,
  homeCountry: string,
): Promise<TAgreement> {
  requirePermission(actor, 'agreements.manage');
  const current = await findAgreementRow(db, id, actor, homeCountry);
  assertAgreementAction(actor, current, 'move_stage');
  const move = parseInput(ZStageMove, raw);
  const today = todayUtc();
  const on = move.on ?? today;
  if (on > today) throw AppError.validation([{ field: 'body.on', message: `must not be in the future (today is ${today} UTC)` }]);

  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ stage: agreements.stage, stoppedAt: agreements.stoppedAt, classification: agreements.classification })
      .from(agreements)
      .where(eq(agreements.id, id))
      .for('update');
    if (!locked) throw AppError.notFound('Agreement');
    const allowed = allowedMoves(locked);
    if (!allowed.includes(move.stage)) throw illegalMove(locked.stage, move.stage, allowed);
    const [previous] = await tx
      .select({ on: agreementStageChanges.effectiveOn })
      .from(agreementStageChanges)
      .where(eq(agreementStageChanges.agreementId, id))
      .orderBy(desc(agreementStageChanges.effectiveOn))
      .limit(1);
    if (previous && on < previous.on) {
      throw AppError.validation([{ field: 'body.on', message: `must be on or after ${previous.on}, the day of the previous change of stage` }]);
    }
    const now = new Date();
    await tx
      .update(agreements)
      .set({
        stage: move.stage,
        stageOn: on,
        // Declined or suspended: remember where it stopped, which is where reopening takes it.
        stoppedAt: isClosed(move.stage) ? locked.stage : null,
        updatedAt: now,
      })
      .where(eq(agreements.id, id));
    await tx.insert(agreementStageChanges).values({
      agreementId: id,
      fromStage: locked.stage,
      toStage: move.stage,
      effectiveOn: on,
      note: move.note,
      changedBy: actor.id,
      changedAt: now,
    });
    await recordAudit(tx, context, {
      action: 'agreement.stage_moved',
      recordType: AGREEMENT_RECORD_TYPE,
      recordId: id,
      classification: locked.classification as TClearance,
      change: { stage: { from: locked.stage, to: move.stage }, on, ...(move.note ? { note: 'given' } : {}) },
    });
  });
  return getAgreement(db, id, actor, homeCountry);
}
