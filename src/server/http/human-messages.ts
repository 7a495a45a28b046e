import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { safeParse, type $ZodIssue, type $ZodRawIssue, type $ZodType } from 'zod/v4/core';

/**
 * Zod's own messages ("Too big: expected string to have <=500 characters", "Invalid input:
 * expected string, received undefined") are written for programmers. Every request schema is
 * parsed with this error map instead, so each issue a schema does not word itself reads as
 * what a person must change. A message is a predicate: the problem puts the field before it
 * ("body.summary must be at most 500 characters").
 */
export function humanMessage(issue: $ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue.expected, issue.input);
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoted(issue.values[0])}` : `must be one of ${issue.values.map(quoted).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? `has a field this request does not take: ${issue.keys[0]}`
        : `has fields this request does not take: ${issue.keys.join(', ')}`;
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'has an entry that is not allowed';
    case 'invalid_union':
      return 'is not in any of the accepted forms';
    default:
      // A refinement without its own words.
      return 'is not valid';
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  bigint: 'must be a whole number',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be an object with fields',
  record: 'must be an object with fields',
  date: 'must be a date',
  null: 'must be empty (null)',
  undefined: 'must be left out',
  nan: 'must be a number',
};

function invalidType(expected: string, input: unknown): string {
  if (input === undefined) return 'is required';
  // z.coerce.number() turns "abc" into NaN.
  if ((expected === 'number' || expected === 'int') && typeof input === 'number' && Number.isNaN(input)) return 'must be a number';
  return TYPE_WORDS[expected] ?? 'has the wrong type';
}

type Sized = { origin: string; inclusive?: boolean; exact?: boolean };
const UNIT: Record<string, [one: string, many: string]> = {
  string: ['character', 'characters'],
  array: ['item', 'items'],
  set: ['item', 'items'],
  map: ['entry', 'entries'],
  file: ['byte', 'bytes'],
};

const count = (n: number | bigint, unit: [string, string]) => `${n.toLocaleString('en-US')} ${Number(n) === 1 ? unit[0] : unit[1]}`;

function tooBig(issue: Sized & { maximum: number | bigint }): string {
  const unit = UNIT[issue.origin];
  if (unit) {
    if (issue.exact) return `must have exactly ${count(issue.maximum, unit)}`;
    return issue.origin === 'string' ? `must be at most ${count(issue.maximum, unit)}` : `must have at most ${count(issue.maximum, unit)}`;
  }
  if (issue.origin === 'date') return `must be on or before ${new Date(Number(issue.maximum)).toISOString().slice(0, 10)}`;
  return issue.inclusive === false ? `must be less than ${String(issue.maximum)}` : `must be at most ${String(issue.maximum)}`;
}

function tooSmall(issue: Sized & { minimum: number | bigint }): string {
  const unit = UNIT[issue.origin];
  if (unit) {
    if (issue.exact) return `must have exactly ${count(issue.minimum, unit)}`;
    if (Number(issue.minimum) === 1) return issue.origin === 'string' ? 'must not be empty' : `must have at least one ${unit[0]}`;
    return issue.origin === 'string' ? `must be at least ${count(issue.minimum, unit)}` : `must have at least ${count(issue.minimum, unit)}`;
  }
  if (issue.origin === 'date') return `must be on or after ${new Date(Number(issue.minimum)).toISOString().slice(0, 10)}`;
  return issue.inclusive === false ? `must be more than ${String(issue.minimum)}` : `must be at least ${String(issue.minimum)}`;
}

const FORMAT_WORDS: Record<string, string> = {
  uuid: 'must be an id such as 0b6f3a52-6f1e-4c2a-9d0e-2f4b8c1d7e90',
  guid: 'must be an id such as 0b6f3a52-6f1e-4c2a-9d0e-2f4b8c1d7e90',
  email: 'must be an e-mail address such as name@example.org',
  url: 'must be a web address such as https://example.org/page',
  date: 'must be a date such as 2026-03-02',
  datetime: 'must be a date and time such as 2026-03-02T09:30:00Z',
  time: 'must be a time such as 09:30',
  duration: 'must be a duration such as P3D',
  ipv4: 'must be an IPv4 address such as 192.0.2.1',
  ipv6: 'must be an IPv6 address such as 2001:db8::1',
  base64: 'must be base64 text',
  base64url: 'must be base64url text',
  regex: 'is not in an accepted form',
  lowercase: 'must be in lower case',
  uppercase: 'must be in upper case',
};

function invalidFormat(issue: { format: string; prefix?: string; suffix?: string; includes?: string }): string {
  if (issue.format === 'starts_with') return `must start with “${issue.prefix}”`;
  if (issue.format === 'ends_with') return `must end with “${issue.suffix}”`;
  if (issue.format === 'includes') return `must contain “${issue.includes}”`;
  return FORMAT_WORDS[issue.format] ?? 'is not in an accepted form';
}

const quoted = (value: unknown) => (typeof value === 'string' ? value : String(value));

/** Parses with the human error map: a schema's own words still come first (Zod's precedence). */
export function parseHuman<T>(schema: $ZodType<T>, input: unknown) {
  return safeParse(schema, input, { error: humanMessage });
}

/** The issues of a failed parse as the problem's field list, under `location` ("body", "query"). */
export function fieldErrorsOf(issues: readonly $ZodIssue[], location: string): { field: string; message: string }[] {
  return issues.map((issue) => ({ field: [location, ...issue.path.map(String)].join('.'), message: issue.message }));
}

/**
 * The route validator (in place of fastify-type-provider-zod's, which parses with Zod's own
 * messages): Fastify hands its errors, with `validationContext`, to the problem handler.
 */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema }) =>
  (data) => {
    const result = parseHuman(schema, data);
    if (!result.error) return { value: result.data };
    const error = Object.assign(new Error('Invalid request'), {
      validation: result.error.issues.map(
        (issue): FastifySchemaValidationError => ({
          keyword: issue.code,
          instancePath: `/${issue.path.join('/')}`,
          schemaPath: `#/${issue.path.join('/')}/${issue.code}`,
          message: issue.message,
          params: {},
        }),
      ),
    });
    return { error };
  };
