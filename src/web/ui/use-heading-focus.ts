import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** How long to wait for a page that loads its code or data before showing its heading. */
const WAIT_MS = 5000;

/**
 * After a client-side navigation, moves the keyboard focus to the new page's first heading, as
 * a full page load would start a screen reader at the top: otherwise the focus stays on the link
 * that was followed and nothing says that the page changed. Not on the first load (the skip link
 * comes first then), not when only the query changes (a filter), and not when the page has
 * already put the focus inside itself.
 */
export function useHeadingFocus(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const container = main.current;
    if (!container) return;
    const focusHeading = (): boolean => {
      const heading = container.querySelector('h1');
      if (!heading) return false;
      if (!container.contains(document.activeElement) || document.activeElement === container) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
      return true;
    };
    if (focusHeading()) return;
    // A page loaded on demand, or one waiting for its data, shows its heading a moment later.
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(container, { childList: true, subtree: true });
    const timer = window.setTimeout(() => observer.disconnect(), WAIT_MS);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [pathname, main]);
}
