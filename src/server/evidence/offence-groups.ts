import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_OFFENCES, type TOffenceGroup, type TOffenceGroupSource, ZOffenceGroupsFile } from '../../shared/evidence';
import { fieldErrorsOf, parseHuman } from '../http/human-messages';
import { PROJECT_ROOT } from '../project-root';

/**
 * Which official figures the evidence panel shows for an offence group, and which incident
 * categories map to it: data, not code. docs/mappings/offence-groups.json holds one entry per
 * offence group (its label, the incident categories that map to it, and per source the keys of
 * its series), read once when the server starts and checked with ZOffenceGroupsFile, so that a
 * wrong file stops the start with each field named rather than showing the wrong figures. A new
 * publisher's table needs its statistics mapping and an entry in that file (docs/evidence.md).
 * A category maps only where the source's offence group counts the same kind of offence; a
 * category that maps to none shows reported incidents and no official figures, with a warning.
 */
export type OffenceGroup = TOffenceGroup;
export type OffenceGroupSource = TOffenceGroupSource;
export { ALL_OFFENCES };

export const OFFENCE_GROUPS_FILE = path.join(PROJECT_ROOT, 'docs', 'mappings', 'offence-groups.json');

let loaded: OffenceGroup[] | undefined;

/** The offence groups of docs/mappings/offence-groups.json, read and checked on the first call (at start-up: evidence-routes.ts). */
export function offenceGroups(): OffenceGroup[] {
  loaded ??= readOffenceGroups(OFFENCE_GROUPS_FILE);
  return loaded;
}

/** An offence-groups file, checked: an Error naming the file and each wrong field. */
export function readOffenceGroups(file: string): OffenceGroup[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`The offence groups of the evidence panel (${file}) cannot be read: ${(error as Error).message}`);
  }
  const result = parseHuman(ZOffenceGroupsFile, json);
  if (result.error) {
    const problems = fieldErrorsOf(result.error.issues, 'offence-groups').map((error) => `${error.field} ${error.message}`);
    throw new Error(`The offence groups of the evidence panel (${file}) are not valid: ${problems.join('; ')}`);
  }
  return result.data.groups;
}

/** The offence group of a category (undefined: it maps to none), or all offences without one. */
export function offenceGroupFor(category: string | undefined, groups: readonly OffenceGroup[]): OffenceGroup | undefined {
  if (category === undefined) return groups.find((group) => group.id === ALL_OFFENCES);
  return groups.find((group) => group.categories.includes(category));
}
