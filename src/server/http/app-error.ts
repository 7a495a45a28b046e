/** The one error type commands throw; the error handler turns it into problem+json. */
export type AppErrorCode = 'validation' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unavailable';

const STATUS: Record<AppErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

const TITLE: Record<AppErrorCode, string> = {
  validation: 'Invalid request',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  rate_limited: 'Too many requests',
  unavailable: 'Service unavailable',
};

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Why a step is not allowed now, as data: presenters ask for every action of every row of a
 * page, and building an Error (with its stack trace) for each refusal cost more than the page's
 * queries. The command that must refuse throws it as an AppError (`AppError.from`).
 */
export interface Refusal {
  readonly code: AppErrorCode;
  readonly message: string;
}

export const refusal = (code: AppErrorCode, message: string): Refusal => ({ code, message });

export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  /** Sent as Retry-After with a 429. */
  retryAfterSeconds?: number;
  /** Extension members of the problem (RFC 9457 §3.2), such as the identifier guard's `spans`. */
  extensions: Record<string, unknown> = {};

  constructor(
    readonly code: AppErrorCode,
    detail: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = STATUS[code];
    this.title = TITLE[code];
  }

  static validation(errors: FieldError[], detail?: string): AppError {
    return new AppError('validation', detail ?? errors.map((error) => `${error.field} ${error.message}`).join('; '), errors);
  }

  static from(refused: Refusal): AppError {
    return new AppError(refused.code, refused.message);
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} does not exist.`);
  }
}

export function problemType(code: AppErrorCode | 'internal'): string {
  return `https://demarche.local/problems/${code.replace('_', '-')}`;
}
