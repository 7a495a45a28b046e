import type { FieldError } from './app-error';

const NUL = '\u0000';
export const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';

/**
 * The fields of a parsed input that hold a NUL character, which no PostgreSQL text can
 * store: every route and every command checks its input here before it reaches SQL, so such
 * input is a 400 naming the field, never a database error. Keys are checked as well as values.
 */
export function nulFields(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') return value.includes(NUL) ? [{ field: path, message: NUL_MESSAGE }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulFields(item, `${path}.${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes(NUL) ? [{ field: `${path}.${key.replaceAll(NUL, '\\u0000')}`, message: NUL_MESSAGE }] : nulFields(item, `${path}.${key}`),
    );
  }
  return [];
}
