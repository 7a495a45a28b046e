import { Link, useLocation, useParams } from 'react-router';
import type { TContact } from '../../shared/engagements';
import { ErrorAlert } from '../ui/ErrorAlert';
import { MarkingBanner, SyntheticLabel } from '../ui/Marking';
import { useContact } from './contact-queries';
import { ContactDetails } from './ContactDetails';
import { ContactHistory } from './ContactHistory';

/** What the merge screen tells the contact page it lands on. */
export interface MergedState {
  merged: string;
}

export function ContactPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  if (contact.isPending) return <p>Loading the contact…</p>;
  if (contact.isError) {
    return (
      <section>
        <h1>Contact</h1>
        <ErrorAlert error={contact.error} action="Could not load the contact" />
        <p>
          Back to <Link to="/contacts">all contacts</Link>.
        </p>
      </section>
    );
  }
  return <ContactRecord contact={contact.data} />;
}

function ContactRecord({ contact }: { contact: TContact }) {
  const merged = (useLocation().state as MergedState | null)?.merged;
  const can = (action: string) => contact.allowedActions.includes(action);
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/contacts">Contacts</Link> ›
      </p>
      <div className="page-heading">
        <h1>{contact.name}</h1>
        <div className="page-actions">
          {can('update') && (
            <Link to={`/contacts/${contact.id}/edit`} className="button">
              Edit
            </Link>
          )}
          {can('merge') && (
            <Link to={`/contacts/${contact.id}/merge`} className="button">
              Merge a duplicate
            </Link>
          )}
        </div>
      </div>
      {merged && (
        <p className="notice" role="status">
          {merged} was merged into this contact: its engagements are listed below.
        </p>
      )}
      <article className="record" aria-label="Contact">
        <MarkingBanner classification={contact.classification} />
        {contact.synthetic && (
          <p className="synthetic-note">
            <SyntheticLabel /> Made for demonstration: not a real person.
          </p>
        )}
        <p>
          {contact.title}, {contact.organization}
        </p>
        <ContactDetails contact={contact} />
      </article>
      <ContactHistory contact={contact} />
    </section>
  );
}
