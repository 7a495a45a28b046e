import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { engagementContacts, engagementDirectives, engagementOfficers, engagementPoints, followUps } from '../db/schema/index';
import type { EngagementRelations } from './validate-engagement';

export type RelationName = keyof EngagementRelations;
export const RELATION_NAMES: RelationName[] = ['directiveIds', 'contactIds', 'officerIds', 'points', 'followUps'];

/** Replaces the named relations of an engagement (all of them for a new one). */
export async function storeRelations(
  tx: Executor,
  engagementId: string,
  relations: EngagementRelations,
  which: RelationName[] = RELATION_NAMES,
): Promise<void> {
  if (which.includes('directiveIds')) {
    await tx.delete(engagementDirectives).where(eq(engagementDirectives.engagementId, engagementId));
    if (relations.directiveIds.length)
      await tx.insert(engagementDirectives).values(relations.directiveIds.map((directiveId) => ({ engagementId, directiveId })));
  }
  if (which.includes('contactIds')) {
    await tx.delete(engagementContacts).where(eq(engagementContacts.engagementId, engagementId));
    if (relations.contactIds.length) await tx.insert(engagementContacts).values(relations.contactIds.map((contactId) => ({ engagementId, contactId })));
  }
  if (which.includes('officerIds')) {
    await tx.delete(engagementOfficers).where(eq(engagementOfficers.engagementId, engagementId));
    if (relations.officerIds.length) await tx.insert(engagementOfficers).values(relations.officerIds.map((userId) => ({ engagementId, userId })));
  }
  if (which.includes('points')) {
    await tx.delete(engagementPoints).where(eq(engagementPoints.engagementId, engagementId));
    if (relations.points.length) await tx.insert(engagementPoints).values(relations.points.map((point) => ({ engagementId, ...point })));
  }
  if (which.includes('followUps')) {
    await tx.delete(followUps).where(eq(followUps.engagementId, engagementId));
    if (relations.followUps.length) await tx.insert(followUps).values(relations.followUps.map((followUp) => ({ engagementId, ...followUp })));
  }
}
