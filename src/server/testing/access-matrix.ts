import type { TClearance, TRole } from '../../shared/identity';
import type { TestApp } from './test-app';

/**
 * The access matrix: every route × role × (own post / other post in the same bureau / other
 * bureau) × (target at / above the actor's clearance) → expected status. Each area states its
 * routes in its own `<area>.matrix.ts`; src/server/access-matrix.test.ts runs them all.
 */
export type Relation = 'own_post' | 'same_bureau' | 'other_bureau';
export type Level = 'at' | 'above';
export type Who = TRole | 'anonymous';

export const RELATIONS: Relation[] = ['own_post', 'same_bureau', 'other_bureau'];
export const LEVELS: Level[] = ['at', 'above'];

/** The posts of each relation, seen from the actors (home post Berlin, bureau EUR). */
export const RELATION_POST: Record<Relation, { post: string; country: string; bureau: string }> = {
  own_post: { post: 'berlin', country: 'DE', bureau: 'EUR' },
  same_bureau: { post: 'paris', country: 'FR', bureau: 'EUR' },
  other_bureau: { post: 'ottawa', country: 'CA', bureau: 'WHA' },
};

/** Actors' clearance: 'at' targets are marked with it, 'above' targets one level higher. */
export const ACTOR_CLEARANCE: TClearance = 'C';
export const TARGET_MARKING: Record<Level, TClearance> = { at: 'C', above: 'S' };

export interface Case {
  who: Who;
  relation: Relation;
  level: Level;
  /** Ids the area's setup created for this relation and level. */
  target: Record<string, string>;
}

export interface Entry {
  /** A body that would succeed for a permitted actor: only access may make the request fail. */
  payload?: (c: Case) => unknown;
  url?: (c: Case) => string;
  expect: (c: Case) => number;
}

export interface MatrixArea {
  /** Creates the records the entries address, for each relation and level. */
  setup?(t: TestApp): Promise<Partial<Record<`${Relation}/${Level}`, Record<string, string>>>>;
  entries: Record<string, Entry>;
}

export const signedIn = (status: number) => (c: Case) => (c.who === 'anonymous' ? 401 : status);
export const onlyRoles =
  (roles: TRole[], status: number, otherwise = 403) =>
  (c: Case) =>
    c.who === 'anonymous' ? 401 : roles.includes(c.who) ? status : otherwise;
export const adminOnly = (status: number) => onlyRoles(['admin'], status);

/**
 * Whether an actor of this role (home post Berlin, bureau EUR, clearance C) may see a record
 * at a post of this relation, marked at this level: the expected outcome for scoped records.
 */
export function seesScopedRecord(who: Who, relation: Relation, level: Level): boolean {
  if (who === 'anonymous' || who === 'admin') return false;
  if (level === 'above') return false;
  if (who === 'officer' || who === 'approver') return relation === 'own_post';
  if (who === 'bureau_analyst') return relation !== 'other_bureau';
  return true;
}

let counter = 0;
/** A fresh suffix for unique values (emails, references) across matrix requests. */
export const unique = () => {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
};
