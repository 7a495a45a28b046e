import { CLEARANCE_LABEL, ROLE_LABEL } from '../../shared/identity';
import { CalendarFeedPanel } from '../cadence/CalendarFeedPanel';
import { PasswordChangeForm } from './PasswordChangeForm';
import { SessionsPanel } from './SessionsPanel';
import { TokensPanel } from './TokensPanel';
import { formatDateTime } from '../ui/format';
import { hasPermission, useMe } from '../ui/session';

export function MePage() {
  const me = useMe();
  if (!me.data) return null;
  const { user } = me.data;
  return (
    <section>
      <h1>My profile</h1>
      <dl className="details">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABEL[user.role]}</dd>
        {user.post && (
          <>
            <dt>Home post</dt>
            <dd>
              <code>{user.post}</code>
              {user.bureau && <span className="muted"> ({user.bureau})</span>}
            </dd>
          </>
        )}
        {!user.post && user.bureau && (
          <>
            <dt>Bureau</dt>
            <dd>{user.bureau}</dd>
          </>
        )}
        <dt>Clearance</dt>
        <dd>
          {user.clearance} — {CLEARANCE_LABEL[user.clearance]}
        </dd>
        <dt>Session ends</dt>
        <dd>{me.data.sessionExpiresAt ? `at the latest ${formatDateTime(me.data.sessionExpiresAt)}` : 'when you sign out'}</dd>
      </dl>
      <p className="muted">Your role, home post, bureau and clearance are set by an administrator.</p>
      <PasswordChangeForm />
      <SessionsPanel />
      {hasPermission(me.data, 'records.read') && <CalendarFeedPanel />}
      {hasPermission(me.data, 'tokens.manage') && <TokensPanel />}
    </section>
  );
}
