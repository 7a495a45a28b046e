import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { TDirective, TDirectiveInput } from '../../shared/directives';
import { apiSend } from '../ui/api';
import { DirectiveForm } from './DirectiveForm';
import { ErrorAlert } from '../ui/ErrorAlert';
import { draftOf } from './directive-draft';
import { directiveKey, useDirective } from './directive-queries';

export function DirectiveEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const directive = useDirective(id);
  const save = useMutation({
    mutationFn: (input: TDirectiveInput) => apiSend<TDirective>('PATCH', `/api/v1/directives/${encodeURIComponent(id)}`, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(directiveKey(id), saved);
      void queryClient.invalidateQueries({ queryKey: ['directives'] });
      void navigate(`/directives/${id}`);
    },
  });

  if (directive.isPending) return <p>Loading the directive…</p>;
  if (directive.isError) return <ErrorAlert error={directive.error} action="Could not load the directive" />;
  const d = directive.data;
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/directives">Directives</Link> › <Link to={`/directives/${id}`}>{d.reference}</Link> ›
      </p>
      <h1>Edit {d.reference}</h1>
      {!d.allowedActions.includes('update') ? (
        <p>This directive can no longer be changed: only a draft can. Write a new directive that supersedes it instead.</p>
      ) : (
        <>
          <p className="muted">Addressees are kept as chosen: a bureau or a country stands for all its posts, as they are when the directive is issued.</p>
          <DirectiveForm
            initial={draftOf(d)}
            heading="Directive"
            submitLabel="Save changes"
            pending={save.isPending}
            error={save.error}
            onSubmit={(input) => save.mutate(input)}
            onCancel={() => void navigate(`/directives/${id}`)}
          />
        </>
      )}
    </section>
  );
}
