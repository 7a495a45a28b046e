import { useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { errorMessage } from './api';
import { roleAndScope } from './format';
import { useUnreadCount } from '../notifications/notification-queries';
import { DASHBOARD_ROLES, hasPermission, useMe, useSignOut } from './session';

/** The frame of every signed-in page; without a session it sends the visitor to sign in. */
export function AppShell() {
  const me = useMe();
  const location = useLocation();
  const signOut = useSignOut();
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const readsRecords = hasPermission(me.data, 'records.read');
  const unread = useUnreadCount(readsRecords);

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

  return (
    <div className="shell">
      <header className="shell-header">
        <NavLink to="/" className="brand">
          Demarche
        </NavLink>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Overview
          </NavLink>
          {(readsRecords || hasPermission(me.data, 'directives.issue')) && <NavLink to="/directives">Directives</NavLink>}
          {readsRecords && <NavLink to="/engagements">Engagements</NavLink>}
          {readsRecords && <NavLink to="/contacts">Contacts</NavLink>}
          {readsRecords && <NavLink to="/incidents">Incidents</NavLink>}
          {DASHBOARD_ROLES.includes(user.role) && <NavLink to="/dashboard">Dashboard</NavLink>}
          {readsRecords && <NotificationsLink count={unread.data?.count ?? 0} />}
          <NavLink to="/posts">Bureaus and posts</NavLink>
          {hasPermission(me.data, 'users.manage') && <NavLink to="/admin/users">Users</NavLink>}
          {hasPermission(me.data, 'audit.read') && <NavLink to="/admin/audit">Audit</NavLink>}
          <a href="/api/docs">API</a>
        </nav>
        <fieldset className="shell-user" aria-label="Signed-in user">
          <NavLink to="/me" className="shell-user-name">
            {user.name}
          </NavLink>
          <span className="shell-user-role">{roleAndScope(user)}</span>
          <button type="button" className="shell-sign-out" onClick={onSignOut}>
            Sign out
          </button>
        </fieldset>
      </header>
      {signOutError && <p role="alert">Could not sign out: {signOutError}</p>}
      <main className="shell-main">
        <Outlet />
      </main>
      <Footer />
    </div>
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
