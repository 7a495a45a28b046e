import { and, eq } from 'drizzle-orm';
import { higherMarking } from '../identity/access-policy';
import type { TDirective } from '../../shared/directives';
import type { AuditContext } from '../audit/audit-context';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { directives } from '../db/schema/index';
import { AppError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { checkDirectiveContent, type DirectiveFields } from './check-directive-content';
import { requireDirectiveAuthor } from './directive-policy';
import { getDirective, requireDirectiveRow, type DirectiveRow } from './directive-queries';
import { asReferenceConflict, assertReferenceFree, directiveColumnsOf, replaceTags, replaceTalkingPoints } from './write-directive-content';
import { addresseeChoicesOf, replaceAddresseeChoice } from './addressee-choices';

export const FROZEN = 'Issued directives are frozen; draft a new directive that supersedes it.';

/** Short fields go into the audit trail with their old and new value; long texts and lists as "changed". */
const SHORT_FIELDS = {
  reference: 'reference',
  date: 'date',
  subject: 'subject',
  from: 'fromLine',
  classification: 'classification',
  engagementCadenceDays: 'engagementCadenceDays',
  incidentCadenceDays: 'incidentCadenceDays',
  assessmentCadenceDays: 'assessmentCadenceDays',
  supersedes: 'supersedesId',
  synthetic: 'synthetic',
} as const satisfies Partial<Record<keyof DirectiveFields, keyof DirectiveRow>>;

function describeChange(current: DirectiveRow, fields: Partial<DirectiveFields>): Record<string, unknown> {
  const change: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields) as [keyof DirectiveFields, unknown][]) {
    if (value === undefined) continue;
    const column = SHORT_FIELDS[key as keyof typeof SHORT_FIELDS];
    if (column === undefined) change[key] = 'changed';
    else if (current[column] !== value) change[key] = { from: current[column], to: value };
  }
  return change;
}

/**
 * Changes a draft, in whole or in part: only the fields given change, and a list given
 * (addressees, TAGS, talking points) replaces the old one. Once issued, a directive is the
 * text posts act on, so it never changes (409); a change is a new directive superseding it.
 */
export async function updateDirective(db: Db, id: string, fields: Partial<DirectiveFields>, context: AuditContext, actor: Actor | null): Promise<TDirective> {
  const current = await requireDirectiveRow(db, id, actor);
  if (actor) requireDirectiveAuthor(actor);
  if (current.status !== 'draft') throw new AppError('conflict', FROZEN);
  if (Object.values(fields).every((value) => value === undefined)) return getDirective(db, id, actor);
  const checked = await checkDirectiveContent(db, fields, actor, id);
  if (checked.errors.length > 0) throw AppError.validation(checked.errors);
  // Values sent again as they are change nothing: nothing is written, and no event says so.
  const change = describeChange(current, fields);
  if (Object.keys(change).length === 0) return getDirective(db, id, actor);

  await db
    .transaction(async (tx) => {
      if (fields.reference !== undefined) await assertReferenceFree(tx, fields.reference, id);
      // Conditional on still being a draft: an issue that won the race keeps its text.
      const [updated] = await tx
        .update(directives)
        .set({ ...directiveColumnsOf(fields), updatedAt: new Date() })
        .where(and(eq(directives.id, id), eq(directives.status, 'draft')))
        .returning({ id: directives.id });
      if (!updated) throw new AppError('conflict', FROZEN);
      if (fields.tags !== undefined) await replaceTags(tx, id, fields.tags);
      // The list not given keeps its choice as it is; the trail says what the choice was and became.
      const change = describeChange(current, fields);
      const before = await addresseeChoicesOf(tx, id);
      for (const [field, role] of [
        ['actionPosts', 'action'],
        ['infoPosts', 'info'],
      ] as const) {
        const choice = fields[field];
        if (choice === undefined) continue;
        const after = await replaceAddresseeChoice(tx, id, role, choice);
        if (JSON.stringify(after) === JSON.stringify(before[role])) delete change[field];
        else change[field] = { from: before[role], to: after };
      }
      // Addressees sent again as they were, and nothing else: nothing is written after all.
      if (Object.keys(change).length === 0) throw new NothingChanged();
      if (fields.talkingPoints !== undefined) await replaceTalkingPoints(tx, id, fields.talkingPoints);
      await recordAudit(tx, context, {
        action: 'directive.updated',
        classification: higherMarking(current.classification, fields.classification ?? current.classification),
        recordType: 'directive',
        recordId: id,
        change,
      });
    })
    .catch((error: unknown) => {
      if (error instanceof NothingChanged) return;
      throw asReferenceConflict(error);
    });
  return getDirective(db, id, actor);
}

/** Rolls back an edit that turned out to change nothing (the trail records no empty event). */
class NothingChanged extends Error {}
