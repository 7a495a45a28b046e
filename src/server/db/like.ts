/**
 * An ILIKE pattern matching text that contains `text` as typed: `%`, `_` and `\` in it are
 * matched literally, not as wildcards ("100%" finds "100%", not "100" followed by anything).
 */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
