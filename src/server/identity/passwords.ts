import { hash, verify, type Options } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from '../../shared/identity';
import type { FieldError } from '../http/app-error';

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
// (algorithm 2 is Argon2id; the package's enum is a const enum that isolated modules cannot read.)
const ARGON2: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: verifying against it costs what a real check costs. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoyHash;
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/**
 * Problems with a new password, as field errors: too short, one of the ~50,000 most common
 * passwords (the zxcvbn-ts list), or built from the user's own email.
 */
export function passwordProblems(password: string, email: string, field = 'body.password'): FieldError[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [{ field, message: `must be at least ${PASSWORD_MIN_LENGTH} characters` }];
  }
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    return [{ field, message: 'is one of the most common passwords; choose another' }];
  }
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lower.includes(local)) {
    return [{ field, message: 'must not contain your email name' }];
  }
  if (new Set(lower).size < 4) {
    return [{ field, message: 'must use more than a few different characters' }];
  }
  return [];
}
