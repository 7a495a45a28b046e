import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * One section of the home inbox: a heading with the count, the first items, an empty state
 * that says what is going on, and the page that lists them all when there are more.
 */
export function InboxSection({
  id,
  title,
  count,
  empty,
  shown,
  more,
  children,
  footer,
}: {
  id: string;
  title: string;
  /** The total, shown beside the heading. */
  count: number;
  /** What it means that there is nothing: "Nothing awaits your approval". */
  empty: string;
  /** How many items are listed. */
  shown: number;
  /** The page of the full list, offered when the total is more than what is listed. */
  more: { to: string; label: string };
  children: ReactNode;
  footer?: ReactNode;
}) {
  const headingId = `inbox-${id}-heading`;
  return (
    <section className="panel inbox-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="count">({count})</span>
      </h2>
      {count === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="inbox-list" aria-label={title}>
          {children}
        </ul>
      )}
      {count > shown && (
        <p className="small">
          {count - shown} more: <Link to={more.to}>{more.label}</Link>
        </p>
      )}
      {footer}
    </section>
  );
}
