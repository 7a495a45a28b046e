import { ZAgreementInput, type TAgreement } from '../../shared/agreements';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { agreementEngagements, agreementStageChanges, agreements, engagements, sources } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { markingNaming } from '../audit/named-marking';
import { AGREEMENT_RECORD_TYPE, getAgreement } from './agreement-queries';
import { todayUtc, validateAgreementContent } from './validate-agreement';

/**
 * Records an agreement under outreach: its counterpart, type, terms, linked engagements and
 * sources, and its first stage (identified unless given) as the first entry of its history.
 */
export async function createAgreement(db: Executor, raw: unknown, context: AuditContext, actor: Actor, homeCountry: string): Promise<TAgreement> {
  requirePermission(actor, 'agreements.manage');
  const input = parseInput(ZAgreementInput, raw);
  const stageOn = input.stageOn ?? todayUtc();
  if (stageOn > todayUtc()) throw AppError.validation([{ field: 'body.stageOn', message: `must not be in the future (today is ${todayUtc()} UTC)` }]);
  const engagementIds = [...new Set(input.engagements)];
  await validateAgreementContent(db, actor, {
    country: input.country,
    nationalities: input.nationalities,
    classification: input.classification,
    engagements: engagementIds,
  });
  const id = await db.transaction(async (tx) => {
    const now = new Date();
    const [created] = await tx
      .insert(agreements)
      .values({
        countryAlpha2: input.country,
        type: input.type,
        stage: input.stage,
        stageOn,
        notes: input.notes,
        annualCapacity: input.annualCapacity,
        nationalities: [...new Set(input.nationalities)],
        assistanceOffered: input.assistanceOffered,
        durationMonths: input.durationMonths,
        reviewOn: input.reviewOn,
        classification: input.classification,
        synthetic: input.synthetic,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: agreements.id });
    if (!created) throw new Error('insert returned no row');
    await tx.insert(agreementStageChanges).values({
      agreementId: created.id,
      fromStage: null,
      toStage: input.stage,
      effectiveOn: stageOn,
      changedBy: actor.id,
      changedAt: now,
    });
    if (engagementIds.length > 0) {
      await tx.insert(agreementEngagements).values(engagementIds.map((engagementId) => ({ agreementId: created.id, engagementId, linkedBy: actor.id })));
    }
    if (input.sources.length > 0) {
      await tx.insert(sources).values(
        input.sources.map((source) => ({
          recordType: AGREEMENT_RECORD_TYPE,
          recordId: created.id,
          url: source.url,
          outlet: source.outlet,
          publishedOn: source.publishedOn,
          language: source.language,
          sourceType: source.type,
          reliability: source.reliability,
          credibility: source.credibility,
          addedBy: actor.id,
        })),
      );
    }
    await recordAudit(tx, context, {
      action: 'agreement.created',
      recordType: AGREEMENT_RECORD_TYPE,
      recordId: created.id,
      // As high as the engagements it names.
      classification: await markingNaming(tx, input.classification, [{ table: engagements, ids: engagementIds }]),
      // What was recorded; the notes and the assistance offered are kept by the record.
      change: {
        country: input.country,
        type: input.type,
        stage: input.stage,
        stageOn,
        annualCapacity: input.annualCapacity,
        nationalities: input.nationalities,
        durationMonths: input.durationMonths,
        reviewOn: input.reviewOn,
        engagements: engagementIds,
        sources: input.sources.length,
        classification: input.classification,
        synthetic: input.synthetic,
      },
    });
    return created.id;
  });
  return getAgreement(db, id, actor, homeCountry);
}
