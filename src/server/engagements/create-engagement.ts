import { ZEngagementInput, type TEngagement, type TEngagementInput } from '../../shared/engagements';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { engagements } from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { appendActivity } from '../workflow/record-activity';
import { getEngagement } from './engagement-queries';
import { ENGAGEMENT_WORKFLOW } from './engagement-workflow-definition';
import { parseInput } from '../records/parse-input';
import { storeRelations } from './store-relations';
import { validateEngagement } from './validate-engagement';
import { resolveHomePost } from '../records/post-write-scope';

/** Records an engagement as a draft at the writer's home post; the writer is among the officers. */
export async function createEngagement(db: Executor, raw: TEngagementInput, context: AuditContext, actor: Actor): Promise<TEngagement> {
  requirePermission(actor, 'records.draft');
  const input = parseInput(ZEngagementInput, raw);
  const post = await resolveHomePost(db, actor, input.post, 'engagements');
  const relations = await validateEngagement(db, actor, post, input, actor.id);

  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(engagements)
      .values({
        postId: post.id,
        occurredAt: new Date(input.occurredAt),
        kind: input.kind,
        classification: input.classification,
        ourReadout: input.ourReadout,
        commitments: input.commitments,
        counterpartAccount: input.counterpartAccount,
        counterpartSourceUrl: input.counterpartSourceUrl,
        counterpartDate: input.counterpartDate,
        synthetic: input.synthetic,
        draftedBy: actor.id,
      })
      .returning({ id: engagements.id });
    if (!created) throw new Error('insert returned no row');
    await storeRelations(tx, created.id, relations);
    await appendActivity(tx, { recordType: ENGAGEMENT_WORKFLOW.recordType, recordId: created.id, actorId: actor.id, kind: 'created' });
    await recordAudit(tx, context, {
      action: 'engagement.created',
      classification: input.classification,
      recordType: 'engagement',
      recordId: created.id,
      // What was recorded, without the readouts' text (the record keeps that).
      change: {
        post: post.code,
        occurredAt: new Date(input.occurredAt).toISOString(),
        kind: input.kind,
        classification: input.classification,
        directives: relations.directiveIds,
        contacts: relations.contactIds,
        officers: relations.officerIds,
        points: relations.points.length,
        followUps: relations.followUps.length,
        synthetic: input.synthetic,
      },
    });
    return created.id;
  });
  return getEngagement(db, id, actor);
}
