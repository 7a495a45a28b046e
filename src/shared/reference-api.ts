import { z } from 'zod';
import { ZCadenceRow } from './engagements';
import { ZClearance, ZRole } from './identity';
import { ZPageQuery } from './pagination';
import { ZBureauCode, ZPost, ZPostKind } from './reference';

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

/** What a post's page shows this reader besides the post itself. */
export const ZPostOverview = z.object({
  post: ZPost,
  /**
   * The sections of the post's records this reader may read (their role and scope): the page
   * shows these and leaves the others out. The sections' lists come from their own routes,
   * filtered by the post.
   */
  sections: z.object({ engagements: z.boolean(), deadlines: z.boolean(), contacts: z.boolean(), incidents: z.boolean() }),
  asOf: z.string(),
  /** The post's engagement cadence under each issued directive addressed to it, the soonest due first; empty without `sections.deadlines`. */
  deadlines: z.array(ZCadenceRow),
});
export type TPostOverview = z.infer<typeof ZPostOverview>;

/** A person who works at a post, as their colleagues pick them (officers present, follow-up owners). */
export const ZPostStaffMember = z.object({
  id: z.string().uuid(),
  name: z.string(),
  role: ZRole,
  clearance: ZClearance,
});
export type TPostStaffMember = z.infer<typeof ZPostStaffMember>;
export const ZPostStaff = z.object({ items: z.array(ZPostStaffMember) });
export type TPostStaff = z.infer<typeof ZPostStaff>;
