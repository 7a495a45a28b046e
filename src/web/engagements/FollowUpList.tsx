import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TEngagement } from '../../shared/engagements';
import { refreshInbox } from '../inbox/inbox-queries';
import { apiSend } from '../ui/api';
import { engagementKey } from './engagement-queries';
import { formatDay, today } from '../ui/labels';
import { ErrorAlert } from '../ui/ErrorAlert';

/** The engagement's follow-ups, each ticked off when done. */
export function FollowUpList({ engagement, canToggle }: { engagement: TEngagement; canToggle: boolean }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) =>
      apiSend<unknown>('PATCH', `/api/v1/engagements/${encodeURIComponent(engagement.id)}/follow-ups/${encodeURIComponent(id)}`, { done }),
    onSuccess: (result, { id, done }) => {
      // The server answers the follow-up or the engagement; either way the list shows the new state.
      if (result && typeof result === 'object' && 'followUps' in result) queryClient.setQueryData(engagementKey(engagement.id), result);
      else
        queryClient.setQueryData<TEngagement>(engagementKey(engagement.id), (current) =>
          current ? { ...current, followUps: current.followUps.map((f) => (f.id === id ? { ...f, done } : f)) } : current,
        );
      void queryClient.invalidateQueries({ queryKey: engagementKey(engagement.id) });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      refreshInbox(queryClient);
    },
  });
  const now = today();

  return (
    <section aria-labelledby="follow-ups-heading">
      <h2 id="follow-ups-heading">Follow-ups</h2>
      <ErrorAlert error={toggle.error} action="Could not change the follow-up" />
      {engagement.followUps.length === 0 ? (
        <p className="muted">No follow-ups.</p>
      ) : (
        <table className="data-table" aria-label="Follow-ups">
          <thead>
            <tr>
              <th scope="col">Done</th>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {engagement.followUps.map((followUp) => {
              const late = !followUp.done && followUp.dueDate.slice(0, 10) < now;
              return (
                <tr key={followUp.id} className={followUp.done ? 'row-done' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Done: ${followUp.action}`}
                      checked={followUp.done}
                      disabled={!canToggle || toggle.isPending}
                      onChange={(event) => toggle.mutate({ id: followUp.id, done: event.target.checked })}
                    />
                  </td>
                  <td>{followUp.action}</td>
                  <td>{followUp.ownerName ?? '—'}</td>
                  <td>
                    {formatDay(followUp.dueDate)}
                    {late && <span className="status-badge status-overdue">Overdue</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
