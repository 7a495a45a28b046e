import { and, eq, inArray } from 'drizzle-orm';
import { ZAgreementUpdate, type TAgreement } from '../../shared/agreements';
import type { TClearance } from '../../shared/identity';
import type { AuditContext } from '../audit/audit-context';
import { listChange } from '../audit/list-change';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { agreementEngagements, agreements, engagements } from '../db/schema/index';
import { visibleEngagements } from '../engagements/engagement-policy';
import type { Actor } from '../identity/actor';
import { higherMarking, requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { markingNaming } from '../audit/named-marking';
import { assertAgreementAction } from './agreement-policy';
import { AGREEMENT_RECORD_TYPE, findAgreementRow, getAgreement } from './agreement-queries';
import { validateAgreementContent } from './validate-agreement';

const FIELDS = ['type', 'notes', 'annualCapacity', 'nationalities', 'assistanceOffered', 'durationMonths', 'reviewOn', 'classification', 'synthetic'] as const;
type Field = (typeof FIELDS)[number];
/** The trail says these changed, not what they say: the record keeps the text. */
const TEXT = new Set<Field>(['notes', 'assistanceOffered']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Changes an agreement's type, terms, notes, marking or linked engagements (only the fields
 * given). The stage moves only through moveAgreementStage, so that every move has its history
 * entry. The list of engagements replaces the linked ones the writer may see; links to
 * engagements they may not see are kept untouched. Nothing changed: nothing is written.
 */
export async function updateAgreement(db: Executor, id: string, raw: unknown, context: AuditContext, actor: Actor, homeCountry: string): Promise<TAgreement> {
  requirePermission(actor, 'agreements.manage');
  const current = await findAgreementRow(db, id, actor, homeCountry);
  assertAgreementAction(actor, current, 'update');
  const update = parseInput(ZAgreementUpdate, raw);
  if (update.nationalities) update.nationalities = [...new Set(update.nationalities)];
  const wantedLinks = update.engagements === undefined ? undefined : [...new Set(update.engagements)];
  await validateAgreementContent(db, actor, { nationalities: update.nationalities, classification: update.classification, engagements: wantedLinks });

  const stored: Record<Field, unknown> = {
    type: current.type,
    notes: current.notes,
    annualCapacity: current.annualCapacity,
    nationalities: current.nationalities,
    assistanceOffered: current.assistanceOffered,
    durationMonths: current.durationMonths,
    reviewOn: current.reviewOn,
    classification: current.classification,
    synthetic: current.synthetic,
  };
  const changed = FIELDS.filter((field) => update[field] !== undefined && !same(update[field], stored[field]));

  await db.transaction(async (tx) => {
    // The links the writer sees now; links they may not see stay as they are.
    const visibleLinks = (
      await tx
        .select({ id: agreementEngagements.engagementId })
        .from(agreementEngagements)
        .innerJoin(engagements, eq(engagements.id, agreementEngagements.engagementId))
        .where(and(eq(agreementEngagements.agreementId, id), visibleEngagements(actor)))
    ).map((row) => row.id);
    const links = wantedLinks === undefined ? undefined : listChange([...visibleLinks].sort(), [...wantedLinks].sort());
    if (changed.length === 0 && !links) return;

    const set: Record<string, unknown> = { updatedAt: new Date() };
    const audit: Record<string, unknown> = {};
    for (const field of changed) {
      set[field] = update[field];
      audit[field] = TEXT.has(field) ? 'changed' : { from: stored[field], to: update[field] };
    }
    await tx.update(agreements).set(set).where(eq(agreements.id, id));
    const removed = links && wantedLinks ? visibleLinks.filter((link) => !wantedLinks.includes(link)) : [];
    const added = links && wantedLinks ? wantedLinks.filter((link) => !visibleLinks.includes(link)) : [];
    if (links) {
      if (removed.length > 0) {
        await tx.delete(agreementEngagements).where(and(eq(agreementEngagements.agreementId, id), inArray(agreementEngagements.engagementId, removed)));
      }
      if (added.length > 0) {
        await tx
          .insert(agreementEngagements)
          .values(added.map((engagementId) => ({ agreementId: id, engagementId, linkedBy: actor.id })))
          .onConflictDoNothing();
      }
      audit.engagements = links;
    }
    await recordAudit(tx, context, {
      action: 'agreement.updated',
      recordType: AGREEMENT_RECORD_TYPE,
      recordId: id,
      // As high as the engagements whose links it names as added or removed.
      classification: await markingNaming(tx, higherMarking(current.classification, (update.classification ?? current.classification) as TClearance), [
        { table: engagements, ids: [...added, ...removed] },
      ]),
      change: audit,
    });
  });
  return getAgreement(db, id, actor, homeCountry);
}
