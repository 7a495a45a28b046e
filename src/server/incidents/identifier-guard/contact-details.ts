import { type CountryCode, findPhoneNumbersInText } from 'libphonenumber-js/max';
import validator from 'validator';
import type { GuardLanguage } from './nlp-models';

export interface ContactSpan {
  start: number;
  end: number;
  kind: 'email' | 'phone';
}

/** Anything with an @ between word characters; validator decides whether it is an address. */
const EMAIL_CANDIDATE = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

export function findEmails(text: string): ContactSpan[] {
  // Every candidate has its @: text without one is not scanned (the scan tries every letter as a start).
  if (!text.includes('@')) return [];
  return [...text.matchAll(EMAIL_CANDIDATE)]
    .map((match) => ({ start: match.index, value: match[0].replace(/[.-]+$/u, '') }))
    .filter(({ value }) => validator.isEmail(value, { allow_utf8_local_part: true }))
    .map(({ start, value }) => ({ start, end: start + value.length, kind: 'email' as const }));
}

/** National numbers are read as numbers of these countries; international ones carry their own. */
const COUNTRIES: Record<GuardLanguage, CountryCode[]> = { en: ['US', 'GB'], de: ['DE'], fr: ['FR'] };

/**
 * Runs of digits that could be a phone number. libphonenumber-js alone accepts far too much in
 * prose: German numbers have no fixed length, so with DE as the default country "23.08.2024",
 * "2024/123456" and "536-22-8174" are all valid fixed lines, and scanning 4,000 characters four
 * times costs 30–60 ms. So it reads only runs that are shaped like a phone number as people
 * write one: an international prefix (+49, 0049), a national trunk 0 (030 1234567,
 * 01 23 45 67 89), or the North American (202) 555-0143 / 202-555-0143. Dates, times, years,
 * counts, postcodes (five digits) and case numbers ("Az. 123 Js 456/24", "2024/123456") have
 * none of these shapes.
 */
const DIGIT_RUN = /(?:\+|\b00|\(|\b)\d[\d \t()./–-]{5,}\d/gu;
const PHONE_SHAPE = /^(?:\+|00)\d|^\(?0\d|^\(\d{3}\)\s?\d{3}[-\s.]\d{4}$|^\d{3}[-.]\d{3}[-.]\d{4}$/u;
/** Somewhere in the run a phone number could start; most runs (dates, counts) are skipped before parsing. */
const PHONE_START = /(?:^|\D)(?:\+|00|0\d)|\(\d{3}\)|\d{3}[-.]\d{3}[-.]\d{4}/u;
const HAS_DIGIT = /\d/u;
const DATE_SHAPE = /^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}/u;

export function findPhones(text: string, languages: readonly GuardLanguage[]): ContactSpan[] {
  if (!HAS_DIGIT.test(text)) return [];
  const countries = [...new Set(languages.flatMap((language) => COUNTRIES[language]))];
  const spans: ContactSpan[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    if (!PHONE_START.test(run[0])) continue;
    for (const country of countries) {
      const found = findPhoneNumbersInText(run[0], { defaultCountry: country }).filter((phone) => {
        const written = run[0].slice(phone.startsAt, phone.endsAt);
        return PHONE_SHAPE.test(written) && !DATE_SHAPE.test(written);
      });
      for (const phone of found) {
        const start = run.index + phone.startsAt;
        if (!spans.some((span) => span.start < run.index + phone.endsAt && span.end > start))
          spans.push({ start, end: run.index + phone.endsAt, kind: 'phone' });
      }
    }
  }
  return spans;
}
