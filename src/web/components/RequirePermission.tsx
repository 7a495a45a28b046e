import type { ReactNode } from 'react';
import type { TPermission } from '../../shared/identity';
import { hasPermission, useMe } from '../session';

/** Shows its children only to users with the permission; the server enforces it as well. */
export function RequirePermission({ permission, children }: { permission: TPermission; children: ReactNode }) {
  const me = useMe();
  if (!hasPermission(me.data, permission)) {
    return (
      <section>
        <h1>Not available</h1>
        <p>This page is for administrators. Ask an administrator if you need access.</p>
      </section>
    );
  }
  return <>{children}</>;
}
