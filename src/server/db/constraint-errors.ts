/**
 * True when a write failed on the named unique index: two writers raced for the same key, and
 * the index decided. Drizzle wraps the driver's error; both drivers give the SQLSTATE and the
 * constraint (PGlite sometimes without the constraint's name, hence the fallback).
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const candidates = [error, (error as { cause?: unknown } | undefined)?.cause] as ({ code?: string; constraint?: string } | undefined)[];
  return candidates.some((e) => e?.code === '23505' && (e.constraint ?? constraint) === constraint);
}
