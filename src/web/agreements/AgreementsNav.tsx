import { Link, NavLink } from 'react-router';
import { hasPermission, useMe } from '../ui/session';

/** The three views of the pipeline, and recording a new agreement for those who may. */
export function AgreementsNav() {
  const me = useMe();
  return (
    <nav className="view-nav" aria-label="Agreement views">
      <NavLink to="/agreements" end>
        Board
      </NavLink>
      <NavLink to="/agreements/table">Table</NavLink>
      <NavLink to="/agreements/map">Map</NavLink>
      {hasPermission(me.data, 'agreements.manage') && (
        <Link to="/agreements/new" className="button primary">
          Record an agreement
        </Link>
      )}
    </nav>
  );
}
