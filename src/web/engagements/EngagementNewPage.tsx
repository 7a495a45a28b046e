import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TEngagement, TEngagementInput } from '../../shared/engagements';
import { apiSend } from '../ui/api';
import { EngagementForm } from './EngagementForm';
import { ErrorAlert } from '../ui/ErrorAlert';
import { RequirePermission } from '../ui/RequirePermission';
import { useDirective } from '../directives/directive-queries';
import { emptyEngagement } from './engagement-draft';
import { engagementKey } from './engagement-queries';
import { usePost } from '../reference/reference-queries';
import { useMe } from '../ui/session';

export function EngagementNewPage() {
  return (
    <RequirePermission permission="records.draft" who="officers and approvers at a post">
      <NewEngagement />
    </RequirePermission>
  );
}

function NewEngagement() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  // From a directive's page (?directive=), a contact's (?contact=), or the list (neither: chosen in the form).
  const directiveId = params.get('directive');
  const contactId = params.get('contact');
  const directive = useDirective(directiveId ?? undefined);
  const postCode = me.data?.user.post ?? null;
  const post = usePost(postCode);

  const create = useMutation({
    mutationFn: (input: TEngagementInput) => apiSend<TEngagement>('POST', '/api/v1/engagements', input),
    onSuccess: (engagement) => {
      queryClient.setQueryData(engagementKey(engagement.id), engagement);
      void queryClient.invalidateQueries({ queryKey: ['engagements'] });
      void navigate(`/engagements/${engagement.id}`);
    },
  });

  const ready = (!directiveId || !directive.isPending) && (!postCode || !post.isPending);
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/engagements">Engagements</Link> ›
        {directive.data && (
          <>
            {' '}
            <Link to={`/directives/${directive.data.id}`}>{directive.data.reference}</Link> ›
          </>
        )}
      </p>
      <h1>Log an engagement</h1>
      <p className="muted">
        {post.data ? `${post.data.name}. ` : ''}It is saved as a draft; submit it when it is complete, and an approver at your post approves it.
      </p>
      {directive.isError && <ErrorAlert error={directive.error} action="Could not load the directive" />}
      {!ready && <p>Loading…</p>}
      {ready && (
        <EngagementForm
          post={postCode}
          postCountry={post.data?.country ?? ''}
          initial={{
            ...emptyEngagement(directive.data?.id ?? null, directive.data?.classification ?? 'U'),
            contacts: contactId ? [contactId] : [],
          }}
          submitLabel="Save draft"
          pending={create.isPending}
          error={create.error}
          onSubmit={(input) => create.mutate(input)}
          onCancel={() => void navigate(directiveId ? `/directives/${directiveId}` : '/engagements')}
        />
      )}
    </section>
  );
}
