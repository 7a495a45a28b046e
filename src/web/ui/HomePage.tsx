import { Link } from 'react-router';
import { IncidentInbox } from '../incidents/IncidentInbox';
import { DASHBOARD_ROLES, hasPermission, useMe } from './session';

export function HomePage() {
  const me = useMe();
  return (
    <section>
      <h1>Demarche</h1>
      <p>
        Headquarters issues directives with numbered talking points; posts engage host governments, log what they delivered and how it was received, and report
        back. Every figure carries its sources and definitions.
      </p>
      <IncidentInbox />
      <ul>
        {(hasPermission(me.data, 'records.read') || hasPermission(me.data, 'directives.issue')) && (
          <li>
            <Link to="/directives">Directives</Link>: instructions from headquarters and their talking points
            {hasPermission(me.data, 'directives.issue') ? '; write and issue new ones' : ''}.
          </li>
        )}
        {hasPermission(me.data, 'records.read') && (
          <li>
            <Link to="/engagements">Engagements</Link>: what posts delivered, to whom, and how it was received.
          </li>
        )}
        {me.data && DASHBOARD_ROLES.includes(me.data.user.role) && (
          <li>
            The <Link to="/dashboard">dashboard</Link>: which posts are on time, due or overdue with their engagements.
          </li>
        )}
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
