import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { TContact } from '../../shared/engagements';
import { apiSend } from '../ui/api';
import { ErrorAlert } from '../ui/ErrorAlert';
import { contactPath, refreshContacts, useContact } from './contact-queries';
import { ContactForm, contactChanges, draftOfContact, type ContactDraft } from './ContactForm';

export function ContactEditPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  if (contact.isPending) return <p>Loading the contact…</p>;
  if (contact.isError) return <ErrorAlert error={contact.error} action="Could not load the contact" />;
  return <EditContact contact={contact.data} />;
}

function EditContact({ contact }: { contact: TContact }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [initial] = useState(() => draftOfContact(contact));
  const save = useMutation({
    mutationFn: (draft: ContactDraft) => apiSend<TContact>('PATCH', contactPath(contact.id), contactChanges(draft, initial)),
    onSuccess: (saved) => {
      refreshContacts(queryClient, saved);
      void navigate(`/contacts/${contact.id}`);
    },
  });

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/contacts">Contacts</Link> › <Link to={`/contacts/${contact.id}`}>{contact.name}</Link> ›
      </p>
      <h1>Edit the contact</h1>
      {contact.allowedActions.includes('update') ? (
        <ContactForm
          initial={initial}
          submitLabel="Save changes"
          pending={save.isPending}
          error={save.error}
          onSubmit={(draft) => save.mutate(draft)}
          onCancel={() => void navigate(`/contacts/${contact.id}`)}
        />
      ) : (
        <p>Only the officers and approvers of {contact.postName} change this contact.</p>
      )}
    </section>
  );
}
