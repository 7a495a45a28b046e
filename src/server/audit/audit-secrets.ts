/**
 * What must never enter the trail: it is kept forever, cannot be corrected, and is read by
 * administrators. Names of fields that hold secrets, and shapes of secret values, whatever
 * field they arrive in (a password hash, an API token, a session or calendar-feed secret).
 */
const SECRET_FIELD =
  /^(password_?hash|token_?hash|id_?hash|secret(_?hash)?|token|api_?token|session_?id|sid|cookie|csrf(_?token)?|calendar_?(secret|token|url)|feed_?url)$/i;
/** `password` may only say that it changed, never what it is. */
const PASSWORD_FIELD = /^(new_?|current_?|old_?)?password$/i;
const SECRET_VALUE = [
  /^\$argon2(id|i|d)\$/, // a password hash
  /\bdmt_[A-Za-z0-9_-]{8,}/, // an API token
  /\/api\/calendar\/[A-Za-z0-9_-]{16,}/, // a calendar feed's secret URL
];

/** The paths ("change.password") of secrets in a change; empty when it holds none. */
export function secretsIn(value: unknown, path = 'change'): string[] {
  if (typeof value === 'string') return SECRET_VALUE.some((pattern) => pattern.test(value)) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => secretsIn(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const at = `${path}.${key}`;
    if (SECRET_FIELD.test(key)) return [at];
    if (PASSWORD_FIELD.test(key) && item !== 'changed') return [at];
    return secretsIn(item, at);
  });
}

/** What stands in the trail where text a person wrote held something shaped like a secret. */
export const SECRET_REMOVED = '[secret removed]';

/**
 * A copy of the change with every secret-shaped value inside text replaced by SECRET_REMOVED:
 * a person may paste a token into a readout by mistake, and their write must still succeed, but
 * the trail, which is kept forever, must not keep it. Secret field names are not touched here:
 * they are a mistake of the write path, which `secretsIn` then refuses.
 */
export function withoutSecretValues<T>(value: T): T {
  if (typeof value === 'string') {
    return SECRET_VALUE.reduce<string>((text, pattern) => text.replace(new RegExp(pattern.source, 'g'), SECRET_REMOVED), value) as T;
  }
  if (Array.isArray(value)) return value.map((item) => withoutSecretValues(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutSecretValues(item)])) as T;
}
