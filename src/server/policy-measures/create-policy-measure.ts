import { ZPolicyMeasureInput, type TPolicyMeasure } from '../../shared/policy-measures';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { policyMeasureStatuses, policyMeasures, sources } from '../db/schema/index';
import { AppError, type FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { markingProblem, resolveHomePost } from '../records/post-write-scope';
import { areaProblem } from './policy-areas';
import { getMeasure, MEASURE_RECORD_TYPE } from './policy-measure-queries';

/** The rows a source of a policy measure is stored as (the shared `sources` table). */
export function sourceValues(measureId: string, source: ReturnType<typeof ZPolicyMeasureInput.parse>['sources'][number], actorId: string) {
  return {
    recordType: MEASURE_RECORD_TYPE,
    recordId: measureId,
    url: source.url,
    outlet: source.outlet,
    publishedOn: source.publishedOn,
    language: source.language,
    sourceType: source.type,
    reliability: source.reliability,
    credibility: source.credibility,
    addedBy: actorId,
  };
}

/**
 * Records a law or policy for the writer's home post and its country, with its first status
 * and at least one source. Posts record measures of their own country only.
 */
export async function createMeasure(db: Executor, raw: unknown, context: AuditContext, actor: Actor): Promise<TPolicyMeasure> {
  requirePermission(actor, 'records.draft');
  const input = parseInput(ZPolicyMeasureInput, raw);
  const post = await resolveHomePost(db, actor, input.post, 'policy measures');
  if (input.country && input.country !== post.countryAlpha2) {
    throw new AppError('forbidden', `Your post records measures of its own country (${post.countryAlpha2}) only, not of ${input.country}.`);
  }
  const problems = [markingProblem(actor, input.classification), await areaProblem(db, input.area, 'body.area')].filter((p): p is FieldError => !!p);
  if (problems.length > 0) throw AppError.validation(problems);
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(policyMeasures)
      .values({
        postId: post.id,
        countryAlpha2: post.countryAlpha2,
        area: input.area,
        title: input.title,
        status: input.status,
        statusOn: input.statusOn,
        direction: input.direction,
        summary: input.summary,
        classification: input.classification,
        synthetic: input.synthetic,
        createdBy: actor.id,
      })
      .returning({ id: policyMeasures.id });
    const measureId = created!.id;
    await tx.insert(policyMeasureStatuses).values({ measureId, status: input.status, effectiveOn: input.statusOn, recordedBy: actor.id });
    await tx.insert(sources).values(input.sources.map((source) => sourceValues(measureId, source, actor.id)));
    await recordAudit(tx, context, {
      action: 'policy_measure.created',
      recordType: MEASURE_RECORD_TYPE,
      recordId: measureId,
      // The summary stays with the record; the trail keeps what identifies the measure.
      change: {
        post: post.code,
        country: post.countryAlpha2,
        area: input.area,
        title: input.title,
        status: input.status,
        statusOn: input.statusOn,
        direction: input.direction,
        classification: input.classification,
        sources: input.sources.length,
        synthetic: input.synthetic,
      },
      classification: input.classification,
    });
    return measureId;
  });
  return getMeasure(db, id, actor);
}
