import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { Button, Disclosure, DisclosurePanel } from 'react-aria-components';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import type { TMe } from '../../shared/identity';
import { errorMessage } from './api';
import { roleAndScope } from './format';
import { useUnreadCount } from '../notifications/notification-queries';
import { DASHBOARD_ROLES, hasPermission, useMe, useSignOut } from './session';
import { useHeadingFocus } from './use-heading-focus';
import { useMediaQuery } from './use-media-query';
import './react-aria-csp';

/** Below this width the main navigation folds into a Menu button (a phone held upright). */
const NARROW = '(max-width: 700px)';

/** The frame of every signed-in page; without a session it sends the visitor to sign in. */
export function AppShell() {
  const me = useMe();
  const location = useLocation();
  const signOut = useSignOut();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const readsRecords = hasPermission(me.data, 'records.read');
  const unread = useUnreadCount(readsRecords);
  const narrow = useMediaQuery(NARROW);
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  useHeadingFocus(main);
  // A link followed from the menu closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes when the page changes
  useEffect(() => setMenuOpen(false), [location.pathname]);

  if (me.isPending) return <p className="shell-loading">Loading…</p>;
  if (me.isError) {
    return (
      <div className="shell-loading">
        <p role="alert">Demarche could not be reached: {errorMessage(me.error)}</p>
        <button type="button" onClick={() => void me.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }

  const { user } = me.data;
  const onSignOut = () => {
    setSignOutError(null);
    signOut().catch((error: unknown) => setSignOutError(errorMessage(error)));
  };

  // The skip link moves the focus itself: a bare #main would be a navigation to the router.
  const skipToMain = (event: MouseEvent) => {
    event.preventDefault();
    main.current?.focus();
  };
  const profile = (
    <NavLink to="/me" className="shell-user-name">
      {user.name}
    </NavLink>
  );

  return (
    <div className="shell">
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link to #main (and works as one without script); the click only spares the router a navigation */}
      <a href="#main" className="skip-link" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="shell-header">
        <NavLink to="/" className="brand">
          Demarche
        </NavLink>
        {narrow ? (
          <Disclosure className="shell-menu" isExpanded={menuOpen} onExpandedChange={setMenuOpen}>
            <Button slot="trigger" className="shell-menu-button">
              Menu
            </Button>
            <DisclosurePanel className="shell-menu-panel">
              <MainNav me={me.data} unread={unread.data?.count ?? 0} />
              <p className="shell-menu-user">
                {profile} <span className="shell-user-role">{roleAndScope(user)}</span>
              </p>
            </DisclosurePanel>
          </Disclosure>
        ) : (
          <MainNav me={me.data} unread={unread.data?.count ?? 0} />
        )}
        <fieldset className="shell-user" aria-label="Signed-in user">
          {!narrow && profile}
          {!narrow && <span className="shell-user-role">{roleAndScope(user)}</span>}
          <button type="button" className="shell-sign-out" onClick={onSignOut}>
            Sign out
          </button>
        </fieldset>
      </header>
      {signOutError && <p role="alert">Could not sign out: {signOutError}</p>}
      <main className="shell-main" id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}

/** The main navigation: only what the user's permissions open. */
function MainNav({ me, unread }: { me: TMe; unread: number }) {
  const readsRecords = hasPermission(me, 'records.read');
  return (
    <nav aria-label="Main">
      <NavLink to="/" end>
        Overview
      </NavLink>
      {(readsRecords || hasPermission(me, 'directives.issue')) && <NavLink to="/directives">Directives</NavLink>}
      {readsRecords && <NavLink to="/engagements">Engagements</NavLink>}
      {readsRecords && <NavLink to="/contacts">Contacts</NavLink>}
      {readsRecords && <NavLink to="/incidents">Incidents</NavLink>}
      {readsRecords && <NavLink to="/evidence">Evidence</NavLink>}
      {readsRecords && <NavLink to="/agreements">Agreements</NavLink>}
      {readsRecords && <NavLink to="/policy/assessments">Policy</NavLink>}
      {DASHBOARD_ROLES.includes(me.user.role) && <NavLink to="/dashboard">Dashboard</NavLink>}
      {readsRecords && <NotificationsLink count={unread} />}
      <NavLink to="/posts">Bureaus and posts</NavLink>
      {hasPermission(me, 'statistics.import') && <NavLink to="/statistics/import">Import statistics</NavLink>}
      {hasPermission(me, 'users.manage') && <NavLink to="/admin/users">Users</NavLink>}
      {hasPermission(me, 'audit.read') && <NavLink to="/admin/audit">Audit</NavLink>}
      <a href="/api/docs">API</a>
    </nav>
  );
}

function NotificationsLink({ count }: { count: number }) {
  return (
    <NavLink to="/notifications" aria-label={count > 0 ? `Notifications, ${count} unread` : 'Notifications'}>
      Notifications
      {count > 0 && (
        <span className="nav-badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </NavLink>
  );
}

export function Footer() {
  return (
    <footer className="shell-footer">
      Classification markings in Demarche are labels the software enforces. Demarche is not accredited for classified information.
    </footer>
  );
}
