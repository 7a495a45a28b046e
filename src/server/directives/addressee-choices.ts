import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TAddresseeChoice } from '../../shared/directives';
import type { Executor } from '../db/client';
import { countries, directiveAddressees, directiveAddresseeChoices, directivePosts, posts } from '../db/schema/index';
import type { FieldError } from '../http/app-error';

/** Addressees as chosen: by bureau, by country, one by one; they add up. */
export type AddresseeChoice = TAddresseeChoice;
export type AddresseeRole = 'action' | 'info';

const EMPTY: AddresseeChoice = { bureaus: [], countries: [], posts: [] };
const KINDS = [
  ['bureau', 'bureaus'],
  ['country', 'countries'],
  ['post', 'posts'],
] as const;

/**
 * What is wrong with a choice of addressees: countries and post codes nobody knows (bureau
 * codes are the contract's own list). Each is a field error under `field` (e.g.
 * `body.actionPosts.posts.2`), so the form can point at it.
 */
export async function addresseeProblems(db: Executor, choice: AddresseeChoice, field: string): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (choice.countries.length > 0) {
    const rows = await db.select({ alpha2: countries.alpha2 }).from(countries).where(inArray(countries.alpha2, choice.countries));
    const known = new Set(rows.map((c) => c.alpha2));
    choice.countries.forEach((code, i) => {
      if (!known.has(code)) errors.push({ field: `${field}.countries.${i}`, message: `no country has the code ${code}` });
    });
  }
  if (choice.posts.length > 0) {
    const known = new Set((await db.select({ code: posts.code }).from(posts).where(inArray(posts.code, choice.posts))).map((p) => p.code));
    choice.posts.forEach((code, i) => {
      if (!known.has(code)) errors.push({ field: `${field}.posts.${i}`, message: `no post has the code "${code}"` });
    });
  }
  return errors;
}

/**
 * Keeps the choice of one role as given, in its order (a code given twice counts once), and
 * answers it as kept.
 */
export async function replaceAddresseeChoice(tx: Executor, directiveId: string, role: AddresseeRole, choice: AddresseeChoice): Promise<AddresseeChoice> {
  await tx.delete(directiveAddresseeChoices).where(and(eq(directiveAddresseeChoices.directiveId, directiveId), eq(directiveAddresseeChoices.role, role)));
  const kept: AddresseeChoice = { bureaus: [...new Set(choice.bureaus)], countries: [...new Set(choice.countries)], posts: [...new Set(choice.posts)] };
  const rows = KINDS.flatMap(([kind, list]) => kept[list].map((code, position) => ({ directiveId, role, kind, code, position })));
  if (rows.length > 0) await tx.insert(directiveAddresseeChoices).values(rows);
  return kept;
}

/** A directive's choices, action and info, in the order chosen. */
export async function addresseeChoicesOf(db: Executor, directiveId: string): Promise<Record<AddresseeRole, AddresseeChoice>> {
  const rows = await db
    .select()
    .from(directiveAddresseeChoices)
    .where(eq(directiveAddresseeChoices.directiveId, directiveId))
    .orderBy(asc(directiveAddresseeChoices.position));
  const choices: Record<AddresseeRole, AddresseeChoice> = { action: structuredClone(EMPTY), info: structuredClone(EMPTY) };
  for (const row of rows) {
    const list = KINDS.find(([kind]) => kind === row.kind)?.[1];
    if (list && (row.role === 'action' || row.role === 'info')) choices[row.role][list].push(row.code);
  }
  return choices;
}

/**
 * Issuing: the posts the draft's choices stand for now become its posts for good. Called in
 * the issuing transaction while the directive is still a draft, with its row locked, so an
 * edit to its choices cannot slip in between.
 */
export async function freezeAddressees(tx: Executor, directiveId: string): Promise<{ code: string; role: string }[]> {
  const resolved = await tx
    .select({ postId: directiveAddressees.postId, role: directiveAddressees.role, code: posts.code })
    .from(directiveAddressees)
    .innerJoin(posts, eq(posts.id, directiveAddressees.postId))
    .where(eq(directiveAddressees.directiveId, directiveId))
    .orderBy(asc(posts.code));
  await tx.delete(directivePosts).where(eq(directivePosts.directiveId, directiveId));
  if (resolved.length > 0) await tx.insert(directivePosts).values(resolved.map(({ postId, role }) => ({ directiveId, postId, role })));
  return resolved.map(({ code, role }) => ({ code, role }));
}
