import { eq } from 'drizzle-orm';
import type { TClearance } from '../../shared/identity';
import type { Executor } from '../db/client';
import { countries, incidentCategories } from '../db/schema/index';
import { AppError, type FieldError } from '../http/app-error';
import type { Actor } from '../identity/actor';
import { markingProblem } from '../records/post-write-scope';
import { checkIncidentTextInWorker } from './identifier-guard/guard-pool';
import { identifierProblem } from './identifier-guard/identifier-guard';
import type { TIdentifierSpan } from '../../shared/incidents';

/**
 * Countries and categories read once for many incidents (the bulk import), instead of one
 * query each per incident. Callers without it read them per incident, as before.
 */
export interface IncidentReferenceData {
  countries: ReadonlySet<string>;
  categories: ReadonlyMap<string, { retired: boolean }>;
}

export async function loadIncidentReferenceData(db: Executor): Promise<IncidentReferenceData> {
  const [countryRows, categoryRows] = await Promise.all([
    db.select({ alpha2: countries.alpha2 }).from(countries),
    db.select({ code: incidentCategories.code, retired: incidentCategories.retired }).from(incidentCategories),
  ]);
  return {
    countries: new Set(countryRows.map((row) => row.alpha2)),
    categories: new Map(categoryRows.map((row) => [row.code, { retired: row.retired }])),
  };
}

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
  reference?: IncidentReferenceData,
  /** The guard's spans for this text, when a bulk import has already checked it. */
  guarded?: () => Promise<readonly TIdentifierSpan[]>,
): Promise<void> {
  const errors: FieldError[] = [];
  const countryKnown = reference ? reference.countries.has(content.country) : await countryExists(db, content.country);
  if (!countryKnown) errors.push({ field: 'body.country', message: `no country has the code "${content.country}"` });
  const category = reference ? reference.categories.get(content.category) : await readCategory(db, content.category);
  if (!category) errors.push({ field: 'body.category', message: `no category has the code "${content.category}"` });
  else if (category.retired && keep.category !== content.category)
    errors.push({ field: 'body.category', message: `"${content.category}" is retired; choose a current category` });
  const marking = markingProblem(actor, content.classification);
  if (marking) errors.push(marking);
  if (errors.length > 0) throw AppError.validation(errors);
  const spans = await (guarded ? guarded() : identifierSpans(content.text));
  if (spans.length > 0) throw identifierProblem(spans);
}

async function countryExists(db: Executor, alpha2: string): Promise<boolean> {
  const rows = await db.select({ alpha2: countries.alpha2 }).from(countries).where(eq(countries.alpha2, alpha2)).limit(1);
  return rows.length > 0;
}

async function readCategory(db: Executor, code: string): Promise<{ retired: boolean } | undefined> {
  const [category] = await db.select({ retired: incidentCategories.retired }).from(incidentCategories).where(eq(incidentCategories.code, code)).limit(1);
  return category;
}

/** The personal-identifier guard (data principle 1), in a worker thread: a hit rejects the save with each span. */
export function identifierSpans(text: IncidentText): Promise<TIdentifierSpan[]> {
  return checkIncidentTextInWorker(guardFields(text), text.allowedNames);
}

/** The free-text fields the guard reads, by the names its problems give them. */
export function guardFields(text: Pick<IncidentText, 'summary' | 'placeName'>): Record<string, string> {
  return { 'body.summary': text.summary, 'body.placeName': text.placeName };
}
