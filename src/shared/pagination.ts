import { z } from 'zod';

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 500;

/** Query parameters every list endpoint accepts. */
export const ZPageQuery = z.object({
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(LIST_LIMIT_MAX, `must be at most ${LIST_LIMIT_MAX}`)
    .default(LIST_LIMIT_DEFAULT),
  cursor: z.string().max(512, 'is not a cursor this server issued').optional(),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

/** The shape of every list response: a page of items and the cursor of the next page. */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface TPage<T> {
  items: T[];
  nextCursor: string | null;
}
