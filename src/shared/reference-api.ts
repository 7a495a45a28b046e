import { z } from 'zod';
import { ZPageQuery } from './pagination';
import { ZBureauCode, ZPostKind } from './reference';

const ZCountryCode = z
  .string()
  .regex(/^[A-Za-z]{2,3}$/, 'must be an ISO 3166-1 alpha-2 or alpha-3 code such as "DE" or "DEU"')
  .transform((code) => code.toUpperCase());

export const ZCountryListQuery = ZPageQuery.extend({
  bureau: ZBureauCode.optional(),
});
export type TCountryListQuery = z.infer<typeof ZCountryListQuery>;

export const ZPostListQuery = ZPageQuery.extend({
  /** Part of the post's name, city, country name or code, in any case. */
  q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  bureau: ZBureauCode.optional(),
  country: ZCountryCode.optional(),
  kind: ZPostKind.optional(),
});
export type TPostListQuery = z.infer<typeof ZPostListQuery>;

export const ZCountryParams = z.object({ code: ZCountryCode });
export const ZPostParams = z.object({ code: z.string().min(1).max(64) });
