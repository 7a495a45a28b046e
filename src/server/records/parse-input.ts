import type { z } from 'zod';
import { AppError } from '../http/app-error';
import { fieldErrorsOf, parseHuman } from '../http/human-messages';
import { nulFields } from '../http/input-guard';

/**
 * Commands parse their input themselves, so that the demo seed and the CLI can call them
 * without HTTP and get the same defaults and the same field-level errors as the API. On
 * the HTTP path the body is already parsed, and parsing it again changes nothing.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const nul = nulFields(input, 'body');
  if (nul.length > 0) throw AppError.validation(nul);
  const result = parseHuman(schema, input);
  if (result.success) return result.data as z.output<S>;
  throw AppError.validation(fieldErrorsOf(result.error.issues, 'body'));
}
