import { z } from 'zod';
import { ZPageQuery } from './pagination';
import { ZBureauCode } from './reference';

export const ROLES = ['officer', 'approver', 'bureau_analyst', 'hq_analyst', 'directive_author', 'admin'] as const;
export const ZRole = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
export type TRole = z.infer<typeof ZRole>;

export const ROLE_LABEL: Record<TRole, string> = {
  officer: 'Officer',
  approver: 'Approver',
  bureau_analyst: 'Bureau analyst',
  hq_analyst: 'Headquarters analyst',
  directive_author: 'Directive author',
  admin: 'Administrator',
};

/** Clearances and classification markings, lowest first. */
export const CLEARANCES = ['U', 'SBU', 'C', 'S'] as const;
export const ZClearance = z.enum(CLEARANCES, { error: `must be one of ${CLEARANCES.join(', ')}` });
export type TClearance = z.infer<typeof ZClearance>;

export const CLEARANCE_LABEL: Record<TClearance, string> = {
  U: 'Unclassified',
  SBU: 'Sensitive but unclassified',
  C: 'Confidential',
  S: 'Secret',
};

/** Roles whose scope is a home post, and the one whose scope is a bureau. */
export const POST_ROLES: readonly TRole[] = ['officer', 'approver'];
export const BUREAU_ROLES: readonly TRole[] = ['bureau_analyst'];

/** What a signed-in user may do in general; the UI shows only what these allow. */
export const PERMISSIONS = [
  'records.read',
  'records.draft',
  'records.approve',
  'incidents.triage',
  'directives.issue',
  'statistics.import',
  'agreements.manage',
  'users.manage',
  'audit.read',
  'tokens.manage',
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const ZEmail = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .email('must be an email address such as name@example.org')
  .transform((email) => email.toLowerCase());
const ZName = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const ZUser = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  /** Home post code, for officers and approvers. */
  post: z.string().nullable(),
  /** Bureau: the bureau analyst's own, or the home post's bureau. */
  bureau: ZBureauCode.nullable(),
  clearance: ZClearance,
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the requesting user may do with this user record. */
  allowedActions: z.array(z.string()),
});
export type TUser = z.infer<typeof ZUser>;

export const ZMe = z.object({
  user: ZUser,
  permissions: z.array(z.enum(PERMISSIONS)),
  /** Send as the `x-csrf-token` header with every write made with the session cookie. */
  csrfToken: z.string(),
  /** When the session ends at the latest (absolute lifetime), ISO 8601. */
  sessionExpiresAt: z.string().nullable(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZSignIn = z.object({
  email: z.string().trim().min(1, 'must not be empty').max(254, 'must be at most 254 characters'),
  password: z.string().min(1, 'must not be empty').max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZUserCreate = z.object({
  email: ZEmail,
  name: ZName,
  role: ZRole,
  post: z.string().min(1).max(64).nullable().optional().describe('Home post code; required for officer and approver'),
  bureau: ZBureauCode.nullable().optional().describe('Required for bureau_analyst'),
  clearance: ZClearance,
  password: ZPassword,
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z
  .object({
    name: ZName,
    role: ZRole,
    post: z.string().min(1).max(64).nullable(),
    bureau: ZBureauCode.nullable(),
    clearance: ZClearance,
    disabled: z.boolean(),
    password: ZPassword,
  })
  .partial()
  .refine((update) => Object.keys(update).length > 0, { message: 'must change at least one field' });
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZUserListQuery = ZPageQuery.extend({
  role: ZRole.optional(),
  post: z.string().max(64).optional(),
  disabled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().max(200).optional().describe('Matches name or email'),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const TOKEN_MAX_DAYS = 365;
export const ZTokenCreate = z.object({
  name: ZName,
  expiresInDays: z
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(TOKEN_MAX_DAYS, `must be at most ${TOKEN_MAX_DAYS} days`),
});
export type TTokenCreate = z.infer<typeof ZTokenCreate>;

export const ZToken = z.object({
  id: z.string().uuid(),
  name: z.string(),
  /** The first characters of the token, to recognise it; the rest is never shown again. */
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TToken = z.infer<typeof ZToken>;

export const ZTokenCreated = ZToken.extend({
  /** The secret, shown once: use it as `Authorization: Bearer <token>`. */
  token: z.string(),
});
export type TTokenCreated = z.infer<typeof ZTokenCreated>;

/** The signed-in user's new password; the current one proves it is them, not whoever holds the session. */
export const ZPasswordChange = z.object({
  currentPassword: z.string().min(1, 'must not be empty').max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
  newPassword: ZPassword,
});
export type TPasswordChange = z.infer<typeof ZPasswordChange>;

export const ZPasswordChanged = z.object({
  /** How many of the user's other sessions ended (this one is kept). */
  otherSessionsEnded: z.number().int(),
  /** How many of the user's API tokens were revoked. */
  tokensRevoked: z.number().int(),
});
export type TPasswordChanged = z.infer<typeof ZPasswordChanged>;

/** One of the user's own active sessions, as they see it in their account. */
export const ZActiveSession = z.object({
  /** Names the session for revoking it; it is not the session's secret and cannot be used as one. */
  id: z.string().uuid(),
  signedInAt: z.string(),
  lastSeenAt: z.string(),
  /** When it ends at the latest (12 hours after sign-in); 30 idle minutes end it sooner. */
  expiresAt: z.string(),
  /** The client's address at sign-in. */
  address: z.string().nullable(),
  /** The browser's User-Agent at sign-in. */
  userAgent: z.string().nullable(),
  /** The session this request was made with. */
  current: z.boolean(),
});
export type TActiveSession = z.infer<typeof ZActiveSession>;
