import { eq } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import type { Executor } from '../db/client';
import { countries, incidentCategories } from '../db/schema/index';
import { AppError, type FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { markingProblem } from '../records/post-write-scope';
import { checkIncidentText, identifierProblem } from './identifier-guard/identifier-guard';

export interface IncidentText {
  summary: string;
  placeName: string;
  allowedNames: readonly string[];
}

/**
 * The checks of an incident's content that need the database or the guard, the same for the
 * API, the CLI, the import and the seed: the country and category exist (a retired category
 * only where it is already the incident's), the marking is within the writer's clearance, and
 * the free text has no personal identifier. Field errors first, then the guard's spans.
 */
export async function validateIncidentContent(
  db: Executor,
  actor: Actor,
  content: { country: string; category: string; classification: TClearance; text: IncidentText },
  keep: { category?: string } = {},
): Promise<void> {
  const errors: FieldError[] = [];
  const [country] = await db.select({ alpha2: countries.alpha2 }).from(countries).where(eq(countries.alpha2, content.country)).limit(1);
  if (!country) errors.push({ field: 'body.country', message: `no country has the code "${content.country}"` });
  const [category] = await db
    .select({ code: incidentCategories.code, retired: incidentCategories.retired })
    .from(incidentCategories)
    .where(eq(incidentCategories.code, content.category))
    .limit(1);
  if (!category) errors.push({ field: 'body.category', message: `no category has the code "${content.category}"` });
  else if (category.retired && keep.category !== category.code)
    errors.push({ field: 'body.category', message: `"${content.category}" is retired; choose a current category` });
  const marking = markingProblem(actor, content.classification);
  if (marking) errors.push(marking);
  if (errors.length > 0) throw AppError.validation(errors);
  assertNoIdentifiers(content.text);
}

/** The personal-identifier guard (data principle 1): a hit rejects the save with each span. */
export function assertNoIdentifiers(text: IncidentText): void {
  const spans = checkIncidentText({ 'body.summary': text.summary, 'body.placeName': text.placeName }, text.allowedNames);
  if (spans.length > 0) throw identifierProblem(spans);
}
