import { NavLink, Outlet } from 'react-router';

export function AppShell() {
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
          <NavLink to="/posts">Bureaus and posts</NavLink>
          <a href="/api/docs">API</a>
        </nav>
      </header>
      <main className="shell-main">
        <Outlet />
      </main>
      <footer className="shell-footer">
        Classification markings in Demarche are labels the software enforces. Demarche is not
        accredited for classified information.
      </footer>
    </div>
  );
}
