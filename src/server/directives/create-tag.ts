import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TTag, ZTagCreate } from '../../shared/directives';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/constraint-errors';
import { tags } from '../db/schema/index';
import { AppError } from '../http/app-error';

/** Adds a TAGS code; the caller has checked that the actor may (administrators). */
export async function createTag(db: Db, input: z.output<typeof ZTagCreate>, context: AuditContext): Promise<TTag> {
  const exists = (name?: string) =>
    new AppError('conflict', `The TAGS code ${input.code} already exists${name ? ` (${name})` : ''}.`, [{ field: 'body.code', message: 'already exists' }]);
  return db
    .transaction(async (tx) => {
      const [existing] = await tx.select({ name: tags.name }).from(tags).where(eq(tags.code, input.code)).limit(1);
      if (existing) throw exists(existing.name);
      const [created] = await tx.insert(tags).values({ code: input.code, name: input.name }).returning({ code: tags.code, name: tags.name });
      if (!created) throw new Error('insert returned no row');
      await recordAudit(tx, context, {
        classification: 'U',
        action: 'tag.created',
        recordType: 'tag',
        recordId: created.code,
        change: { code: created.code, name: created.name },
      });
      return created;
    })
    .catch((error: unknown) => {
      // Another administrator added the same code between the check and the insert.
      throw isUniqueViolation(error, 'tags_pkey') ? exists() : error;
    });
}
