import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { TIncident } from '../../shared/incidents';
import { usePost } from '../reference/reference-queries';
import { apiSend } from '../ui/api';
import { RequirePermission } from '../ui/RequirePermission';
import { useMe } from '../ui/session';
import { emptyIncident, incidentInputOf, type IncidentDraft } from './incident-draft';
import { INCIDENTS_PATH, incidentKey } from './incident-queries';
import { IncidentForm } from './IncidentForm';

export function IncidentNewPage() {
  return (
    <RequirePermission permission="records.draft" who="officers and approvers at a post">
      <NewIncident />
    </RequirePermission>
  );
}

function NewIncident() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const postCode = me.data?.user.post ?? null;
  const post = usePost(postCode);

  const create = useMutation({
    mutationFn: (draft: IncidentDraft) => apiSend<TIncident>('POST', INCIDENTS_PATH, incidentInputOf(draft)),
    onSuccess: (incident) => {
      queryClient.setQueryData(incidentKey(incident.id), incident);
      void queryClient.invalidateQueries({ queryKey: ['incidents'] });
      void navigate(`/incidents/${incident.id}`);
    },
  });

  const ready = !postCode || !post.isPending;
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/incidents">Incidents</Link> ›
      </p>
      <h1>File an incident</h1>
      <p className="muted">
        {post.data ? `${post.data.name}. ` : ''}It is saved as a draft; submit it when it is complete, and a second person at your post verifies it against its
        sources.
      </p>
      {!ready && <p>Loading…</p>}
      {ready && (
        <IncidentForm
          mode="create"
          initial={emptyIncident(post.data?.country ?? '')}
          submitLabel="Save draft"
          pending={create.isPending}
          error={create.error}
          onSubmit={(draft) => create.mutate(draft)}
          onCancel={() => void navigate('/incidents')}
        />
      )}
    </section>
  );
}
