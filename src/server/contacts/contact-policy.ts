import { and, isNull, type SQL } from 'drizzle-orm';
import { contacts } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { canSee, hasPermission, visibleRecords, type ScopedRecord } from '../identity/access-policy';

/**
 * Contacts follow the one access rule (scope of the owning post, and marking). A contact
 * merged into another no longer exists for anyone: its engagements now cite the one kept.
 */
export interface ContactScope extends ScopedRecord {
  mergedIntoId: string | null;
}

export function visibleContacts(viewer: Actor): SQL {
  return and(visibleRecords(viewer, { postId: contacts.postId, classification: contacts.classification }), isNull(contacts.mergedIntoId)) as SQL;
}

export function canSeeContact(viewer: Actor, contact: ContactScope): boolean {
  return contact.mergedIntoId === null && canSee(viewer, contact);
}

/** 404 for a contact the viewer may not see, or one merged away. */
export function requireVisibleContact<T extends ContactScope>(viewer: Actor, contact: T | undefined): T {
  if (!contact || !canSeeContact(viewer, contact)) throw AppError.notFound('Contact');
  return contact;
}

/** Officers and approvers keep their own post's contacts. */
export function canEditContact(viewer: Actor, contact: ContactScope): boolean {
  return canSeeContact(viewer, contact) && hasPermission(viewer, 'records.draft') && viewer.postId === contact.postId;
}

export function contactActions(viewer: Actor, contact: ContactScope): string[] {
  return canEditContact(viewer, contact) ? ['update', 'merge'] : [];
}

/** After requireVisibleContact: 403 for a viewer who sees the contact but does not keep it. */
export function assertContactEditor(viewer: Actor, contact: ContactScope): void {
  if (!canEditContact(viewer, contact)) {
    throw new AppError('forbidden', 'Only officers and approvers of the owning post change its contacts.');
  }
}
