import { MarkingTag } from '../ui/Marking';
import type { TAuditEvent } from '../../shared/identity';
import { formatTimestamp } from '../ui/format';

const VIA_LABEL: Record<TAuditEvent['via'], string> = {
  session: 'web',
  token: 'API token',
  cli: 'command line',
  system: 'system',
};

function actorText(event: TAuditEvent): string {
  if (event.actorEmail) return event.actorEmail;
  if (event.actorId) return event.actorId;
  if (event.via === 'system') return 'Demarche';
  if (event.via === 'cli') return 'operator';
  return 'not signed in';
}

function ChangeCell({ change }: { change: unknown }) {
  if (change === null || change === undefined) return <span className="muted">—</span>;
  const text = JSON.stringify(change, null, 2);
  if (text.length <= 60) return <code>{JSON.stringify(change)}</code>;
  return (
    <details>
      <summary>{Object.keys(change as object).join(', ') || 'change'}</summary>
      <pre>{text}</pre>
    </details>
  );
}

export function AuditTable({ events }: { events: TAuditEvent[] }) {
  return (
    <table className="data-table audit-table" aria-label="Audit events">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Record</th>
          <th scope="col">Marking</th>
          <th scope="col">Change</th>
          <th scope="col">Address</th>
          <th scope="col">Hash</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>
              <time dateTime={event.at}>{formatTimestamp(event.at)}</time>
            </td>
            <td>
              {actorText(event)}
              <span className="muted small"> ({VIA_LABEL[event.via]})</span>
            </td>
            <td>
              <code>{event.action}</code>
            </td>
            <td>
              {event.recordType}
              {event.recordId && (
                <code className="small" title={event.recordId}>
                  {' '}
                  {event.recordId.slice(0, 8)}
                </code>
              )}
            </td>
            <td>
              <MarkingTag classification={event.classification} />
            </td>
            <td>
              <ChangeCell change={event.change} />
            </td>
            <td>{event.address ?? '—'}</td>
            <td>
              <code title={`hash ${event.hash}\nprevious ${event.prevHash}`}>{event.hash.slice(0, 12)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
