import { Link } from 'react-router';
import type { TContact } from '../../shared/engagements';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadMore } from '../ui/FilterForm';
import { ORGANIZATION_TYPE_LABEL } from '../ui/labels';
import { MarkingTag, SyntheticLabel } from '../ui/Marking';
import { RequirePermission } from '../ui/RequirePermission';
import { hasPermission, useMe } from '../ui/session';
import { usePagedList, useSearchFilters } from '../ui/use-filtered-list';
import { CONTACTS_PATH } from './contact-queries';
import { CONTACT_FILTERS, ContactFilters } from './ContactFilters';
import { TableScroll } from '../ui/TableScroll';

export function ContactsPage() {
  return (
    <RequirePermission permission="records.read" who="posts and headquarters staff">
      <Contacts />
    </RequirePermission>
  );
}

function Contacts() {
  const me = useMe();
  const search = useSearchFilters(CONTACT_FILTERS);
  const { filters, filtered } = search;
  // Officers and approvers keep their own post's contacts; nobody else records them.
  const atPost = Boolean(me.data?.user.post);
  const canCreate = atPost && hasPermission(me.data, 'records.draft');
  const { query: contacts, rows } = usePagedList<TContact>(
    ['contacts', 'directory'],
    CONTACTS_PATH,
    { ...filters, country: filters.country.toUpperCase() || undefined },
    { staleTime: 0 },
  );

  return (
    <section>
      <div className="page-heading">
        <h1>Contacts</h1>
        {canCreate && (
          <div className="page-actions">
            <Link to="/contacts/new" className="button primary">
              New contact
            </Link>
          </div>
        )}
      </div>
      <p className="muted">
        The officials {atPost ? 'your post meets' : 'posts meet'}, in their official capacity, with the engagements you may see. Open a contact for its history.
      </p>
      <ContactFilters filters={search} showPost={!atPost} />

      <ErrorAlert error={contacts.error} action="Could not load the contacts" />
      {contacts.isPending && <p>Loading contacts…</p>}
      {contacts.isSuccess && rows.length === 0 && <EmptyState filtered={filtered} canCreate={canCreate} clear={search.clear} />}
      {rows.length > 0 && <ContactTable rows={rows} />}
      <LoadMore query={contacts} />
    </section>
  );
}

function EmptyState({ filtered, canCreate, clear }: { filtered: boolean; canCreate: boolean; clear: () => void }) {
  if (filtered) {
    return (
      <div className="empty-state">
        <p>No contact matches these filters. Search for part of the name instead, or clear the filters.</p>
        <button type="button" className="link" onClick={clear}>
          Clear filters
        </button>
      </div>
    );
  }
  return (
    <div className="empty-state">
      {canCreate ? (
        <p>
          Your post has no contacts yet. Add the officials you meet with <Link to="/contacts/new">New contact</Link>, or while logging an engagement; they are
          then listed here with their engagements.
        </p>
      ) : (
        <p>No contacts you may see yet. Officers and approvers record their post’s contacts, and they appear here once recorded.</p>
      )}
    </div>
  );
}

function ContactTable({ rows }: { rows: TContact[] }) {
  return (
    <TableScroll label="Contacts">
      <table className="data-table">
        <caption className="visually-hidden">Contacts by name, with the engagements you may see</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Title and organization</th>
            <th scope="col">Country</th>
            <th scope="col">Post</th>
            <th scope="col" className="num">
              Engagements
            </th>
            <th scope="col">Marking</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((contact) => (
            <tr key={contact.id}>
              <td>
                <Link to={`/contacts/${contact.id}`}>{contact.name}</Link> {contact.synthetic && <SyntheticLabel />}
              </td>
              <td>
                {contact.title}, {contact.organization}
                <div className="muted small">{ORGANIZATION_TYPE_LABEL[contact.organizationType] ?? contact.organizationType}</div>
              </td>
              <td>
                {contact.countryName} <span className="muted small">{contact.country}</span>
              </td>
              <td>
                {contact.postName} <span className="muted small">{contact.post}</span>
              </td>
              <td className="num">{contact.engagementCount}</td>
              <td>
                <MarkingTag classification={contact.classification} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
