import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TContact } from '../../shared/engagements';
import { SearchPicker } from '../ui/SearchPicker';
import { apiSend } from '../ui/api';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert } from '../ui/ErrorAlert';
import { contactPath, refreshContacts, useContact, usePostContacts } from './contact-queries';
import { ContactDetails } from './ContactDetails';
import type { MergedState } from './ContactPage';

export function ContactMergePage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  if (contact.isPending) return <p>Loading the contact…</p>;
  if (contact.isError) return <ErrorAlert error={contact.error} action="Could not load the contact" />;
  return <MergeContacts contact={contact.data} />;
}

/**
 * Merging two records of the same official: choose the duplicate, compare the two side by side
 * with the engagements each has for this reader, choose which one is kept, confirm, and land on it.
 */
function MergeContacts({ contact }: { contact: TContact }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const candidates = usePostContacts(contact.post);
  const [otherId, setOtherId] = useState('');
  const [keepThis, setKeepThis] = useState(true);
  const other = candidates.data?.find((candidate) => candidate.id === otherId);
  const kept = keepThis ? contact : other;
  const removed = keepThis ? other : contact;

  const merge = useMutation({
    // The contact in the path is kept; `duplicate` is merged into it.
    mutationFn: ({ keep, drop }: { keep: TContact; drop: TContact }) => apiSend<TContact>('POST', `${contactPath(keep.id)}/merge`, { duplicate: drop.id }),
    onSuccess: (survivor, { drop }) => {
      refreshContacts(queryClient, survivor);
      void navigate(`/contacts/${survivor.id}`, { state: { merged: drop.name } satisfies MergedState });
    },
  });

  const items = (candidates.data ?? [])
    .filter((candidate) => candidate.id !== contact.id)
    .map((candidate) => ({ id: candidate.id, name: candidate.name, detail: `${candidate.title}, ${candidate.organization}` }));

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/contacts">Contacts</Link> › <Link to={`/contacts/${contact.id}`}>{contact.name}</Link> ›
      </p>
      <h1>Merge a duplicate of {contact.name}</h1>
      {!contact.allowedActions.includes('merge') ? (
        <p>Only the officers and approvers of {contact.postName} merge its contacts.</p>
      ) : (
        <>
          <p className="muted">
            When the same official was recorded twice at {contact.postName}, merge the two: one is kept, the other’s engagements move to it, and the other
            disappears from the directory and from the engagement form. A merge cannot be undone.
          </p>
          <SearchPicker
            label="Duplicate"
            items={items}
            loading={candidates.isPending}
            value={otherId}
            onChange={setOtherId}
            placeholder="Type part of the name"
            description={`Another contact of ${contact.postName} for the same official`}
          />
          <ErrorAlert error={candidates.error} action="Could not load the post’s contacts" />
          {candidates.isSuccess && items.length === 0 && <p className="empty-state">{contact.postName} has no other contact to merge with this one.</p>}
          {other && kept && removed && (
            <>
              <fieldset className="merge-survivor">
                <legend>Which one is kept?</legend>
                <label className="checkbox">
                  <input type="radio" name="survivor" checked={keepThis} onChange={() => setKeepThis(true)} /> Keep {contact.name} ({contact.title})
                </label>
                <label className="checkbox">
                  <input type="radio" name="survivor" checked={!keepThis} onChange={() => setKeepThis(false)} /> Keep {other.name} ({other.title})
                </label>
              </fieldset>
              <div className="contact-pair">
                <MergeSide contact={kept} side="kept" />
                <MergeSide contact={removed} side="merged" />
              </div>
              <p>
                <strong>{kept.name}</strong> keeps its own name, title, organization, country and marking. The engagements of <strong>{removed.name}</strong> (
                {removed.engagementCount} you may see, and any you may not) will cite {kept.name} instead; an engagement that cites both cites it once.
              </p>
              <ConfirmButton
                label="Merge…"
                question={`Merge ${removed.name} into ${kept.name}? This cannot be undone.`}
                confirmLabel="Merge now"
                primary
                pending={merge.isPending}
                onConfirm={() => merge.mutate({ keep: kept, drop: removed })}
              />
              <ErrorAlert error={merge.error} action="Could not merge" />
            </>
          )}
        </>
      )}
    </section>
  );
}

function MergeSide({ contact, side }: { contact: TContact; side: 'kept' | 'merged' }) {
  const heading = side === 'kept' ? 'Kept' : 'Merged into it, then removed';
  return (
    <section className={`contact-side contact-side-${side}`} aria-label={`${heading}: ${contact.name}`}>
      <h2>{heading}</h2>
      <ContactDetails contact={contact} />
    </section>
  );
}
