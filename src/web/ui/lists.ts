import type { TPage } from '../../shared/pagination';
import { apiGet } from './api';

type Params = Parameters<typeof apiGet>[1];

/** The items of a response that is either a bare array or a page ({ items }). */
export function itemsOf<T>(value: T[] | { items: T[] } | null | undefined): T[] {
  if (!value) return [];
  return Array.isArray(value) ? value : (value.items ?? []);
}

/** Every item of a paginated list, following the cursors to the end (for short lists such as TAGS or a post's contacts). */
export async function fetchAllPages<T>(path: string, params: Params = {}, maxPages = 20): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await apiGet<TPage<T>>(path, { ...params, limit: 500, cursor });
    all.push(...result.items);
    cursor = result.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return all;
}

/** Field errors for one field and the fields under it (`tags` gets `tags` and `tags.1`). */
export function errorsUnder(errors: Record<string, string>, prefix: string): string | undefined {
  const messages = Object.entries(errors)
    .filter(([field]) => field === prefix || field.startsWith(`${prefix}.`))
    .map(([field, message]) => (field === prefix ? message : `${itemName(field.slice(prefix.length + 1))} ${message}`));
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/** "3" → "item 4:", "2.text" → "item 3 text:" (server field paths count from 0). */
function itemName(path: string): string {
  const [first, ...rest] = path.split('.');
  const index = Number(first);
  const head = Number.isInteger(index) ? `item ${index + 1}` : (first ?? '');
  return `(${[head, ...rest].join(' ')})`;
}

/** Four-letter codes typed with spaces or commas, upper-cased, without repeats. */
export function splitCodes(text: string, upper = true): string[] {
  const parts = text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (upper ? part.toUpperCase() : part.toLowerCase()));
  return [...new Set(parts)];
}

/**
 * React keys for a list whose items have no id: each item's content, numbered among the
 * items with the same content (a readout may say "Thank you." twice).
 */
export function keyedByContent<T>(items: readonly T[], content: (item: T) => string): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const text = content(item);
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    return { key: `${count}:${text}`, item };
  });
}

let nextKey = 0;
/** A key for a row of the form, stable while rows are added, removed and moved. */
export function newKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}
