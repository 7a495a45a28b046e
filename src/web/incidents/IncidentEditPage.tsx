import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TIncident } from '../../shared/incidents';
import { apiSend } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { draftOfIncident, incidentUpdateOf, type IncidentDraft } from './incident-draft';
import { occurredText } from './incident-labels';
import { incidentPath, refreshIncident, useIncident } from './incident-queries';
import { IncidentForm } from './IncidentForm';

export function IncidentEditPage() {
  const { id = '' } = useParams();
  const incident = useIncident(id);
  if (incident.isPending) return <p>Loading the incident…</p>;
  if (incident.isError) return <ErrorAlert error={incident.error} action="Could not load the incident" />;
  return <EditIncident incident={incident.data} />;
}

function EditIncident({ incident }: { incident: TIncident }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The draft the form started from: only what differs from it is sent.
  const [initial] = useState(() => draftOfIncident(incident));
  const save = useMutation({
    mutationFn: (draft: IncidentDraft) => apiSend<TIncident>('PATCH', incidentPath(incident.id), incidentUpdateOf(draft, initial)),
    onSuccess: (saved) => {
      refreshIncident(queryClient, incident.id, saved);
      void navigate(`/incidents/${incident.id}`);
    },
  });

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/incidents">Incidents</Link> ›{' '}
        <Link to={`/incidents/${incident.id}`}>
          {incident.placeName}, {occurredText(incident.occurredOn, incident.timePrecision)}
        </Link>{' '}
        ›
      </p>
      <h1>Edit the incident</h1>
      {!incident.allowedActions.includes('update') ? (
        <p>This incident can no longer be changed by you.</p>
      ) : (
        <>
          <p className="muted">Sources and the legal status are changed on the incident’s page.</p>
          <IncidentForm
            mode="edit"
            incidentId={incident.id}
            initial={initial}
            submitLabel="Save changes"
            pending={save.isPending}
            error={save.error}
            onSubmit={(draft) => save.mutate(draft)}
            onCancel={() => void navigate(`/incidents/${incident.id}`)}
          />
        </>
      )}
    </section>
  );
}
