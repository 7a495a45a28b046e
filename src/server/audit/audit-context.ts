/** Who is writing, and how: every command that writes takes one of these for the audit trail. */
export interface AuditContext {
  actor: { id: string; email: string } | null;
  via: 'session' | 'token' | 'cli' | 'system';
  /** Remote address of the request, when there is one. */
  address: string | null;
  /** The API token used, when via is 'token'. */
  tokenId?: string;
}

/** Writes made by Demarche itself (first start, seed, tests' fixtures). */
export const SYSTEM: AuditContext = { actor: null, via: 'system', address: null };

/** Writes made from the command line by the operator. */
export const CLI: AuditContext = { actor: null, via: 'cli', address: null };
