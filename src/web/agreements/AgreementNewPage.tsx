import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TAgreement } from '../../shared/agreements';
import { apiSend } from '../ui/api';
import { RequirePermission } from '../ui/RequirePermission';
import { AGREEMENTS_PATH, refreshAgreement } from './agreement-queries';
import { AgreementForm, bodyOf, emptyAgreement } from './AgreementForm';

export function AgreementNewPage() {
  const [draft, setDraft] = useState(emptyAgreement);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => apiSend<TAgreement>('POST', AGREEMENTS_PATH, bodyOf(draft, true)),
    onSuccess: (saved) => {
      refreshAgreement(queryClient, saved);
      navigate(`/agreements/${saved.id}`);
    },
  });
  return (
    <RequirePermission permission="agreements.manage" who="headquarters analysts and directive authors">
      <section>
        <p className="breadcrumb">
          <Link to="/agreements">Agreements</Link> ›
        </p>
        <h1>Record an agreement</h1>
        <AgreementForm
          draft={draft}
          onChange={setDraft}
          creating
          error={create.error}
          pending={create.isPending}
          submitLabel="Record the agreement"
          onSubmit={() => create.mutate()}
        />
      </section>
    </RequirePermission>
  );
}
