import { Link } from 'react-router';
import { type TAuditEvent, WITHHELD_RECORD } from '../../shared/audit';
import { MarkingTag } from '../ui/Marking';
import { formatTimestamp } from '../ui/format';

const VIA_LABEL: Record<TAuditEvent['via'], string> = {
  session: 'web',
  token: 'API token',
  cli: 'command line',
  system: 'system',
};

const COLUMNS = ['Time', 'Actor', 'Action', 'Record', 'Change', 'Marking', 'Address', 'Hash'] as const;

function actorText(event: TAuditEvent): string {
  if (event.actorName) return event.actorName;
  if (event.actorEmail) return event.actorEmail;
  if (event.via === 'system') return 'Demarche';
  if (event.via === 'cli') return 'operator';
  return 'not signed in';
}

function RecordCell({ record }: { record: TAuditEvent['record'] }) {
  if (record.withheld) {
    return (
      <>
        <span className="audit-record-type">{record.typeLabel}</span> <em className="muted">{WITHHELD_RECORD}</em>
      </>
    );
  }
  return (
    <>
      <span className="audit-record-type">{record.typeLabel}</span> {record.name && record.href ? <Link to={record.href}>{record.name}</Link> : record.name}
    </>
  );
}

function ChangeCell({ event }: { event: TAuditEvent }) {
  const { changes } = event;
  if (changes.length === 0) return <span className="muted">—</span>;
  if (event.record.withheld) {
    return (
      <span>
        {changes.map((item) => item.label).join(', ')} <span className="muted">(values not shown)</span>
      </span>
    );
  }
  return (
    <ul className="audit-changes">
      {changes.map((item) => (
        <li key={item.field}>
          <span className="audit-field">{item.label}:</span> {item.text}
        </li>
      ))}
    </ul>
  );
}

/** The heading of a cell, shown beside it only where the rows stack (a phone): the table's own headers are then hidden. */
const CellLabel = ({ children }: { children: string }) => (
  <span className="audit-cell-label" aria-hidden="true">
    {children}
  </span>
);

export function AuditTable({ events }: { events: TAuditEvent[] }) {
  return (
    <table className="data-table audit-table" aria-label="Audit events">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td className="audit-time">
              <CellLabel>Time</CellLabel>
              <time dateTime={event.at}>{formatTimestamp(event.at)}</time>
            </td>
            <td>
              <CellLabel>Actor</CellLabel>
              <span>
                {actorText(event)}
                <span className="muted small"> ({VIA_LABEL[event.via]})</span>
              </span>
            </td>
            <td>
              <CellLabel>Action</CellLabel>
              {/* The code too: it is what the Action filter takes. */}
              <span>
                {event.actionLabel}
                <code className="audit-action-code">{event.action}</code>
              </span>
            </td>
            <td>
              <CellLabel>Record</CellLabel>
              <span>
                <RecordCell record={event.record} />
              </span>
            </td>
            <td>
              <CellLabel>Change</CellLabel>
              <ChangeCell event={event} />
            </td>
            <td>
              <CellLabel>Marking</CellLabel>
              <MarkingTag classification={event.classification} />
            </td>
            <td>
              <CellLabel>Address</CellLabel>
              {event.address ?? '—'}
            </td>
            <td>
              <CellLabel>Hash</CellLabel>
              <code title={`hash ${event.hash}\nprevious ${event.prevHash}`}>{event.hash.slice(0, 12)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
