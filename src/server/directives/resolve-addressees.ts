import { inArray, or } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { countries, posts } from '../db/schema/index';
import type { FieldError } from '../http/app-error';

/** Addressees as chosen: by bureau, by country, one by one; they add up. */
export interface AddresseeChoice {
  bureaus: string[];
  countries: string[];
  posts: string[];
}

/**
 * The posts a choice of addressees stands for: every post of the chosen bureaus and
 * countries, plus the posts named one by one. Unknown countries and post codes are field
 * errors under `field` (e.g. `body.actionPosts.posts.2`), so the form can point at them.
 */
export async function resolveAddressees(db: Executor, choice: AddresseeChoice, field: string): Promise<{ postIds: string[]; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  if (choice.countries.length > 0) {
    const known = new Set(
      (await db.select({ alpha2: countries.alpha2 }).from(countries).where(inArray(countries.alpha2, choice.countries))).map((c) => c.alpha2),
    );
    choice.countries.forEach((code, i) => {
      if (!known.has(code)) errors.push({ field: `${field}.countries.${i}`, message: `no country has the code ${code}` });
    });
  }
  const byCode = new Map<string, string>();
  if (choice.posts.length > 0) {
    const named = await db.select({ id: posts.id, code: posts.code }).from(posts).where(inArray(posts.code, choice.posts));
    for (const post of named) byCode.set(post.code, post.id);
    choice.posts.forEach((code, i) => {
      if (!byCode.has(code)) errors.push({ field: `${field}.posts.${i}`, message: `no post has the code "${code}"` });
    });
  }
  const ids = new Set(byCode.values());
  if (choice.bureaus.length > 0 || choice.countries.length > 0) {
    const grouped = await db
      .select({ id: posts.id })
      .from(posts)
      .where(
        or(
          choice.bureaus.length > 0 ? inArray(posts.bureauCode, choice.bureaus) : undefined,
          choice.countries.length > 0 ? inArray(posts.countryAlpha2, choice.countries) : undefined,
        ),
      );
    for (const post of grouped) ids.add(post.id);
  }
  return { postIds: [...ids], errors };
}

/** A post that is both an action and an info addressee must act: action wins. */
export function assignRoles(actionPostIds: string[], infoPostIds: string[]): { postId: string; role: 'action' | 'info' }[] {
  const action = new Set(actionPostIds);
  const info = new Set(infoPostIds.filter((id) => !action.has(id)));
  return [...[...action].map((postId) => ({ postId, role: 'action' as const })), ...[...info].map((postId) => ({ postId, role: 'info' as const }))];
}
