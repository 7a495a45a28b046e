import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TDuplicateCandidate, TIncident } from '../../shared/incidents';
import { apiSend } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { excerpt, similarityText } from './DuplicateHints';
import { dayText, INCIDENT_STATUS_LABEL, occurredText } from './incident-labels';
import { duplicatesKey, incidentPath, refreshIncident, useIncidentCategories, useIncidentDuplicates } from './incident-queries';
import { LegalStatusTag } from './LegalStatusTag';

/**
 * Incidents that may be the same event (across posts): each with its similarity, and, for
 * whoever may merge, Merge (which one survives is chosen and said; it can be undone) and
 * Not a duplicate.
 */
export function DuplicatesPanel({ incident }: { incident: TIncident }) {
  const duplicates = useIncidentDuplicates(incident.id, !incident.mergedInto);
  const categories = useIncidentCategories();
  const [showDismissed, setShowDismissed] = useState(false);
  if (incident.mergedInto) return null;
  const categoryName = (code: string) => categories.data?.items.find((category) => category.code === code)?.name ?? code;
  const items = duplicates.data?.items ?? [];
  const open = items.filter((candidate) => !candidate.dismissed);
  const dismissed = items.filter((candidate) => candidate.dismissed);
  const canMerge = incident.allowedActions.includes('merge');
  const shown = showDismissed ? [...open, ...dismissed] : open;

  return (
    <section aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">
        Possibly the same event <span className="count">({open.length})</span>
      </h2>
      <ErrorAlert error={duplicates.error} action="Could not load the possible duplicates" />
      {duplicates.isSuccess && open.length === 0 && <p className="muted">No other incident looks like the same event.</p>}
      {shown.length > 0 && (
        <ul className="duplicate-list" aria-label="Possible duplicates">
          {shown.map((candidate) => (
            <DuplicateItem key={candidate.id} incident={incident} candidate={candidate} categoryName={categoryName(candidate.category)} canMerge={canMerge} />
          ))}
        </ul>
      )}
      {dismissed.length > 0 && (
        <button type="button" className="link" onClick={() => setShowDismissed(!showDismissed)}>
          {showDismissed ? 'Hide' : 'Show'} the {dismissed.length} marked “not a duplicate”
        </button>
      )}
    </section>
  );
}

function DuplicateItem({
  incident,
  candidate,
  categoryName,
  canMerge,
}: {
  incident: TIncident;
  candidate: TDuplicateCandidate;
  categoryName: string;
  canMerge: boolean;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [merging, setMerging] = useState(false);
  const [survivor, setSurvivor] = useState<'candidate' | 'this'>('candidate');
  const dismiss = useMutation({
    mutationFn: () => apiSend<void>('POST', `${incidentPath(incident.id)}/duplicates/${encodeURIComponent(candidate.id)}/dismiss`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: duplicatesKey(incident.id) }),
  });
  const merge = useMutation({
    // The one merged away is the one the request is made on; `into` survives.
    mutationFn: () =>
      survivor === 'candidate'
        ? apiSend<TIncident>('POST', `${incidentPath(incident.id)}/merge`, { into: candidate.id })
        : apiSend<TIncident>('POST', `${incidentPath(candidate.id)}/merge`, { into: incident.id }),
    onSuccess: (kept) => {
      refreshIncident(queryClient, incident.id);
      refreshIncident(queryClient, candidate.id);
      void navigate(`/incidents/${kept.id}`);
    },
  });
  const thisName = `this incident (${incident.placeName}, ${occurredText(incident.occurredOn, incident.timePrecision)})`;
  const otherName = `the one from ${candidate.postName} of ${dayText(candidate.occurredOn)}`;

  return (
    <li className={candidate.dismissed ? 'duplicate duplicate-dismissed' : 'duplicate'}>
      <p>
        <Link to={`/incidents/${candidate.id}`}>
          {dayText(candidate.occurredOn)}, {candidate.postName} ({candidate.country})
        </Link>{' '}
        — {categoryName}; <LegalStatusTag status={candidate.legalStatus} />; {INCIDENT_STATUS_LABEL[candidate.status].toLowerCase()};{' '}
        <strong>{similarityText(candidate.score)}</strong>
        {candidate.dismissed && <span className="muted"> — marked not a duplicate</span>}
      </p>
      <p className="small candidate-summary">{excerpt(candidate.summary, 300)}</p>
      {canMerge && !candidate.dismissed && !merging && (
        <div className="page-actions">
          <button type="button" onClick={() => setMerging(true)} disabled={merge.isPending}>
            Merge…
          </button>
          <button type="button" onClick={() => dismiss.mutate()} disabled={dismiss.isPending}>
            Not a duplicate
          </button>
        </div>
      )}
      {merging && (
        <fieldset className="confirm merge-confirm">
          <legend>Merge the two incidents: which one survives?</legend>
          <label className="checkbox">
            <input type="radio" name={`survivor-${candidate.id}`} checked={survivor === 'candidate'} onChange={() => setSurvivor('candidate')} /> Keep{' '}
            {otherName}; {thisName} is merged into it
          </label>
          <label className="checkbox">
            <input type="radio" name={`survivor-${candidate.id}`} checked={survivor === 'this'} onChange={() => setSurvivor('this')} /> Keep {thisName};{' '}
            {otherName} is merged into it
          </label>
          <p className="small">
            The survivor keeps the sources of both. The merged one stays readable, points to the survivor, and the merge can be undone from it (Undo merge).
            Whoever merges adds to the survivor, so another person verifies it.
          </p>
          <button type="button" className="primary" disabled={merge.isPending} onClick={() => merge.mutate()}>
            Merge now
          </button>
          <button type="button" onClick={() => setMerging(false)}>
            Cancel
          </button>
        </fieldset>
      )}
      <ErrorAlert error={merge.error} action="Could not merge" />
      <ErrorAlert error={dismiss.error} action="Could not mark it as not a duplicate" />
    </li>
  );
}
