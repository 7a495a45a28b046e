import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TAgreement } from '../../shared/agreements';
import { ErrorAlert } from '../ui/ErrorAlert';
import { agreementName } from './agreement-labels';
import { useAgreement, useAgreementWrite } from './agreement-queries';
import { AgreementForm, bodyOf, draftOf } from './AgreementForm';

export function AgreementEditPage() {
  const { id = '' } = useParams();
  const agreement = useAgreement(id);
  if (agreement.isPending) return <p>Loading the agreement…</p>;
  if (agreement.isError) return <ErrorAlert error={agreement.error} action="Could not load the agreement" />;
  return <EditForm agreement={agreement.data} />;
}

function EditForm({ agreement }: { agreement: TAgreement }) {
  const [draft, setDraft] = useState(() => draftOf(agreement));
  const navigate = useNavigate();
  const save = useAgreementWrite(agreement.id);
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/agreements">Agreements</Link> › <Link to={`/agreements/${agreement.id}`}>{agreementName(agreement)}</Link> ›
      </p>
      <h1>Edit {agreementName(agreement)}</h1>
      <p className="muted">The counterpart does not change, and the stage moves from the agreement’s page or the board.</p>
      <AgreementForm
        draft={draft}
        onChange={setDraft}
        creating={false}
        error={save.error}
        pending={save.isPending}
        submitLabel="Save the agreement"
        onSubmit={() => save.mutate({ method: 'PATCH', path: '', body: bodyOf(draft, false) }, { onSuccess: () => navigate(`/agreements/${agreement.id}`) })}
      />
    </section>
  );
}
