/**
 * What the log keeps of an unexpected error: its kind, the database's error code and where
 * it was thrown, never its message or properties, which for a database error hold the SQL
 * and its parameters (a password hash, a record's text). The request id is on the log line.
 */
export function errorSummary(error: unknown): { name: string; code?: string; at?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  const cause = (error as { cause?: unknown }).cause;
  const code = (error as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code;
  const at = error.stack
    ?.split('\n')
    .slice(1)
    .find((line) => line.trim().startsWith('at '))
    ?.trim();
  return { name: error.name, ...(typeof code === 'string' ? { code } : {}), ...(at ? { at } : {}) };
}
