import { useState } from 'react';
import type { TAgreement } from '../../shared/agreements';
import { emptySource, sourceInputOf, type SourceDraft } from '../incidents/incident-draft';
import { credibilityText, dayText, languageText, reliabilityText, SOURCE_TYPE_LABEL } from '../incidents/incident-labels';
import { SourceFields } from '../incidents/SourceFields';
import { fieldErrors } from '../ui/api';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { FormProblem } from '../ui/FormProblem';
import { TableScroll } from '../ui/TableScroll';
import { useAgreementWrite } from './agreement-queries';

const SOURCE_FIELDS = ['url', 'outlet', 'publishedOn', 'language', 'type', 'reliability', 'credibility'] as const;

/** The documents and reports an agreement rests on (the source model incidents use), and adding and removing them. */
export function AgreementSources({ agreement }: { agreement: TAgreement }) {
  const remove = useAgreementWrite(agreement.id);
  const canRemove = agreement.allowedActions.includes('remove_source');
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">
        Sources <span className="count">({agreement.sources.length})</span>
      </h2>
      {agreement.sources.length === 0 ? (
        <p className="muted">No source is recorded.</p>
      ) : (
        <TableScroll label="Sources">
          <table className="data-table sources-table">
            <caption className="visually-hidden">Sources of the agreement, with their reliability and credibility</caption>
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Type</th>
                <th scope="col">Published</th>
                <th scope="col">Language</th>
                <th scope="col">Reliability</th>
                <th scope="col">Credibility</th>
                {canRemove && <th scope="col">Change</th>}
              </tr>
            </thead>
            <tbody>
              {agreement.sources.map((source) => (
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
                  {canRemove && (
                    <td>
                      <ConfirmButton
                        label={`Remove ${source.outlet}`}
                        question={`Remove the source “${source.outlet}”?`}
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
      )}
      <ErrorAlert error={remove.error} action="Could not remove the source" />
      {agreement.allowedActions.includes('add_source') && <AddSourceForm agreementId={agreement.id} />}
    </section>
  );
}

function AddSourceForm({ agreementId }: { agreementId: string }) {
  const [open, setOpen] = useState(false);
  const [source, setSource] = useState<SourceDraft>(emptySource);
  const add = useAgreementWrite(agreementId);
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
        const { suspectStatus: _unused, ...body } = sourceInputOf(source);
        add.mutate(
          { path: '/sources', body },
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
      <SourceFields source={source} onChange={(change) => setSource((current) => ({ ...current, ...change }))} errors={errors} withSuspectStatus={false} />
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
