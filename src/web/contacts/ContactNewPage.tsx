import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { TContact } from '../../shared/engagements';
import { usePost } from '../reference/reference-queries';
import { apiSend } from '../ui/api';
import { RequirePermission } from '../ui/RequirePermission';
import { useMe } from '../ui/session';
import { CONTACTS_PATH, refreshContacts } from './contact-queries';
import { ContactForm, type ContactDraft } from './ContactForm';

export function ContactNewPage() {
  return (
    <RequirePermission permission="records.draft" who="officers and approvers at a post">
      <NewContact />
    </RequirePermission>
  );
}

function NewContact() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const post = usePost(me.data?.user.post);
  const create = useMutation({
    mutationFn: (draft: ContactDraft) => apiSend<TContact>('POST', CONTACTS_PATH, draft),
    onSuccess: (created) => {
      refreshContacts(queryClient, created);
      void navigate(`/contacts/${created.id}`);
    },
  });

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/contacts">Contacts</Link> ›
      </p>
      <h1>New contact</h1>
      {post.isPending ? (
        <p>Loading your post…</p>
      ) : (
        <>
          <p className="muted">The contact is kept by {post.data?.name ?? 'your post'}: its officers and approvers may change it and merge duplicates.</p>
          <ContactForm
            initial={{
              name: '',
              title: '',
              organization: '',
              organizationType: 'ministry_of_interior',
              country: post.data?.country ?? '',
              classification: 'U',
            }}
            submitLabel="Add contact"
            pending={create.isPending}
            error={create.error}
            onSubmit={(draft) => create.mutate(draft)}
            onCancel={() => void navigate('/contacts')}
          />
        </>
      )}
    </section>
  );
}
