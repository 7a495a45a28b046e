import type { TIdentifierSpan } from '../../../shared/incidents';
import { checkIncidentText } from './identifier-guard';

/** One incident's free text to check: its fields by name, and the names allowed in them. */
export interface GuardTask {
  fields: Record<string, string>;
  allowedNames: readonly string[];
}

/**
 * Runs in the guard's worker threads (guard-pool.ts): the language models live here, apart
 * from the server's own heap, and the checks run beside the requests instead of between them.
 */
export default function checkTexts(tasks: readonly GuardTask[]): TIdentifierSpan[][] {
  return tasks.map((task) => checkIncidentText(task.fields, task.allowedNames));
}
