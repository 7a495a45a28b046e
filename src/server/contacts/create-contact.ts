import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { ZContactInput, type TContact } from '../../shared/engagements';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Executor } from '../db/client';
import { contacts, countries } from '../db/schema/index';
import { AppError, type FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { requirePermission } from '../identity/access-policy';
import { parseInput } from '../records/parse-input';
import { markingProblem, resolveHomePost } from '../records/post-write-scope';
import { getContact } from './contact-queries';

export type TContactCreateInput = z.input<typeof ZContactInput>;

export async function countryProblem(db: Executor, alpha2: string): Promise<FieldError | undefined> {
  const [country] = await db.select({ alpha2: countries.alpha2 }).from(countries).where(eq(countries.alpha2, alpha2)).limit(1);
  return country ? undefined : { field: 'body.country', message: `no country has the code "${alpha2}"` };
}

/**
 * Records an interlocutor for the writer's home post. Contacts are officials in their
 * official capacity: the contract carries name, title and organization, and nothing else
 * that would identify a person (unknown fields are dropped by the schema).
 */
export async function createContact(db: Executor, raw: TContactCreateInput, context: AuditContext, actor: Actor): Promise<TContact> {
  requirePermission(actor, 'records.draft');
  const input = parseInput(ZContactInput, raw);
  const post = await resolveHomePost(db, actor, input.post, 'contacts');
  const errors = [await countryProblem(db, input.country), markingProblem(actor, input.classification)].filter((e): e is FieldError => e !== undefined);
  if (errors.length > 0) throw AppError.validation(errors);

  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(contacts)
      .values({
        name: input.name,
        title: input.title,
        organization: input.organization,
        organizationType: input.organizationType,
        countryAlpha2: input.country,
        postId: post.id,
        classification: input.classification,
        synthetic: input.synthetic,
        createdBy: actor.id,
      })
      .returning({ id: contacts.id });
    if (!created) throw new Error('insert returned no row');
    await recordAudit(tx, context, {
      action: 'contact.created',
      classification: input.classification,
      recordType: 'contact',
      recordId: created.id,
      change: {
        name: input.name,
        title: input.title,
        organization: input.organization,
        organizationType: input.organizationType,
        country: input.country,
        post: post.code,
        classification: input.classification,
        synthetic: input.synthetic,
      },
    });
    return created.id;
  });
  return getContact(db, id, actor);
}
