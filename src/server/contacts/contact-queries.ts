import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { containing } from '../db/like';
import type { z } from 'zod';
import type { TContact, ZContactListQuery } from '../../shared/engagements';
import type { TPage } from '../../shared/pagination';
import type { Executor } from '../db/client';
import { contacts, countries, engagementContacts, engagements, posts } from '../db/schema/index';
import { visibleEngagements } from '../engagements/engagement-policy';
import { decodeCursor, toPage } from '../http/cursor';
import type { Actor } from '../identity/actor';
import { requireVisibleContact, visibleContacts } from './contact-policy';
import { presentContact, type ContactRow } from './contact-presenter';

/** The columns of a contact as the presenter needs them, counted for this viewer. */
function contactColumns(viewer: Actor) {
  return {
    id: contacts.id,
    name: contacts.name,
    title: contacts.title,
    organization: contacts.organization,
    organizationType: contacts.organizationType,
    countryAlpha2: contacts.countryAlpha2,
    countryName: countries.name,
    postId: contacts.postId,
    postCode: posts.code,
    postName: posts.name,
    postBureauCode: posts.bureauCode,
    classification: contacts.classification,
    synthetic: contacts.synthetic,
    mergedIntoId: contacts.mergedIntoId,
    // Only engagements this viewer may see: a count must not reveal a hidden record.
    engagementCount: sql<number>`(select count(*) from ${engagementContacts}
      inner join ${engagements} on ${engagements.id} = ${engagementContacts.engagementId}
      where ${engagementContacts.contactId} = ${contacts.id} and ${visibleEngagements(viewer)})`.mapWith(Number),
  };
}

/** Contacts with their post and country (a contact's country is checked when it is written). */
function selectContacts(db: Executor, viewer: Actor) {
  return db
    .select(contactColumns(viewer))
    .from(contacts)
    .innerJoin(posts, eq(posts.id, contacts.postId))
    .innerJoin(countries, eq(countries.alpha2, contacts.countryAlpha2));
}

export async function findContactRow(db: Executor, id: string, viewer: Actor): Promise<ContactRow | undefined> {
  const [row] = await selectContacts(db, viewer).where(eq(contacts.id, id)).limit(1);
  return row as ContactRow | undefined;
}

/** One contact, or 404 when the viewer may not see it (or it was merged away). */
export async function getContact(db: Executor, id: string, viewer: Actor): Promise<TContact> {
  return presentContact(requireVisibleContact(viewer, await findContactRow(db, id, viewer)), viewer);
}

/** Contacts the viewer may see, by name. */
export async function listContacts(db: Executor, query: z.output<typeof ZContactListQuery>, viewer: Actor): Promise<TPage<TContact>> {
  const after = decodeCursor(query.cursor, ['text', 'uuid']);
  const like = query.q ? containing(query.q) : undefined;
  const conditions: (SQL | undefined)[] = [
    visibleContacts(viewer),
    query.post ? eq(posts.code, query.post) : undefined,
    query.country ? eq(contacts.countryAlpha2, query.country.toUpperCase()) : undefined,
    query.organizationType ? eq(contacts.organizationType, query.organizationType) : undefined,
    like ? or(ilike(contacts.name, like), ilike(contacts.title, like), ilike(contacts.organization, like)) : undefined,
    after ? sql`(${contacts.name}, ${contacts.id}) > (${String(after[0])}, ${String(after[1])}::uuid)` : undefined,
  ];
  const rows = (await selectContacts(db, viewer)
    .where(and(...conditions))
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(query.limit + 1)) as ContactRow[];
  const page = toPage(rows, query.limit, (row) => [row.name, row.id]);
  return { items: page.items.map((row) => presentContact(row, viewer)), nextCursor: page.nextCursor };
}
