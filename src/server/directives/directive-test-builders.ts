import type { TDirectiveInput, TTalkingPointInput } from '../../shared/directives';
import { SYSTEM } from '../audit/audit-context';
import type { Actor } from '../identity/actor';
import { unique } from '../testing/access-matrix';
import type { TestApp } from '../testing/test-app';
import { createDirective } from './create-directive';
import { issueDirective } from './issue-directive';

/** Test builders: a valid draft by default, with a unique reference; override what a test is about. */
export function directiveInput(overrides: Partial<TDirectiveInput> = {}): TDirectiveInput {
  return {
    reference: `TEST-${unique()}`,
    date: '2025-11-21',
    subject: 'Test directive',
    from: 'SECSTATE',
    objective: 'Test objective',
    classification: 'U',
    tags: ['SMIG'],
    actionPosts: { bureaus: [], countries: [], posts: ['berlin'] },
    talkingPoints: [{ text: 'Point for all action posts' }],
    ...overrides,
  };
}

/** `count` points for all action posts, numbered in their text. */
export function pointsForAll(count: number, from = 1): TTalkingPointInput[] {
  return Array.from({ length: count }, (_, i) => ({ text: `Point ${from + i} for all posts`, scope: 'all' as const }));
}

/** Creates (and, unless `draft`, issues) a directive directly, as `author`. */
export async function buildDirective(t: TestApp, author: Actor, overrides: Partial<TDirectiveInput> = {}, options: { draft?: boolean } = {}): Promise<string> {
  const created = await createDirective(t.database.db, directiveInput(overrides), SYSTEM, author);
  if (!options.draft) await issueDirective(t.database.db, created.id, SYSTEM, author);
  return created.id;
}
