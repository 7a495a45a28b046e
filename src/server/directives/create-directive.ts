import { ZDirectiveInput, type TDirective, type TDirectiveInput } from '../../shared/directives';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { directives } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { checkDirectiveContent } from './check-directive-content';
import { requireDirectiveAuthor } from './directive-policy';
import { getDirective } from './directive-queries';
import { asReferenceConflict, assertReferenceFree, directiveColumnsOf, replaceTags, replaceTalkingPoints } from './write-directive-content';
import { replaceAddresseeChoice } from './addressee-choices';
import { parseInput } from '../records/parse-input';

/**
 * Creates a draft directive. `actor` is the directive author (403 for any other role);
 * null means Demarche itself (the demo seed), which needs no permission and sees all.
 * The input is parsed here as well, so callers without HTTP get the same defaults.
 */
export async function createDirective(db: Db, input: TDirectiveInput, context: AuditContext, actor: Actor | null): Promise<TDirective> {
  if (actor) requireDirectiveAuthor(actor);
  const fields = parseInput(ZDirectiveInput, input);
  const checked = await checkDirectiveContent(db, fields, actor);
  if (checked.errors.length > 0) throw AppError.validation(checked.errors);

  const id = await db
    .transaction(async (tx) => {
      await assertReferenceFree(tx, fields.reference);
      const [created] = await tx
        .insert(directives)
        .values({
          ...directiveColumnsOf(fields),
          reference: fields.reference,
          date: fields.date,
          subject: fields.subject,
          fromLine: fields.from,
          objective: fields.objective,
          classification: fields.classification,
          status: 'draft',
          draftedBy: actor?.id ?? null,
        })
        .returning({ id: directives.id });
      if (!created) throw new Error('insert returned no row');
      await replaceTags(tx, created.id, fields.tags);
      await replaceAddresseeChoice(tx, created.id, 'action', fields.actionPosts);
      await replaceAddresseeChoice(tx, created.id, 'info', fields.infoPosts);
      await replaceTalkingPoints(tx, created.id, fields.talkingPoints);
      await recordAudit(tx, context, {
        action: 'directive.created',
        classification: fields.classification,
        recordType: 'directive',
        recordId: created.id,
        change: {
          reference: fields.reference,
          subject: fields.subject,
          classification: fields.classification,
          tags: fields.tags,
          actionPosts: fields.actionPosts,
          infoPosts: fields.infoPosts,
          talkingPoints: fields.talkingPoints.length,
          supersedes: fields.supersedes,
        },
      });
      return created.id;
    })
    .catch((error: unknown) => {
      throw asReferenceConflict(error);
    });
  return getDirective(db, id, actor);
}
