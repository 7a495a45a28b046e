import { z } from 'zod';
import { ZDate } from './dates';

/**
 * Where a claim comes from: the source model every sourced record type shares (incidents;
 * policy measures next). Reliability and credibility follow the admiralty scale, judged
 * separately: how far the source is trusted, and how far this piece of information is.
 */
export const SOURCE_TYPES = ['official', 'court', 'police', 'media', 'ngo', 'social_media'] as const;
export const ZSourceType = z.enum(SOURCE_TYPES, { error: `must be one of ${SOURCE_TYPES.join(', ')}` });
export type TSourceType = z.infer<typeof ZSourceType>;

export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const ZReliability = z.enum(RELIABILITIES, { error: 'must be a letter from A (reliable) to F (cannot be judged)' });
export type TReliability = z.infer<typeof ZReliability>;

export const RELIABILITY_LABELS: Record<TReliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

export const CREDIBILITY_LABELS: Record<number, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

export const ZCredibility = z.coerce
  .number({ error: 'must be a number from 1 (confirmed) to 6 (cannot be judged)' })
  .int('must be a whole number from 1 (confirmed) to 6 (cannot be judged)')
  .min(1, 'must be a number from 1 (confirmed) to 6 (cannot be judged)')
  .max(6, 'must be a number from 1 (confirmed) to 6 (cannot be judged)');

export const ZSourceUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) address such as https://example.org/report' })
  .max(2000, 'must be at most 2,000 characters');

export const ZLanguage = z
  .string({ error: 'must be a two-letter language code such as en, de or fr' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, 'must be a two-letter language code such as en, de or fr');

export const ZSourceFields = z.object({
  url: ZSourceUrl,
  outlet: z
    .string({ error: 'is required: name the outlet or institution' })
    .trim()
    .min(1, 'is required: name the outlet or institution')
    .max(300, 'must be at most 300 characters'),
  publishedOn: ZDate('2026-03-02').nullable().default(null),
  language: ZLanguage,
  type: ZSourceType,
  reliability: ZReliability,
  credibility: ZCredibility,
});

export const ZSource = z.object({
  id: z.string(),
  url: z.string(),
  outlet: z.string(),
  publishedOn: z.string().nullable(),
  language: z.string(),
  type: ZSourceType,
  reliability: ZReliability,
  credibility: z.number().int(),
  addedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  addedAt: z.string(),
});
export type TSource = z.infer<typeof ZSource>;
