import { z } from 'zod';

/** Regional bureaus of the Department, in the order they are usually listed. */
export const BUREAU_CODES = ['EUR', 'WHA', 'EAP', 'SCA', 'NEA', 'AF', 'IO'] as const;
export const ZBureauCode = z.enum(BUREAU_CODES, {
  error: `must be one of ${BUREAU_CODES.join(', ')}`,
});
export type TBureauCode = z.infer<typeof ZBureauCode>;

export const POST_KINDS = ['embassy', 'consulate_general', 'consulate', 'mission', 'office'] as const;
export const ZPostKind = z.enum(POST_KINDS, { error: `must be one of ${POST_KINDS.join(', ')}` });
export type TPostKind = z.infer<typeof ZPostKind>;

export const ZPostCode = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug such as "berlin" or "sao-paulo"')
  .max(64, 'must be at most 64 characters');

export const ZBureau = z.object({
  code: ZBureauCode,
  name: z.string(),
  countryCount: z.number().int(),
  postCount: z.number().int(),
});
export type TBureau = z.infer<typeof ZBureau>;

export const ZCountry = z.object({
  alpha2: z.string().length(2),
  alpha3: z.string().length(3),
  numeric: z.string().length(3),
  name: z.string(),
  officialName: z.string(),
  capital: z.string().nullable(),
  capitalLat: z.number().nullable(),
  capitalLon: z.number().nullable(),
  population: z.number().int().nullable(),
  region: z.string(),
  subregion: z.string().nullable(),
  bureau: ZBureauCode.nullable(),
});
export type TCountry = z.infer<typeof ZCountry>;

export const ZPost = z.object({
  id: z.string().uuid(),
  code: ZPostCode,
  name: z.string(),
  kind: ZPostKind,
  country: z.string().length(2),
  countryName: z.string(),
  city: z.string(),
  lat: z.number(),
  lon: z.number(),
  bureau: ZBureauCode.nullable(),
});
export type TPost = z.infer<typeof ZPost>;
