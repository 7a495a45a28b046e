import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { TEngagement, TEngagementInput } from '../../shared/engagements';
import { apiSend } from '../ui/api';
import { EngagementForm } from './EngagementForm';
import { ErrorAlert } from '../ui/ErrorAlert';
import { draftOfEngagement } from './engagement-draft';
import { engagementKey, useEngagement } from './engagement-queries';

export function EngagementEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const engagement = useEngagement(id);
  const save = useMutation({
    mutationFn: (input: TEngagementInput) => apiSend<TEngagement>('PATCH', `/api/v1/engagements/${encodeURIComponent(id)}`, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(engagementKey(id), saved);
      void queryClient.invalidateQueries({ queryKey: ['engagements'] });
      void queryClient.invalidateQueries({ queryKey: ['comparison', id] });
      void navigate(`/engagements/${id}`);
    },
  });

  if (engagement.isPending) return <p>Loading the engagement…</p>;
  if (engagement.isError) return <ErrorAlert error={engagement.error} action="Could not load the engagement" />;
  const e = engagement.data;
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/engagements">Engagements</Link> › <Link to={`/engagements/${id}`}>This engagement</Link> ›
      </p>
      <h1>Edit the engagement</h1>
      {!e.allowedActions.includes('update') ? (
        <p>This engagement can no longer be changed by you.</p>
      ) : (
        <EngagementForm
          post={e.post}
          postCountry={e.country}
          initial={draftOfEngagement(e)}
          submitLabel="Save changes"
          pending={save.isPending}
          error={save.error}
          onSubmit={(input) => save.mutate(input)}
          onCancel={() => void navigate(`/engagements/${id}`)}
        />
      )}
    </section>
  );
}
