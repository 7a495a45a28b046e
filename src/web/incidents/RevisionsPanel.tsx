import { Link } from 'react-router';
import { LEGAL_STATUS_LABELS, SUSPECT_STATUS_LABELS, type TLegalStatus, type TRevision, type TSuspectStatus } from '../../shared/incidents';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { dayText, GEO_PRECISION_LABEL, INCIDENT_FIELD_LABEL, INCIDENT_STATUS_LABEL, legalStatusText, TIME_PRECISION_LABEL } from './incident-labels';
import { useIncidentRevisions } from './incident-queries';

/** Every change of the incident: who, when, in which workflow status, and each field from → to. */
export function RevisionsPanel({ incidentId }: { incidentId: string }) {
  const revisions = useIncidentRevisions(incidentId);
  const items = revisions.data?.items ?? [];
  return (
    <section aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">
        Revisions <span className="count">({items.length})</span>
      </h2>
      <ErrorAlert error={revisions.error} action="Could not load the revisions" />
      {revisions.isPending && <p>Loading the revisions…</p>}
      {revisions.isSuccess && items.length === 0 && <p className="muted">Not changed since it was filed.</p>}
      {items.length > 0 && (
        <ol className="timeline revisions" aria-label="Revisions">
          {items.map((revision) => (
            <li key={revision.id} className="timeline-item">
              <strong>{revision.actor?.name ?? 'Demarche'}</strong>{' '}
              <time className="muted small" dateTime={revision.at}>
                {formatDateTime(revision.at)}
              </time>{' '}
              <span className="muted small">(while {INCIDENT_STATUS_LABEL[revision.statusAtChange].toLowerCase()})</span>
              <ChangeList change={revision.change} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ChangeList({ change }: { change: TRevision['change'] }) {
  const entries = Object.entries(change);
  if (entries.length === 0) return null;
  return (
    <dl className="revision-changes">
      {entries.map(([field, value]) => (
        <div key={field}>
          <dt>{CHANGE_NAME[field] ?? INCIDENT_FIELD_LABEL[field] ?? field}</dt>
          <dd>
            <ChangeText field={field} value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

const CHANGE_NAME: Record<string, string> = {
  legalStatus: 'legal status',
  merged: 'merge',
  unmerged: 'merge undone',
};

type Change = Record<string, unknown>;
const isRecord = (value: unknown): value is Change => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One change in words: a field from → to, a source added or removed, a legal-status step, a merge. */
function ChangeText({ field, value }: { field: string; value: unknown }) {
  if (!isRecord(value)) return <>{valueText(field, value)}</>;
  if (field === 'sources' && (isRecord(value.added) || isRecord(value.removed))) {
    const source = (value.added ?? value.removed) as Change;
    const rating = [source.reliability && `reliability ${String(source.reliability)}`, source.credibility && `credibility ${String(source.credibility)}`]
      .filter(Boolean)
      .join(', ');
    return (
      <>
        {value.added ? 'Added' : 'Removed'} {String(source.outlet ?? 'a source')}
        {rating ? ` (${rating})` : ''}
        {typeof source.suspectStatus === 'string' ? `; suspect status as stated: ${suspectText(source.suspectStatus)}` : ''}
      </>
    );
  }
  if ((field === 'merged' || field === 'unmerged') && typeof value.from === 'string') {
    const moved = [count(value.sources, 'source'), count(value.legalStatusSteps, 'legal-status step')].filter(Boolean).join(' and ');
    return (
      <>
        {field === 'merged' ? 'Merged ' : 'Restored '}
        <Link to={`/incidents/${value.from}`}>another incident</Link>
        {field === 'merged' ? ' into this one' : ' from this one'}
        {moved ? ` (${moved} ${field === 'merged' ? 'moved here' : 'moved back'})` : ''}
      </>
    );
  }
  if ('from' in value && 'to' in value) {
    return (
      <>
        <span className="visually-hidden">from </span>
        <del>{valueText(field, value.from)}</del> <span aria-hidden="true">→</span>
        <span className="visually-hidden"> to</span> <ins>{valueText(field, value.to)}</ins>
        {typeof value.effectiveOn === 'string' && `, in effect from ${dayText(value.effectiveOn)}`}
      </>
    );
  }
  return <>{valueText(field, value)}</>;
}

const suspectText = (value: string) => (value in SUSPECT_STATUS_LABELS ? SUSPECT_STATUS_LABELS[value as TSuspectStatus] : value);

/** A stored value in words, by its field: a legal status by its label, a date as a date. */
function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.map((item) => valueText(field, item)).join(', ') : '(none)';
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  if (field === 'legalStatus' && text in LEGAL_STATUS_LABELS) return legalStatusText(text as TLegalStatus);
  if (field === 'geoPrecision' && text in GEO_PRECISION_LABEL) return GEO_PRECISION_LABEL[text as keyof typeof GEO_PRECISION_LABEL];
  if (field === 'timePrecision' && text in TIME_PRECISION_LABEL) return TIME_PRECISION_LABEL[text as keyof typeof TIME_PRECISION_LABEL];
  if (field === 'occurredOn') return dayText(text);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** "1 source", "2 sources"; nothing when the revision does not say. */
function count(value: unknown, noun: string): string | null {
  if (typeof value !== 'number') return null;
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}
