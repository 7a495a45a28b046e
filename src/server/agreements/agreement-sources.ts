import { and, eq } from 'drizzle-orm';
import { ZAgreementSourceInput, type TAgreement } from '../../shared/agreements';
import type { TClearance } from '../../shared/identity';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { agreements, sources } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { assertAgreementAction } from './agreement-policy';
import { AGREEMENT_RECORD_TYPE, findAgreementRow, getAgreement } from './agreement-queries';

/** What the audit trail says of a source added or removed. */
function sourceSummary(source: { id: string; outlet: string; url: string; reliability: string; credibility: number }) {
  const { id, outlet, url, reliability, credibility } = source;
  return { id, outlet, url, reliability, credibility };
}

/** Adds a document or report as a source of the agreement (the shared source model, recordType 'agreement'). */
export async function addAgreementSource(
  db: Executor,
  id: string,
  raw: unknown,
  context: AuditContext,
  actor: Actor,
  homeCountry: string,
): Promise<TAgreement> {
  requirePermission(actor, 'agreements.manage');
  const current = await findAgreementRow(db, id, actor, homeCountry);
  assertAgreementAction(actor, current, 'add_source');
  const source = parseInput(ZAgreementSourceInput, raw);
  await db.transaction(async (tx) => {
    const [added] = await tx
      .insert(sources)
      .values({
        recordType: AGREEMENT_RECORD_TYPE,
        recordId: id,
        url: source.url,
        outlet: source.outlet,
        publishedOn: source.publishedOn,
        language: source.language,
        sourceType: source.type,
        reliability: source.reliability,
        credibility: source.credibility,
        addedBy: actor.id,
      })
      .returning({ id: sources.id });
    await tx.update(agreements).set({ updatedAt: new Date() }).where(eq(agreements.id, id));
    await recordAudit(tx, context, {
      action: 'agreement.source_added',
      recordType: AGREEMENT_RECORD_TYPE,
      recordId: id,
      classification: current.classification as TClearance,
      change: { source: sourceSummary({ ...source, id: added!.id }) },
    });
  });
  return getAgreement(db, id, actor, homeCountry);
}

/** Removes a source of the agreement. */
export async function removeAgreementSource(
  db: Executor,
  id: string,
  sourceId: string,
  context: AuditContext,
  actor: Actor,
  homeCountry: string,
): Promise<TAgreement> {
  requirePermission(actor, 'agreements.manage');
  const current = await findAgreementRow(db, id, actor, homeCountry);
  assertAgreementAction(actor, current, 'remove_source');
  await db.transaction(async (tx) => {
    const [source] = await tx
      .select()
      .from(sources)
      .where(and(eq(sources.recordType, AGREEMENT_RECORD_TYPE), eq(sources.recordId, id), eq(sources.id, sourceId)))
      .limit(1);
    if (!source) throw AppError.notFound('Source');
    await tx.delete(sources).where(eq(sources.id, sourceId));
    await tx.update(agreements).set({ updatedAt: new Date() }).where(eq(agreements.id, id));
    await recordAudit(tx, context, {
      action: 'agreement.source_removed',
      recordType: AGREEMENT_RECORD_TYPE,
      recordId: id,
      classification: current.classification as TClearance,
      change: { source: sourceSummary(source) },
    });
  });
  return getAgreement(db, id, actor, homeCountry);
}
