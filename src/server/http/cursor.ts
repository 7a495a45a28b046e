import { AppError } from './app-error';

/**
 * Keyset cursors: the sort key of the last item of a page, opaque to clients. Keyset
 * (not offset) paging stays fast on large tables and does not skip rows when new ones arrive.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((part) => typeof part === 'string' || typeof part === 'number')) {
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
