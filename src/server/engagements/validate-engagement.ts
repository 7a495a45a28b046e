import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { POST_ROLES, type TClearance } from '../../shared/identity';
import type { ZEngagementInput } from '../../shared/engagements';
import type { Executor } from '../db/client';
import { contacts, directivePosts, directives, posts, users } from '../db/schema/index';
import { AppError, type FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { clearanceRank, readableMarkings } from '../identity/access-policy';
import { canSeeContact } from '../contacts/contact-policy';
import { applicablePoints } from '../directives/applicable-points';
import { implausibleDates } from './engagement-dates';
import { markingProblem, type WritePost } from '../records/post-write-scope';
import { receptionMissing } from '../../shared/engagements';

export type EngagementFields = z.output<typeof ZEngagementInput>;

/** What an engagement cites, checked, ready to store. */
export interface EngagementRelations {
  directiveIds: string[];
  contactIds: string[];
  officerIds: string[];
  points: { talkingPointId: string; delivered: boolean; reception: string | null }[];
  followUps: { action: string; ownerId: string | null; dueDate: string; doneAt: Date | null }[];
}

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * Checks everything an engagement cites against the database and names each bad field:
 * directives issued to this post as an action post, contacts of this post that the writer
 * sees, officers and follow-up owners who work at this post, and only talking points that
 * the listed directives give this post to deliver. The engagement must be marked at least
 * as high as what it cites, or a reader cleared for the engagement would learn of them.
 */
export async function validateEngagement(
  db: Executor,
  actor: Actor,
  post: WritePost,
  input: EngagementFields,
  drafterId: string,
): Promise<EngagementRelations> {
  const errors: FieldError[] = [];
  const citedMarkings: { marking: TClearance; what: string }[] = [];
  const marking = markingProblem(actor, input.classification);
  if (marking) errors.push(marking);
  errors.push(...implausibleDates(input, new Date()));

  const directiveRows = input.directives.length
    ? await db
        .select({
          id: directives.id,
          reference: directives.reference,
          status: directives.status,
          classification: directives.classification,
          role: directivePosts.role,
        })
        .from(directives)
        .leftJoin(directivePosts, and(eq(directivePosts.directiveId, directives.id), eq(directivePosts.postId, post.id)))
        .where(inArray(directives.id, input.directives))
    : [];
  const validDirectives: string[] = [];
  input.directives.forEach((id, i) => {
    const row = directiveRows.find((d) => d.id === id);
    const field = `body.directives.${i}`;
    if (!row || !readableMarkings(actor).includes(row.classification as TClearance)) errors.push({ field, message: 'no directive with this id' });
    else if (row.status === 'draft') errors.push({ field, message: 'is a draft directive; only issued directives can be answered' });
    else if (row.role !== 'action') errors.push({ field, message: `does not name ${post.code} as an action post` });
    else {
      validDirectives.push(id);
      citedMarkings.push({ marking: row.classification as TClearance, what: `directive ${row.reference}` });
    }
  });

  const contactRows = input.contacts.length
    ? await db
        .select({
          id: contacts.id,
          name: contacts.name,
          postId: contacts.postId,
          postCode: posts.code,
          postBureauCode: posts.bureauCode,
          classification: contacts.classification,
          mergedIntoId: contacts.mergedIntoId,
        })
        .from(contacts)
        .innerJoin(posts, eq(posts.id, contacts.postId))
        .where(inArray(contacts.id, input.contacts))
    : [];
  input.contacts.forEach((id, i) => {
    const row = contactRows.find((c) => c.id === id);
    const field = `body.contacts.${i}`;
    if (!row || !canSeeContact(actor, { ...row, classification: row.classification as TClearance })) errors.push({ field, message: 'no contact with this id' });
    else if (row.postId !== post.id) errors.push({ field, message: `is a contact of ${row.postCode}; cite contacts of ${post.code}` });
    else citedMarkings.push({ marking: row.classification as TClearance, what: `contact ${row.name}` });
  });

  const staffIds = unique([...input.officers, ...input.followUps.flatMap((f) => (f.owner ? [f.owner] : []))]);
  const staffRows = staffIds.length
    ? await db
        .select({ id: users.id, clearance: users.clearance })
        .from(users)
        .where(and(inArray(users.id, staffIds), eq(users.postId, post.id), inArray(users.role, [...POST_ROLES]), eq(users.disabled, false)))
    : [];
  const staff = new Set(staffRows.map((u) => u.id));
  const clearanceOf = new Map(staffRows.map((u) => [u.id, u.clearance as TClearance]));
  const notStaff = `is not an officer or approver at ${post.code}`;
  input.officers.forEach((id, i) => {
    if (!staff.has(id)) errors.push({ field: `body.officers.${i}`, message: notStaff });
  });
  input.followUps.forEach((followUp, i) => {
    if (followUp.owner && !staff.has(followUp.owner)) errors.push({ field: `body.followUps.${i}.owner`, message: notStaff });
    // The owner is told of the follow-up and works on it: they must be cleared for the engagement.
    else if (followUp.owner && clearanceRank(clearanceOf.get(followUp.owner)!) < clearanceRank(input.classification)) {
      errors.push({
        field: `body.followUps.${i}.owner`,
        message: `is cleared ${clearanceOf.get(followUp.owner)}, below the engagement's marking (${input.classification})`,
      });
    }
  });

  const applicable = new Map((await applicablePoints(db, validDirectives, post.id)).map((p) => [p.id, p.number]));
  const seen = new Set<string>();
  input.points.forEach((point, i) => {
    const field = `body.points.${i}.talkingPointId`;
    const number = applicable.get(point.talkingPointId);
    if (number === undefined) errors.push({ field, message: `is not a talking point that the listed directives give ${post.code} to deliver` });
    else if (seen.has(point.talkingPointId)) errors.push({ field, message: 'is listed twice' });
    // What the host made of a point is what headquarters reads the engagement for.
    else if (point.delivered && point.reception === null) errors.push({ field: `body.points.${i}.reception`, message: receptionMissing(number) });
    seen.add(point.talkingPointId);
  });

  const highest = citedMarkings.reduce<(typeof citedMarkings)[number] | undefined>(
    (top, cited) => (!top || clearanceRank(cited.marking) > clearanceRank(top.marking) ? cited : top),
    undefined,
  );
  if (highest && clearanceRank(highest.marking) > clearanceRank(input.classification)) {
    errors.push({ field: 'body.classification', message: `must be at least ${highest.marking}, the marking of ${highest.what}` });
  }
  if (errors.length > 0) throw AppError.validation(errors);

  return {
    directiveIds: unique(input.directives),
    contactIds: unique(input.contacts),
    officerIds: unique([drafterId, ...input.officers]),
    points: input.points.map((p) => ({ talkingPointId: p.talkingPointId, delivered: p.delivered, reception: p.delivered ? p.reception : null })),
    followUps: input.followUps.map((f) => ({
      action: f.action,
      ownerId: f.owner === undefined ? drafterId : f.owner,
      dueDate: f.dueDate,
      doneAt: f.done ? new Date() : null,
    })),
  };
}
