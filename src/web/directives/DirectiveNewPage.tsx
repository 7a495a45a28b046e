import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TDirective, TDirectiveInput } from '../../shared/directives';
import { apiSend } from '../ui/api';
import { DirectiveForm } from './DirectiveForm';
import { RequirePermission } from '../ui/RequirePermission';
import { emptyDirective } from './directive-draft';
import { directiveKey } from './directive-queries';

export function DirectiveNewPage() {
  return (
    <RequirePermission permission="directives.issue" who="directive authors">
      <NewDirective />
    </RequirePermission>
  );
}

function NewDirective() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [initial] = useState(emptyDirective);
  const create = useMutation({
    mutationFn: (input: TDirectiveInput) => apiSend<TDirective>('POST', '/api/v1/directives', input),
    onSuccess: (directive) => {
      queryClient.setQueryData(directiveKey(directive.id), directive);
      void queryClient.invalidateQueries({ queryKey: ['directives'] });
      void navigate(`/directives/${directive.id}`);
    },
  });
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/directives">Directives</Link> ›
      </p>
      <h1>New directive</h1>
      <p className="muted">It is saved as a draft: you can change it until you issue it to the posts.</p>
      <DirectiveForm
        initial={initial}
        heading="Directive"
        submitLabel="Save draft"
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input)}
        onCancel={() => void navigate('/directives')}
      />
    </section>
  );
}
