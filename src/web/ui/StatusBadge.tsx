/** A record's workflow status in words, with a colour that repeats what the words say. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`status-badge status-${status}`}>{label}</span>;
}
