import type { TContact } from '../../shared/engagements';
import { ORGANIZATION_TYPE_LABEL } from '../ui/labels';
import { MarkingTag } from '../ui/Marking';

/** "1 engagement you may see", "3 engagements you may see". */
export function engagementCountText(count: number): string {
  return `${count} engagement${count === 1 ? '' : 's'} you may see`;
}

/** A contact's fields, as the contact page and each side of the merge screen show them. */
export function ContactDetails({ contact }: { contact: TContact }) {
  return (
    <dl className="details">
      <dt>Name</dt>
      <dd>{contact.name}</dd>
      <dt>Title</dt>
      <dd>{contact.title}</dd>
      <dt>Organization</dt>
      <dd>{contact.organization}</dd>
      <dt>Organization type</dt>
      <dd>{ORGANIZATION_TYPE_LABEL[contact.organizationType] ?? contact.organizationType}</dd>
      <dt>Country</dt>
      <dd>
        {contact.countryName} <span className="muted small">({contact.country})</span>
      </dd>
      <dt>Kept by</dt>
      <dd>
        {contact.postName} <span className="muted small">({contact.post})</span>
      </dd>
      <dt>Marking</dt>
      <dd>
        <MarkingTag classification={contact.classification} />
      </dd>
      <dt>Engagements</dt>
      <dd>{engagementCountText(contact.engagementCount)}</dd>
    </dl>
  );
}
