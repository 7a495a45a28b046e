import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { TIdentifierSpan, TIncidentCheck } from '../../shared/incidents';
import { ApiError, apiSend } from '../ui/api';
import { today } from '../ui/labels';

export interface CheckInput {
  country: string;
  occurredOn: string;
  summary: string;
  placeName: string;
  allowedNames: string[];
  /** The incident being edited, left out of its own duplicate candidates. */
  exclude?: string | undefined;
}

const DEBOUNCE_MS = 600;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  const serialized = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialized value stands for the value
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [serialized, delay]);
  return debounced;
}

/**
 * The identifier guard and the duplicate search, asked a moment after the officer stops
 * typing: the same check the server makes when saving, so that nothing is a surprise then.
 * Without a date yet the guard still runs (on today's date) but no candidates are shown.
 */
export function useIncidentCheck(input: CheckInput) {
  const debounced = useDebounced(input, DEBOUNCE_MS);
  const dated = isDay(debounced.occurredOn);
  const body = {
    ...(/^[A-Z]{2}$/.test(debounced.country) ? { country: debounced.country } : {}),
    occurredOn: dated ? debounced.occurredOn : today(),
    summary: debounced.summary,
    placeName: debounced.placeName,
    allowedNames: debounced.allowedNames,
    ...(debounced.exclude ? { exclude: debounced.exclude } : {}),
  };
  const query = useQuery({
    queryKey: ['incident-check', body],
    queryFn: () => apiSend<TIncidentCheck>('POST', '/api/v1/incidents/check', body),
    enabled: debounced.summary.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
  return {
    identifiers: query.data?.identifiers ?? [],
    duplicates: dated ? (query.data?.duplicates ?? []) : [],
    checking: query.isFetching || JSON.stringify(debounced) !== JSON.stringify(input),
    error: query.error,
  };
}

/** The spans of a failed save (400 with `spans`), when the error is one. */
export function problemSpans(error: unknown): TIdentifierSpan[] {
  if (!(error instanceof ApiError) || !error.problem.spans) return [];
  return error.problem.spans.map((span) => ({ ...span, kind: span.kind as TIdentifierSpan['kind'] }));
}

const fieldName = (field: string) => field.replace(/^body\./, '');

/**
 * The spans of one field placed on its current text: a span whose characters moved (the text
 * was trimmed, or edited since) is found again by its text nearest its old place; one whose text
 * is gone is dropped. Names allowed since are dropped too. Sorted, without overlaps.
 */
export function locateSpans(text: string, field: string, spans: TIdentifierSpan[], allowedNames: string[]): TIdentifierSpan[] {
  const allowed = new Set(allowedNames.map((name) => name.trim().toLocaleLowerCase()));
  const placed: TIdentifierSpan[] = [];
  for (const span of spans) {
    if (fieldName(span.field) !== field || !span.text || allowed.has(span.text.trim().toLocaleLowerCase())) continue;
    let start = text.slice(span.start, span.end) === span.text ? span.start : nearestIndex(text, span.text, span.start);
    if (start < 0) continue;
    if (placed.some((other) => other.start === start)) start = nearestIndex(text, span.text, start + 1);
    if (start < 0) continue;
    placed.push({ ...span, field, start, end: start + span.text.length });
  }
  placed.sort((a, b) => a.start - b.start || b.end - a.end);
  const apart: TIdentifierSpan[] = [];
  for (const span of placed) if (span.start >= (apart.at(-1)?.end ?? 0)) apart.push(span);
  return apart;
}

function nearestIndex(text: string, needle: string, near: number): number {
  let best = -1;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best;
}
