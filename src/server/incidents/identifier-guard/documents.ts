import validator from 'validator';

export interface DocumentSpan {
  start: number;
  end: number;
  kind: 'id_document';
}

/** IBANs as printed, in groups of four; validator checks the country length and mod-97 check digits. */
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{1,4}){2,8}\b/gu;

function findIbans(text: string): DocumentSpan[] {
  const spans: DocumentSpan[] = [];
  for (const match of text.matchAll(IBAN_CANDIDATE)) {
    // The last groups may be the next word ("… 0130 00 BIC"): drop them until the checksum holds.
    let candidate = match[0];
    while (candidate.length >= 15 && !validator.isIBAN(candidate)) candidate = candidate.replace(/ ?[A-Z0-9]{1,4}$/u, '');
    if (candidate.length >= 15) spans.push({ start: match.index, end: match.index + candidate.length, kind: 'id_document' });
  }
  return spans;
}

/**
 * US Social Security numbers, written 123-45-6789. validator has no SSN check, so this is the
 * SSA's own rule: no area 000, 666 or 9xx, no group 00, no serial 0000.
 */
const SSN = /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/gu;

/**
 * Passport and identity-card numbers. German passports and ID cards share one alphabet of nine
 * characters (C01X00T47, T22000129) and French passports one shape (12AB34567): distinctive
 * enough for validator to flag anywhere once they mix letters and digits. Other numbers — a US
 * passport (340020013), a French identity card (X4RTBPFW4, or twelve digits before 2021, for
 * which validator has no format) — look like any number, so they are flagged only when a
 * document word comes just before them.
 */
const DOCUMENT_CANDIDATE = /\b[A-Z0-9]{6,12}\b/gu;
const DOCUMENT_WORD =
  /(?<!\p{L})(?:passport|reisepass|pass|ausweis|identity card|id card|id number|document number|dokumentennummer|passeport|carte d['’]identité|cni|titre de séjour|aufenthaltstitel|residence permit)(?!\p{L})(?:[^.\n]|(?<=\b(?:nr|no|num))\.){0,30}$/iu;
// "Nr." and "No." may stand between the word and the number; any other full stop ends the sentence.
const LETTER_AND_DIGIT = /^(?=.*[A-Z])(?=.*\d)/u;

function findDocumentNumbers(text: string): DocumentSpan[] {
  return [...text.matchAll(DOCUMENT_CANDIDATE)]
    .filter((match) => {
      const number = match[0];
      if (LETTER_AND_DIGIT.test(number) && (validator.isPassportNumber(number, 'DE') || validator.isPassportNumber(number, 'FR'))) return true;
      return /\d/u.test(number) && DOCUMENT_WORD.test(text.slice(Math.max(0, match.index - 60), match.index));
    })
    .map((match) => ({ start: match.index, end: match.index + match[0].length, kind: 'id_document' as const }));
}

export function findDocuments(text: string): DocumentSpan[] {
  // Every kind below has digits (an IBAN's check digits, an SSN, a number with or without letters).
  if (!/\d/u.test(text)) return [];
  const ssns = [...text.matchAll(SSN)].map((match) => ({ start: match.index, end: match.index + match[0].length, kind: 'id_document' as const }));
  return [...findIbans(text), ...ssns, ...findDocumentNumbers(text)];
}
