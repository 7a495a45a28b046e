import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TEngagement } from '../../shared/engagements';
import type { Executor } from '../db/client';
import {
  contacts,
  directives,
  engagementContacts,
  engagementDirectives,
  engagementOfficers,
  engagementPoints,
  followUps,
  talkingPoints,
  users,
} from '../db/schema/index';
import type { Actor } from '../identity/actor';
import { readableMarkings } from '../identity/access-policy';
import { loadEditors, loadLatestReturns } from '../workflow/record-activity';
import { ENGAGEMENT_WORKFLOW } from './engagement-workflow-definition';

export type EngagementDetails = Pick<TEngagement, 'directives' | 'contacts' | 'officers' | 'points' | 'followUps' | 'returned'> & {
  /** Who wrote its content (for four eyes); not sent to the client. */
  editors: string[];
};

const owners = alias(users, 'owner');

function groupBy<T extends { engagementId: string }, U>(rows: T[], map: (row: T) => U): Map<string, U[]> {
  const groups = new Map<string, U[]>();
  for (const row of rows) groups.set(row.engagementId, [...(groups.get(row.engagementId) ?? []), map(row)]);
  return groups;
}

/**
 * What a page of engagements cites, and who wrote them, in seven queries whatever the page size. A directive or
 * contact marked above the viewer's clearance is left out: citing it must not reveal it (it
 * may have been marked up after the engagement cited it).
 */
export async function loadEngagementDetails(db: Executor, ids: string[], viewer: Actor): Promise<Map<string, EngagementDetails>> {
  const details = new Map<string, EngagementDetails>();
  if (ids.length === 0) return details;
  const readable = readableMarkings(viewer);
  const [editors, returns, directiveRows, contactRows, officerRows, pointRows, followUpRows] = await Promise.all([
    loadEditors(db, ENGAGEMENT_WORKFLOW.recordType, ids),
    loadLatestReturns(db, ENGAGEMENT_WORKFLOW.recordType, ids),
    db
      .select({ engagementId: engagementDirectives.engagementId, id: directives.id, reference: directives.reference, subject: directives.subject })
      .from(engagementDirectives)
      .innerJoin(directives, eq(directives.id, engagementDirectives.directiveId))
      .where(and(inArray(engagementDirectives.engagementId, ids), inArray(directives.classification, readable)))
      .orderBy(asc(directives.reference)),
    db
      .select({
        engagementId: engagementContacts.engagementId,
        id: contacts.id,
        name: contacts.name,
        title: contacts.title,
        organization: contacts.organization,
      })
      .from(engagementContacts)
      .innerJoin(contacts, eq(contacts.id, engagementContacts.contactId))
      .where(and(inArray(engagementContacts.engagementId, ids), inArray(contacts.classification, readable)))
      .orderBy(asc(contacts.name), asc(contacts.id)),
    db
      .select({ engagementId: engagementOfficers.engagementId, id: users.id, name: users.name })
      .from(engagementOfficers)
      .innerJoin(users, eq(users.id, engagementOfficers.userId))
      .where(inArray(engagementOfficers.engagementId, ids))
      .orderBy(asc(users.name), asc(users.id)),
    db
      .select({
        engagementId: engagementPoints.engagementId,
        talkingPointId: engagementPoints.talkingPointId,
        directiveId: talkingPoints.directiveId,
        number: talkingPoints.number,
        text: talkingPoints.text,
        delivered: engagementPoints.delivered,
        reception: engagementPoints.reception,
      })
      .from(engagementPoints)
      .innerJoin(talkingPoints, eq(talkingPoints.id, engagementPoints.talkingPointId))
      .innerJoin(directives, eq(directives.id, talkingPoints.directiveId))
      .where(and(inArray(engagementPoints.engagementId, ids), inArray(directives.classification, readable)))
      .orderBy(asc(directives.reference), asc(talkingPoints.number)),
    db
      .select({
        engagementId: followUps.engagementId,
        id: followUps.id,
        action: followUps.action,
        owner: followUps.ownerId,
        ownerName: owners.name,
        dueDate: followUps.dueDate,
        doneAt: followUps.doneAt,
      })
      .from(followUps)
      .leftJoin(owners, eq(owners.id, followUps.ownerId))
      .where(inArray(followUps.engagementId, ids))
      .orderBy(asc(followUps.dueDate), asc(followUps.id)),
  ]);
  const strip = <T extends { engagementId: string }>({ engagementId: _, ...rest }: T) => rest;
  const byDirective = groupBy(directiveRows, strip);
  const byContact = groupBy(contactRows, strip);
  const byOfficer = groupBy(officerRows, strip);
  const byPoint = groupBy(pointRows, (row) => ({ ...strip(row), reception: row.reception as EngagementDetails['points'][number]['reception'] }));
  const byFollowUp = groupBy(followUpRows, ({ engagementId: _, doneAt, ...rest }) => ({ ...rest, done: doneAt !== null }));
  for (const id of ids) {
    details.set(id, {
      directives: byDirective.get(id) ?? [],
      contacts: byContact.get(id) ?? [],
      officers: byOfficer.get(id) ?? [],
      points: byPoint.get(id) ?? [],
      followUps: byFollowUp.get(id) ?? [],
      returned: returns.get(id) ?? null,
      editors: editors.get(id) ?? [],
    });
  }
  return details;
}
