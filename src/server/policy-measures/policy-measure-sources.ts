import { and, count, eq } from 'drizzle-orm';
import { ZPolicyMeasureSourceInput, type TPolicyMeasure } from '../../shared/policy-measures';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { policyMeasures, sources } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { sourceValues } from './create-policy-measure';
import { assertMeasureAction } from './policy-measure-policy';
import { findMeasure, getMeasure, MEASURE_RECORD_TYPE } from './policy-measure-queries';

const summaryOf = (source: { id: string; outlet: string; url: string; reliability: string; credibility: number }) => {
  const { id, outlet, url, reliability, credibility } = source;
  return { id, outlet, url, reliability, credibility };
};

/** Adds a source (the gazette, a later report), as incidents do. */
export async function addMeasureSource(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor): Promise<TPolicyMeasure> {
  requirePermission(actor, 'records.draft');
  const current = await findMeasure(db, id, actor);
  assertMeasureAction(actor, current, 'add_source');
  const source = parseInput(ZPolicyMeasureSourceInput, raw);
  await db.transaction(async (tx) => {
    const [added] = await tx
      .insert(sources)
      .values(sourceValues(id, source, actor.id))
      .returning({ id: sources.id });
    await tx.update(policyMeasures).set({ updatedAt: new Date() }).where(eq(policyMeasures.id, id));
    await recordAudit(tx, context, {
      action: 'policy_measure.source_added',
      recordType: MEASURE_RECORD_TYPE,
      recordId: id,
      change: { source: summaryOf({ ...source, id: added!.id }) },
      classification: current.classification,
    });
  });
  return getMeasure(db, id, actor);
}

/** Removes a source; the last one is kept (an unsourced measure cannot be checked). */
export async function removeMeasureSource(db: Executor, id: string, sourceId: string, context: AuditContext, actor: Actor): Promise<TPolicyMeasure> {
  requirePermission(actor, 'records.draft');
  const current = await findMeasure(db, id, actor);
  assertMeasureAction(actor, current, 'remove_source');
  await db.transaction(async (tx) => {
    // Held for the transaction, so two removals at once cannot leave the measure unsourced.
    await tx.select({ id: policyMeasures.id }).from(policyMeasures).where(eq(policyMeasures.id, id)).for('update');
    const owned = and(eq(sources.recordType, MEASURE_RECORD_TYPE), eq(sources.recordId, id));
    const [source] = await tx
      .select()
      .from(sources)
      .where(and(owned, eq(sources.id, sourceId)))
      .limit(1);
    if (!source) throw AppError.notFound('Source');
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(sources).where(owned);
    if (n <= 1) throw new AppError('conflict', 'A policy measure keeps at least one source: add another source before removing this one.');
    await tx.delete(sources).where(eq(sources.id, sourceId));
    await tx.update(policyMeasures).set({ updatedAt: new Date() }).where(eq(policyMeasures.id, id));
    await recordAudit(tx, context, {
      action: 'policy_measure.source_removed',
      recordType: MEASURE_RECORD_TYPE,
      recordId: id,
      change: { source: summaryOf(source) },
      classification: current.classification,
    });
  });
  return getMeasure(db, id, actor);
}
