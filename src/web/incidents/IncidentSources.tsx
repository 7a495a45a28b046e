import { useState } from 'react';
import type { TIncident } from '../../shared/incidents';
import { fieldErrors } from '../ui/api';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FormProblem } from '../ui/FormProblem';
import { emptySource, sourceInputOf, type SourceDraft } from './incident-draft';
import { credibilityText, dayText, languageText, reliabilityText, SOURCE_TYPE_LABEL, suspectStatusText } from './incident-labels';
import { useIncidentWrite } from './incident-queries';
import { SourceFields } from './SourceFields';
import { TableScroll } from '../ui/TableScroll';

const SOURCE_FIELDS = ['url', 'outlet', 'publishedOn', 'language', 'type', 'reliability', 'credibility', 'suspectStatus'] as const;

/** The sources of an incident, what each states of the suspect, and (when allowed) adding and removing them. */
export function IncidentSources({ incident }: { incident: TIncident }) {
  const remove = useIncidentWrite(incident.id);
  const canRemove = incident.allowedActions.includes('remove_source');
  const onlyOne = incident.sources.length <= 1;
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">
        Sources <span className="count">({incident.sources.length})</span>
      </h2>
      <TableScroll label="Sources">
        <table className="data-table sources-table">
          <caption className="visually-hidden">Sources of the incident, with their reliability, credibility and what each states of the suspect</caption>
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Type</th>
              <th scope="col">Published</th>
              <th scope="col">Language</th>
              <th scope="col">Reliability</th>
              <th scope="col">Credibility</th>
              <th scope="col">Suspect status, as stated</th>
              {canRemove && !onlyOne && <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {incident.sources.map((source) => (
              <tr key={source.id}>
                <td>
                  <a href={source.url} target="_blank" rel="noopener noreferrer">
                    {source.outlet}
                  </a>
                  {source.addedBy && <div className="muted small">Added by {source.addedBy.name}</div>}
                </td>
                <td>{SOURCE_TYPE_LABEL[source.type]}</td>
                <td>{source.publishedOn ? dayText(source.publishedOn) : 'Not known'}</td>
                <td>{languageText(source.language)}</td>
                <td>{reliabilityText(source.reliability)}</td>
                <td>{credibilityText(source.credibility)}</td>
                <td>{suspectStatusText(source.suspectStatus)}</td>
                {canRemove && !onlyOne && (
                  <td>
                    <ConfirmButton
                      label={`Remove ${source.outlet}`}
                      question={`Remove the source “${source.outlet}”? The incident keeps its other sources.`}
                      confirmLabel="Remove"
                      danger
                      pending={remove.isPending}
                      onConfirm={() => remove.mutate({ method: 'DELETE', path: `/sources/${encodeURIComponent(source.id)}` })}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {canRemove && onlyOne && <p className="muted small">The only source cannot be removed: an unsourced claim cannot be verified. Add another first.</p>}
      <ErrorAlert error={remove.error} action="Could not remove the source" />
      <SuspectStatusSummary incident={incident} />
      {incident.allowedActions.includes('add_source') && <AddSourceForm incidentId={incident.id} />}
    </section>
  );
}

/** What the sources say of the suspect; when they disagree, each status with the sources that state it. */
function SuspectStatusSummary({ incident }: { incident: TIncident }) {
  const claims = incident.suspectStatuses;
  if (claims.length === 0) return null;
  const outlets = (claim: (typeof claims)[number]) => claim.sources.map((source) => source.outlet).join(', ');
  if (incident.suspectStatusDisputed) {
    return (
      <div className="notice suspect-disputed" role="note" aria-label="Suspect status">
        <p>
          <strong>Suspect status: sources disagree.</strong>
        </p>
        <ul>
          {claims.map((claim) => (
            <li key={claim.status}>
              {suspectStatusText(claim.status)}: stated by {outlets(claim)}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <p className="suspect-status" role="note" aria-label="Suspect status">
      <strong>Suspect status, as the sources state it:</strong>{' '}
      {claims.map((claim, index) => (
        <span key={claim.status}>
          {index > 0 && '; '}
          {suspectStatusText(claim.status)} ({outlets(claim)})
        </span>
      ))}
    </p>
  );
}

function AddSourceForm({ incidentId }: { incidentId: string }) {
  const [open, setOpen] = useState(false);
  const [source, setSource] = useState<SourceDraft>(emptySource);
  const add = useIncidentWrite(incidentId);
  const errors = fieldErrors(add.error);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Add a source
      </button>
    );
  }
  return (
    <form
      className="panel nested-form"
      aria-label="Add a source"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(
          { path: '/sources', body: sourceInputOf(source) },
          {
            onSuccess: () => {
              setSource(emptySource());
              setOpen(false);
            },
          },
        );
      }}
    >
      <h3>Add a source</h3>
      <FormProblem error={add.error} fields={SOURCE_FIELDS} action="Could not add the source" />
      <SourceFields source={source} onChange={(change) => setSource((current) => ({ ...current, ...change }))} errors={errors} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add the source'}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
