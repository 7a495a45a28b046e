import { and, desc, eq } from 'drizzle-orm';
import { ZPolicyMeasureStatusInput, ZPolicyMeasureUpdate, type TPolicyMeasure } from '../../shared/policy-measures';
import type { TClearance } from '../../shared/identity';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { policyMeasureStatuses, policyMeasures } from '../db/schema/index';
import { AppError, type FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { higherMarking, requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { markingProblem } from '../records/post-write-scope';
import { areaProblem } from './policy-areas';
import { assertMeasureAction } from './policy-measure-policy';
import { findMeasure, getMeasure, MEASURE_RECORD_TYPE } from './policy-measure-queries';

/** Changes the fields sent; a change that changes nothing writes nothing. Long texts are audited as "changed". */
export async function updateMeasure(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TPolicyMeasure> {
  requirePermission(actor, 'records.draft');
  const current = await findMeasure(db, id, actor);
  assertMeasureAction(actor, current, 'update');
  const input = parseInput(ZPolicyMeasureUpdate, raw);
  const problems = [
    input.classification ? markingProblem(actor, input.classification) : undefined,
    input.area ? await areaProblem(db, input.area, 'body.area', current.area) : undefined,
  ].filter((p): p is FieldError => !!p);
  if (problems.length > 0) throw AppError.validation(problems);
  const set: Record<string, unknown> = {};
  const change: Record<string, unknown> = {};
  for (const key of ['area', 'title', 'direction', 'summary', 'classification'] as const) {
    const value = input[key];
    if (value === undefined || value === current[key]) continue;
    set[key] = value;
    change[key] = key === 'summary' ? 'changed' : { from: current[key], to: value };
  }
  if (Object.keys(set).length === 0) return getMeasure(db, id, actor);
  await db.transaction(async (tx) => {
    await tx
      .update(policyMeasures)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(policyMeasures.id, id));
    await recordAudit(tx, context, {
      action: 'policy_measure.updated',
      recordType: MEASURE_RECORD_TYPE,
      recordId: id,
      change,
      classification: higherMarking(current.classification, (input.classification ?? current.classification) as TClearance),
    });
  });
  return getMeasure(db, id, actor);
}

/**
 * Records the measure's next status with the date it took effect. Dates run forward: a step
 * dated before the latest one is refused (record the steps in the order they happened).
 */
export async function setMeasureStatus(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TPolicyMeasure> {
  requirePermission(actor, 'records.draft');
  const current = await findMeasure(db, id, actor);
  assertMeasureAction(actor, current, 'set_status');
  const input = parseInput(ZPolicyMeasureStatusInput, raw);
  await db.transaction(async (tx) => {
    // One status change of a measure at a time: two recorded at once would both read the same latest one.
    await tx.select({ id: policyMeasures.id }).from(policyMeasures).where(eq(policyMeasures.id, id)).for('no key update');
    const [latest] = await tx
      .select({ status: policyMeasureStatuses.status, effectiveOn: policyMeasureStatuses.effectiveOn })
      .from(policyMeasureStatuses)
      .where(eq(policyMeasureStatuses.measureId, id))
      .orderBy(desc(policyMeasureStatuses.effectiveOn), desc(policyMeasureStatuses.recordedAt))
      .limit(1);
    if (latest && input.effectiveOn < latest.effectiveOn) {
      throw AppError.validation([
        { field: 'body.effectiveOn', message: `must be on or after the latest status's date (${latest.effectiveOn}, ${latest.status})` },
      ]);
    }
    if (latest && latest.status === input.status) {
      throw new AppError('conflict', `The measure is already ${input.status.replace('_', ' ')} (since ${latest.effectiveOn}).`);
    }
    await tx.insert(policyMeasureStatuses).values({ measureId: id, status: input.status, effectiveOn: input.effectiveOn, recordedBy: actor.id });
    await tx
      .update(policyMeasures)
      .set({ status: input.status, statusOn: input.effectiveOn, updatedAt: new Date() })
      .where(and(eq(policyMeasures.id, id)));
    await recordAudit(tx, context, {
      action: 'policy_measure.status_changed',
      recordType: MEASURE_RECORD_TYPE,
      recordId: id,
      change: { status: { from: current.status, to: input.status }, effectiveOn: input.effectiveOn },
      classification: current.classification,
    });
  });
  return getMeasure(db, id, actor);
}
