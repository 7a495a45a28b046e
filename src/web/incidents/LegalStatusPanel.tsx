import { useState } from 'react';
import { LEGAL_NEXT, type TIncident, type TLegalStatus } from '../../shared/incidents';
import { fieldErrors } from '../ui/api';
import { Field } from '../ui/Field';
import { formatDateTime } from '../ui/format';
import { FormProblem } from '../ui/FormProblem';
import { today } from '../ui/labels';
import { dayText, legalStatusText } from './incident-labels';
import { useIncidentWrite } from './incident-queries';
import { LegalStatusTag } from './LegalStatusTag';

/** The legal status over time, oldest first, each step with its date and the source that states it. */
export function LegalStatusPanel({ incident }: { incident: TIncident }) {
  const history = [...incident.legalHistory].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.recordedAt.localeCompare(b.recordedAt));
  return (
    <section aria-labelledby="legal-heading">
      <h2 id="legal-heading">Legal status</h2>
      <p>
        Now: <LegalStatusTag status={incident.legalStatus} />
      </p>
      {history.length > 0 && (
        <ol className="timeline legal-timeline" aria-label="Legal status history">
          {history.map((entry) => (
            <li key={entry.id} className="timeline-item">
              <strong>{legalStatusText(entry.status)}</strong> from {dayText(entry.effectiveOn)}
              {entry.source ? (
                <>
                  , as stated by{' '}
                  <a href={entry.source.url} target="_blank" rel="noopener noreferrer">
                    {entry.source.outlet}
                  </a>
                </>
              ) : (
                ', no particular source'
              )}
              <span className="muted small">
                {' '}
                (recorded {entry.recordedBy ? `by ${entry.recordedBy.name} ` : ''}
                {formatDateTime(entry.recordedAt)})
              </span>
            </li>
          ))}
        </ol>
      )}
      {incident.allowedActions.includes('set_legal_status') && <LegalStatusForm incident={incident} />}
    </section>
  );
}

const FIELDS = ['status', 'effectiveOn', 'source'] as const;

/** A new step of the legal status: only the statuses that may follow the current one are offered. */
function LegalStatusForm({ incident }: { incident: TIncident }) {
  const next = LEGAL_NEXT[incident.legalStatus];
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<TLegalStatus | ''>('');
  const [effectiveOn, setEffectiveOn] = useState(today());
  const [source, setSource] = useState('');
  const record = useIncidentWrite(incident.id);
  const errors = fieldErrors(record.error);
  if (next.length === 0) return null;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Record a change of legal status
      </button>
    );
  }
  const chosen = status || next[0];
  return (
    <form
      className="panel nested-form"
      aria-label="Record a change of legal status"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        record.mutate({ path: '/legal-status', body: { status: chosen, effectiveOn, source: source || null } }, { onSuccess: () => setOpen(false) });
      }}
    >
      <h3>Record a change of legal status</h3>
      <FormProblem error={record.error} fields={FIELDS} action="Could not record the legal status" />
      <div className="form-grid">
        <Field label="New legal status" error={errors.status} hint={`From “${legalStatusText(incident.legalStatus)}” it can become only these`}>
          {(control) => (
            <select {...control} value={chosen} onChange={(event) => setStatus(event.target.value as TLegalStatus)}>
              {next.map((option) => (
                <option key={option} value={option}>
                  {legalStatusText(option)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="In effect since" error={errors.effectiveOn}>
          {(control) => <input {...control} type="date" value={effectiveOn} onChange={(event) => setEffectiveOn(event.target.value)} />}
        </Field>
        <Field label="Stated by" error={errors.source} hint="Add the source first if it is not listed">
          {(control) => (
            <select {...control} value={source} onChange={(event) => setSource(event.target.value)}>
              <option value="">No particular source</option>
              {incident.sources.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.outlet}
                  {option.publishedOn ? `, ${dayText(option.publishedOn)}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={record.isPending}>
          Record
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
