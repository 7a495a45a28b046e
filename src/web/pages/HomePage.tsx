import { Link } from 'react-router';
import { hasPermission, useMe } from '../session';

export function HomePage() {
  const me = useMe();
  return (
    <section>
      <h1>Demarche</h1>
      <p>
        Headquarters issues directives with numbered talking points; posts engage host governments,
        log what they delivered and how it was received, and report back. Every figure carries its
        sources and definitions.
      </p>
      <ul>
        <li>
          The <Link to="/posts">bureaus and posts</Link>, on a table and a map.
        </li>
        <li>
          <Link to="/me">Your profile</Link>: your role, clearance and API tokens.
        </li>
        {hasPermission(me.data, 'users.manage') && (
          <li>
            <Link to="/admin/users">Users</Link>: create accounts, set roles, posts and clearances.
          </li>
        )}
        {hasPermission(me.data, 'audit.read') && (
          <li>
            The <Link to="/admin/audit">audit trail</Link> of every write.
          </li>
        )}
      </ul>
    </section>
  );
}
