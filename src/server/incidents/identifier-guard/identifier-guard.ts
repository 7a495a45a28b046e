import type { TIdentifierKind, TIdentifierSpan } from '../../../shared/incidents';
import { AppError } from '../../http/app-error';
import { findEmails, findPhones } from './contact-details';
import { findDocuments } from './documents';
import { findNames } from './names';
import { languagesOf } from './guard-language';
import type { GuardLanguage } from './nlp-models';

/**
 * The personal-identifier guard (DESIGN.md, data principle 1): incident free text must not name
 * suspects, victims or private individuals, nor give their e-mail, phone or document numbers.
 * Officials named in their official role are allowed by listing them in `allowedNames`.
 * See docs/identifier-guard.md for what it checks and what it misses.
 */
export interface IdentifierMatch {
  start: number;
  end: number;
  text: string;
  kind: TIdentifierKind;
}

export interface FindOptions {
  allowedNames?: readonly string[];
  language?: GuardLanguage;
}

/** Where two findings overlap the more specific wins: an e-mail holds a name, an IBAN digits. */
const PRIORITY: Record<TIdentifierKind, number> = { email: 0, id_document: 1, phone: 2, person_name: 3 };

const normalise = (value: string) => value.normalize('NFC').toLocaleLowerCase().replace(/\s+/gu, ' ').trim();

/** Equal to an allowed name, or whole words of one ("Faeser" of "Nancy Faeser"). */
function isAllowed(text: string, allowedNames: readonly string[]): boolean {
  const span = ` ${normalise(text)} `;
  return allowedNames.some((name) => ` ${normalise(name)} `.includes(span));
}

export function findIdentifiers(text: string, options: FindOptions = {}): IdentifierMatch[] {
  return scan(text, languagesOf(text, options.language), options.allowedNames ?? []);
}

function scan(text: string, languages: readonly GuardLanguage[], allowedNames: readonly string[]): IdentifierMatch[] {
  const found = [
    ...findEmails(text),
    ...findDocuments(text),
    ...findPhones(text, languages),
    ...findNames(text, languages).map((span) => ({ ...span, kind: 'person_name' as const })),
  ].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start);

  const kept: Array<{ start: number; end: number; kind: TIdentifierKind }> = [];
  for (const span of found) {
    const overlapping = kept.filter((other) => other.start < span.end && other.end > span.start);
    if (overlapping.length === 0) kept.push({ ...span });
    // Names found by different rules or models ("Hans" and "Hans M.") join into one span.
    else if (span.kind === 'person_name' && overlapping.every((other) => other.kind === 'person_name')) {
      for (const other of overlapping) kept.splice(kept.indexOf(other), 1);
      const start = Math.min(span.start, ...overlapping.map((other) => other.start));
      const end = Math.max(span.end, ...overlapping.map((other) => other.end));
      kept.push({ start, end, kind: 'person_name' });
    }
  }
  return kept
    .map((span) => ({ ...span, text: text.slice(span.start, span.end) }))
    .filter((span) => span.kind !== 'person_name' || !isAllowed(span.text, allowedNames))
    .sort((a, b) => a.start - b.start);
}

/**
 * Checks each free-text field of an incident. The language is read once from all fields together,
 * so a short place name is read in the language of the summary beside it.
 */
export function checkIncidentText(fields: Record<string, string>, allowedNames: readonly string[]): TIdentifierSpan[] {
  const languages = languagesOf(Object.values(fields).join('\n'));
  return Object.entries(fields).flatMap(([field, text]) =>
    scan(text, languages, allowedNames).map(({ start, end, text: found, kind }) => ({ field, start, end, text: found, kind })),
  );
}

const WHAT: Record<TIdentifierKind, string> = {
  person_name: 'a personal name',
  email: 'an e-mail address',
  phone: 'a phone number',
  id_document: 'an identity-document or account number',
};

/** The 400 problem the save commands throw: one message per field, and the spans to highlight. */
export function identifierProblem(spans: readonly TIdentifierSpan[]): AppError {
  const fields = [...new Set(spans.map((span) => span.field))];
  const errors = fields.map((field) => {
    const inField = spans.filter((span) => span.field === field);
    const found = inField.map((span) => `${WHAT[span.kind]} (“${span.text}”)`).join(', ');
    const it = inField.length === 1 ? 'it' : 'them';
    const advice = inField.some((span) => span.kind === 'person_name')
      ? `remove ${it}, or if ${inField.length === 1 ? 'it is' : 'a name is that of'} a public official in their official role, add the name to allowedNames`
      : `remove ${it}: incidents record no personal contact or document details`;
    return { field, message: `contains ${found}; ${advice}` };
  });
  const error = AppError.validation(errors, 'The text contains personal identifiers; incidents must not identify suspects, victims or private individuals.');
  error.extensions = { spans: [...spans] };
  return error;
}
