import type { FieldError } from './app-error';

const NUL = '\u0000';
export const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';
export const SURROGATE_MESSAGE = 'must be valid text: it contains half of a character pair (a lone surrogate, \\ud800–\\udfff)';

/** With the u flag, a surrogate class matches only surrogates that are not part of a pair. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why PostgreSQL could not store this text, or undefined when it can. */
function textProblem(value: string): string | undefined {
  if (value.includes(NUL)) return NUL_MESSAGE;
  // JSON may carry "\ud800" alone: not text in any encoding, so no database or hash takes it.
  if (LONE_SURROGATE.test(value)) return SURROGATE_MESSAGE;
  return undefined;
}

/**
 * The fields of a parsed input that hold text no PostgreSQL text can store (a NUL character,
 * a lone surrogate): every route and every command checks its input here before it reaches
 * SQL, so such input is a 400 naming the field, never a database error. Keys are checked as
 * well as values.
 */
export function nulFields(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? [{ field: path, message: problem }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => nulFields(item, `${path}.${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      textProblem(key)
        ? [{ field: `${path}.${key.replaceAll(NUL, '\\u0000').replace(/\p{Cs}/gu, '\uFFFD')}`, message: textProblem(key)! }]
        : nulFields(item, `${path}.${key}`),
    );
  }
  return [];
}
