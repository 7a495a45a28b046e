import type { TProblem } from '../../shared/problem';

/** An API error carrying the server's problem+json, so pages can show its detail and fields. */
export class ApiError extends Error {
  constructor(
    readonly problem: TProblem,
    /** Seconds from a 429's Retry-After header, when the server sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

type Params = Record<string, string | number | boolean | undefined | null>;
type Method = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The session's CSRF token (from TMe), sent as `x-csrf-token` with every write. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Called when the server answers 401 to anything but /me and /session: the session has
 * ended, and the app goes back to the sign-in page.
 */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/**
 * For a write made without apiSend (an upload that reports its progress through
 * XMLHttpRequest): apiSend's headers for a JSON body with the CSRF token, and its reaction to a 401.
 */
export function jsonWriteHeaders(): Record<string, string> {
  return { accept: 'application/json', 'content-type': 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) };
}
export function sessionEnded(): void {
  onUnauthorized?.();
}

const SESSION_PATHS = ['/api/v1/me', '/api/v1/session'];

function withQuery(path: string, params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `${path}${query ? `?${query}` : ''}`;
}

async function request<T>(path: string, init: RequestInit): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as TProblem | null;
    const retryAfter = Number(response.headers.get('retry-after'));
    const error = new ApiError(
      problem ?? { type: 'about:blank', title: response.statusText || 'Request failed', status: response.status },
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
    if (response.status === 401 && !SESSION_PATHS.includes(path.split('?')[0] ?? '')) onUnauthorized?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function apiGet<T>(path: string, params: Params = {}): Promise<T> {
  return request<T>(withQuery(path, params), { headers: { accept: 'application/json' } });
}

/** A write: JSON body (when given) and the session's CSRF token. */
export function apiSend<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return request<T>(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

/** Field-level messages of a validation problem, keyed by field name without its `body.` prefix. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem.errors) return {};
  const fields: Record<string, string> = {};
  for (const { field, message } of error.problem.errors) {
    const name = field.replace(/^body\./, '');
    fields[name] = fields[name] ? `${fields[name]}; ${message}` : message;
  }
  return fields;
}

/** A message to show for a failed request. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title;
  if (error instanceof Error) return error.message;
  return String(error);
}
