import type { ReactNode } from 'react';
import type { TPermission } from '../../shared/identity';
import { hasPermission, useMe } from './session';

interface Props {
  permission: TPermission;
  /** Who the page is for, in the message to everyone else. */
  who?: string;
  children: ReactNode;
}

/** Shows its children only to users with the permission; the server enforces it as well. */
export function RequirePermission({ permission, who = 'administrators', children }: Props) {
  const me = useMe();
  if (!hasPermission(me.data, permission)) {
    return (
      <section>
        <h1>Not available</h1>
        <p>This page is for {who}. Ask an administrator if you need access.</p>
      </section>
    );
  }
  return <>{children}</>;
}
