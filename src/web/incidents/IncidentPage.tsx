import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { TIncident } from '../../shared/incidents';
import { apiSend } from '../ui/api';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { MarkingBanner, SyntheticLabel } from '../ui/Marking';
import { StatusBadge } from '../ui/StatusBadge';
import { ActivityTimeline } from '../workflow/ActivityTimeline';
import { DuplicatesPanel } from './DuplicatesPanel';
import { casualtiesText, GEO_PRECISION_LABEL, INCIDENT_FIELD_LABEL, INCIDENT_STATUS_LABEL, occurredText } from './incident-labels';
import { incidentPath, refreshIncident, useIncident } from './incident-queries';
import { IncidentActions } from './IncidentActions';
import { IncidentSources } from './IncidentSources';
import { LegalStatusPanel } from './LegalStatusPanel';
import { LegalStatusTag, ReliabilityTag } from './LegalStatusTag';
import { RevisionsPanel } from './RevisionsPanel';

export function IncidentPage() {
  const { id = '' } = useParams();
  const incident = useIncident(id);
  if (incident.isPending) return <p>Loading the incident…</p>;
  if (incident.isError) {
    return (
      <section>
        <h1>Incident</h1>
        <ErrorAlert error={incident.error} action="Could not load the incident" />
        <p>
          Back to <Link to="/incidents">all incidents</Link>.
        </p>
      </section>
    );
  }
  return <IncidentRecord incident={incident.data} />;
}

function IncidentRecord({ incident: i }: { incident: TIncident }) {
  const can = (action: string) => i.allowedActions.includes(action);
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/incidents">Incidents</Link> ›
      </p>
      <div className="page-heading">
        <h1>
          {i.categoryName}, {i.placeName}, {occurredText(i.occurredOn, i.timePrecision)}{' '}
          <StatusBadge status={i.status} label={INCIDENT_STATUS_LABEL[i.status]} />
        </h1>
        <IncidentActions incident={i} />
      </div>
      {i.mergedInto && <MergedBanner incident={i} />}
      {i.returned && (
        <div className="returned-notice" role="status" aria-label="Returned to draft">
          <p>
            <strong>
              Returned by {i.returned.by?.name ?? 'a verifier'} on {formatDateTime(i.returned.at)}:
            </strong>
          </p>
          <blockquote className="return-reason">{i.returned.reason}</blockquote>
          {can('update') && <p className="small">Change the draft as asked, then submit it again.</p>}
        </div>
      )}
      {i.status === 'draft' && can('submit') && (
        <p className="notice">Draft: submit it when it is complete; a second person at {i.postName} then verifies it against its sources.</p>
      )}
      {i.status === 'submitted' && !can('verify') && (
        <p className="notice">
          Submitted {formatDateTime(i.submittedAt)}: waiting for a verifier at {i.postName} who neither wrote, edited nor merged into it.
        </p>
      )}

      <article className="record" aria-label="Incident record">
        <MarkingBanner classification={i.classification} />
        {i.synthetic && (
          <p className="synthetic-note">
            <SyntheticLabel /> Made for demonstration: not a real event.
          </p>
        )}
        <p className="legal-status-line">
          <strong>Legal status:</strong> <LegalStatusTag status={i.legalStatus} />
        </p>
        <dl className="details">
          <dt>Category</dt>
          <dd>{i.categoryName}</dd>
          <dt>When</dt>
          <dd>{occurredText(i.occurredOn, i.timePrecision)}</dd>
          <dt>Where</dt>
          <dd>
            {i.placeName}, {i.countryName}{' '}
            <span className="muted small">
              ({GEO_PRECISION_LABEL[i.geoPrecision].toLowerCase()}
              {i.latitude !== null && i.longitude !== null ? `; ${i.latitude.toFixed(4)}, ${i.longitude.toFixed(4)}` : '; no coordinates'})
            </span>
          </dd>
          <dt>Post</dt>
          <dd>
            {i.postName} <span className="muted small">({i.post})</span>
          </dd>
          <dt>Casualties</dt>
          <dd>{casualtiesText(i.killed, i.injured)}</dd>
          <dt>Human rights</dt>
          <dd>{i.humanRightsRelevant ? 'Relevant to human rights reporting' : 'Not marked as relevant to human rights reporting'}</dd>
          <dt>Best source</dt>
          <dd>
            <ReliabilityTag reliability={i.bestReliability} />
          </dd>
          {i.allowedNames.length > 0 && (
            <>
              <dt>Officials named</dt>
              <dd>{i.allowedNames.join(', ')} (public officials in their role)</dd>
            </>
          )}
          <dt>Drafted by</dt>
          <dd>
            {i.draftedBy.name}, {formatDateTime(i.createdAt)}
          </dd>
          {i.submittedAt && (
            <>
              <dt>Submitted</dt>
              <dd>{formatDateTime(i.submittedAt)}</dd>
            </>
          )}
          {i.verifiedBy && (
            <>
              <dt>Verified by</dt>
              <dd>
                {i.verifiedBy.name}, {formatDateTime(i.verifiedAt)}
              </dd>
            </>
          )}
          {i.externalId && (
            <>
              <dt>Imported as</dt>
              <dd>{i.externalId}</dd>
            </>
          )}
          {i.mergedFrom.length > 0 && (
            <>
              <dt>Merged into this one</dt>
              <dd>
                {i.mergedFrom.map((other, index) => (
                  <span key={other}>
                    {index > 0 && ', '}
                    <Link to={`/incidents/${other}`}>incident {index + 1}</Link>
                  </span>
                ))}
              </dd>
            </>
          )}
        </dl>
        <h2>Summary</h2>
        <p className="prose">{i.summary}</p>
        <IncidentSources incident={i} />
        <LegalStatusPanel incident={i} />
        <MarkingBanner classification={i.classification} />
      </article>

      <DuplicatesPanel incident={i} />
      <RevisionsPanel incidentId={i.id} />
      <ActivityTimeline recordPath={incidentPath(i.id)} canComment={can('comment')} fieldLabels={INCIDENT_FIELD_LABEL} />
    </section>
  );
}

/** A merged incident says where its event is now, and can be restored. */
function MergedBanner({ incident }: { incident: TIncident }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const survivor = incident.mergedInto ?? '';
  const unmerge = useMutation({
    mutationFn: () => apiSend<TIncident>('POST', `${incidentPath(incident.id)}/unmerge`),
    onSuccess: (restored) => {
      refreshIncident(queryClient, incident.id, restored);
      refreshIncident(queryClient, survivor);
      void navigate(`/incidents/${restored.id}`);
    },
  });
  return (
    <div className="notice merged-notice" role="status" aria-label="Merged">
      <p>
        <strong>Merged:</strong> this incident was found to be the same event as <Link to={`/incidents/${survivor}`}>another incident</Link>, which now holds
        its sources. Read that one.
      </p>
      {incident.allowedActions.includes('unmerge') && (
        <ConfirmButton
          label="Undo merge"
          question="Undo the merge? This incident is restored on its own, with its own sources."
          confirmLabel="Undo merge now"
          pending={unmerge.isPending}
          onConfirm={() => unmerge.mutate()}
        />
      )}
      <ErrorAlert error={unmerge.error} action="Could not undo the merge" />
    </div>
  );
}
