/**
 * What replacing a list changed, for the audit trail: which ids were added and removed (a list
 * of ids), or how many items were (a list of items: talking points delivered, follow-ups),
 * and how many kept their key but changed (a point now delivered). The trail then says
 * "Talking points: 1 added, 2 changed" rather than the new list's length.
 */
export type ListChange = { added: string[] | number; removed: string[] | number; changed?: number };

export function listChange<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string = String): ListChange | undefined {
  const byKey = (list: readonly T[]) => new Map(list.map((item) => [keyOf(item), JSON.stringify(item)]));
  const old = byKey(before);
  const now = byKey(after);
  const added = [...now.keys()].filter((key) => !old.has(key));
  const removed = [...old.keys()].filter((key) => !now.has(key));
  const changed = [...now.entries()].filter(([key, item]) => old.has(key) && old.get(key) !== item).length;
  if (added.length === 0 && removed.length === 0 && changed === 0) return undefined;
  const ids = before.concat(after).every((item) => typeof item === 'string');
  return {
    added: ids ? added : added.length,
    removed: ids ? removed : removed.length,
    ...(changed > 0 ? { changed } : {}),
  };
}
