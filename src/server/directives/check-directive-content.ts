import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZDirectiveInput } from '../../shared/directives';
import type { Executor } from '../db/client';
import { countries, directives, tags } from '../db/schema/index';
import type { FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { readableMarkings } from '../identity/access-policy';
import { visibleDirectives } from './directive-policy';
import { addresseeProblems } from './addressee-choices';

/** A directive's fields once the contract's schema has parsed them (defaults applied). */
export type DirectiveFields = z.output<typeof ZDirectiveInput>;
export type TalkingPointFields = DirectiveFields['talkingPoints'][number];

export interface CheckedContent {
  errors: FieldError[];
}

/**
 * Checks what a draft's fields refer to: posts and countries, TAGS, the directive it
 * supersedes, the scopes of its talking points, and that its marking is one the author may
 * read (or they would lose sight of their own draft). Every problem is collected, so the
 * author fixes the form once. Only the fields present are checked (updates are partial).
 */
export async function checkDirectiveContent(
  db: Executor,
  fields: Partial<DirectiveFields>,
  viewer: Actor | null,
  selfId: string | null = null,
): Promise<CheckedContent> {
  const errors: FieldError[] = [];
  const checked: CheckedContent = { errors };

  if (fields.classification !== undefined && viewer && !readableMarkings(viewer).includes(fields.classification)) {
    errors.push({ field: 'body.classification', message: `must be at or below your clearance (${viewer.clearance})` });
  }
  if (fields.actionPosts !== undefined) errors.push(...(await addresseeProblems(db, fields.actionPosts, 'body.actionPosts')));
  if (fields.infoPosts !== undefined) errors.push(...(await addresseeProblems(db, fields.infoPosts, 'body.infoPosts')));
  if (fields.tags !== undefined && fields.tags.length > 0) {
    const known = new Set((await db.select({ code: tags.code }).from(tags).where(inArray(tags.code, fields.tags))).map((t) => t.code));
    fields.tags.forEach((code, i) => {
      if (!known.has(code)) errors.push({ field: `body.tags.${i}`, message: `no TAGS code ${code} exists; an administrator can add it` });
    });
  }
  if (fields.talkingPoints !== undefined) errors.push(...(await talkingPointProblems(db, fields.talkingPoints)));
  if (fields.supersedes) errors.push(...(await supersedesProblems(db, fields.supersedes, viewer, selfId)));
  return checked;
}

/** A scoped point names what it is scoped to, and nothing else. */
async function talkingPointProblems(db: Executor, points: TalkingPointFields[]): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const codes = [...new Set(points.flatMap((point) => point.countries))];
  const known =
    codes.length === 0
      ? new Set<string>()
      : new Set((await db.select({ alpha2: countries.alpha2 }).from(countries).where(inArray(countries.alpha2, codes))).map((c) => c.alpha2));
  points.forEach((point, i) => {
    const field = `body.talkingPoints.${i}`;
    if (point.scope === 'bureaus' && point.bureaus.length === 0) {
      errors.push({ field: `${field}.bureaus`, message: 'must name at least one bureau when the scope is bureaus' });
    }
    if (point.scope === 'countries' && point.countries.length === 0) {
      errors.push({ field: `${field}.countries`, message: 'must name at least one country when the scope is countries' });
    }
    if (point.scope !== 'bureaus' && point.bureaus.length > 0) {
      errors.push({ field: `${field}.bureaus`, message: `must be empty when the scope is ${point.scope}` });
    }
    if (point.scope !== 'countries' && point.countries.length > 0) {
      errors.push({ field: `${field}.countries`, message: `must be empty when the scope is ${point.scope}` });
    }
    point.countries.forEach((code, j) => {
      if (!known.has(code)) errors.push({ field: `${field}.countries.${j}`, message: `no country has the code ${code}` });
    });
  });
  return errors;
}

/** Only a directive in force can be replaced, and only one the author can see. */
async function supersedesProblems(db: Executor, id: string, viewer: Actor | null, selfId: string | null): Promise<FieldError[]> {
  const field = 'body.supersedes';
  if (id === selfId) return [{ field, message: 'cannot be the directive itself' }];
  const [target] = await db
    .select({ status: directives.status })
    .from(directives)
    .where(and(eq(directives.id, id), viewer ? visibleDirectives(viewer) : undefined))
    .limit(1);
  if (!target) return [{ field, message: 'no directive has this id' }];
  if (target.status !== 'issued') return [{ field, message: `must be an issued directive; that one is ${target.status}` }];
  return [];
}
