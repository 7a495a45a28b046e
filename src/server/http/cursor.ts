import { AppError } from './app-error';

/**
 * Keyset cursors: the sort key of the last item of a page, opaque to clients. Keyset
 * (not offset) paging stays fast on large tables and does not skip rows when new ones arrive.
 * A cursor comes back from the client, so each part is checked against the kind the list
 * sorts by before it reaches SQL: a crafted cursor is a 400 naming `query.cursor`, never a
 * database error.
 */
export type CursorPart = 'text' | 'uuid' | 'timestamp' | 'date' | 'integer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const VALID: Record<CursorPart, (part: unknown) => boolean> = {
  // PostgreSQL text cannot hold NUL.
  text: (part) => typeof part === 'string' && !part.includes('\u0000'),
  uuid: (part) => typeof part === 'string' && UUID.test(part),
  timestamp: (part) => typeof part === 'string' && !Number.isNaN(Date.parse(part)) && /^\d{4}-/.test(part) && !part.startsWith('0000'),
  date: (part) => typeof part === 'string' && DATE.test(part) && !Number.isNaN(Date.parse(`${part}T00:00:00Z`)) && !part.startsWith('0000'),
  integer: (part) => typeof part === 'number' && Number.isSafeInteger(part),
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
