import { and, inArray } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import type { Executor } from '../db/client';
import { countries, engagements } from '../db/schema/index';
import { visibleEngagements } from '../engagements/engagement-policy';
import { AppError, type FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { markingProblem } from '../records/post-write-scope';

/**
 * The checks of an agreement's content that need the database, the same for the API, the
 * seed and the tests: the counterpart and every nationality exist, the marking is within the
 * writer's clearance, and each engagement to link is one the writer may see (one they may not
 * see is answered as one that does not exist).
 */
export async function validateAgreementContent(
  db: Executor,
  actor: Actor,
  content: { country?: string; nationalities?: string[]; classification?: TClearance; engagements?: string[] },
): Promise<void> {
  const errors: FieldError[] = [];
  const codes = [...new Set([...(content.country ? [content.country] : []), ...(content.nationalities ?? [])])];
  const known = new Set(
    codes.length > 0 ? (await db.select({ alpha2: countries.alpha2 }).from(countries).where(inArray(countries.alpha2, codes))).map((row) => row.alpha2) : [],
  );
  if (content.country && !known.has(content.country)) errors.push({ field: 'body.country', message: `no country has the code "${content.country}"` });
  (content.nationalities ?? []).forEach((code, index) => {
    if (!known.has(code)) errors.push({ field: `body.nationalities.${index}`, message: `no country has the code "${code}"` });
  });
  if (content.classification) {
    const marking = markingProblem(actor, content.classification);
    if (marking) errors.push(marking);
  }
  const wanted = content.engagements ?? [];
  if (wanted.length > 0) {
    const seen = new Set(
      (
        await db
          .select({ id: engagements.id })
          .from(engagements)
          .where(and(inArray(engagements.id, wanted), visibleEngagements(actor)))
      ).map((row) => row.id),
    );
    wanted.forEach((id, index) => {
      if (!seen.has(id)) errors.push({ field: `body.engagements.${index}`, message: 'is not an engagement you may see' });
    });
  }
  if (errors.length > 0) throw AppError.validation(errors);
}

/** Today's date in UTC, the default day of a stage change. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);
