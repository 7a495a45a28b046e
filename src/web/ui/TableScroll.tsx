import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways in its own box on a narrow screen, rather than making the
 * whole page scroll. The box takes the keyboard focus, so it can be scrolled without a mouse.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
