import { AppError } from './app-error';

/**
 * Keyset cursors: the sort key of the last item of a page, opaque to clients. Keyset
 * (not offset) paging stays fast on large tables and does not skip rows when new ones arrive.
 * A cursor comes back from the client, so each part is checked against the kind the list
 * sorts by before it reaches SQL: a crafted cursor is a 400 naming `query.cursor`, never a
 * database error.
 */
export type CursorPart = 'text' | 'uuid' | 'timestamp' | 'date' | 'integer' | 'bigint';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As `Date.toISOString()` writes it, the only form this server issues. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INT4_MIN = -(2 ** 31);
const INT4_MAX = 2 ** 31 - 1;

/**
 * A day or instant that exists: JavaScript's parser reads "2024-02-30" as 1 March and
 * "2024-01-01 junk" as a date, where PostgreSQL refuses both, so each part must read back
 * exactly as written. Year 0000 does not exist in PostgreSQL either.
 */
const sameInstant = (part: string) => {
  const time = Date.parse(part);
  return !Number.isNaN(time) && new Date(time).toISOString() === part && !part.startsWith('0000');
};

const VALID: Record<CursorPart, (part: unknown) => boolean> = {
  // PostgreSQL text cannot hold NUL.
  text: (part) => typeof part === 'string' && !part.includes('\u0000'),
  uuid: (part) => typeof part === 'string' && UUID.test(part),
  timestamp: (part) => typeof part === 'string' && TIMESTAMP.test(part) && sameInstant(part),
  date: (part) => typeof part === 'string' && DATE.test(part) && sameInstant(`${part}T00:00:00.000Z`),
  // Compared as PostgreSQL `integer`: outside its range the cast fails.
  integer: (part) => typeof part === 'number' && Number.isInteger(part) && part >= INT4_MIN && part <= INT4_MAX,
  bigint: (part) => typeof part === 'number' && Number.isSafeInteger(part),
};

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The parts of a cursor this server issued for a list sorted by `parts`, or 400. */
export function decodeCursor(cursor: string | undefined, parts: readonly CursorPart[]): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts.length && key.every((part, i) => VALID[parts[i]!](part))) {
      return key as (string | number)[];
    }
  } catch {
    // fall through to the validation error
  }
  throw AppError.validation([{ field: 'query.cursor', message: 'is not a cursor this server issued' }]);
}

/** Cuts a result fetched with limit + 1 rows into a page and the cursor of the next one. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null;
  return { items, nextCursor };
}
