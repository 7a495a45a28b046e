import type { TContact } from '../../shared/engagements';
import type { TClearance } from '../../shared/identity';
import type { Actor } from '../identity/actor';
import { contactActions, type ContactScope } from './contact-policy';

export interface ContactRow extends ContactScope {
  id: string;
  name: string;
  title: string;
  organization: string;
  organizationType: string;
  countryAlpha2: string;
  countryName: string;
  postCode: string;
  postName: string;
  classification: TClearance;
  synthetic: boolean;
  engagementCount: number;
}

export function presentContact(row: ContactRow, viewer: Actor): TContact {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    organization: row.organization,
    organizationType: row.organizationType as TContact['organizationType'],
    country: row.countryAlpha2,
    countryName: row.countryName,
    post: row.postCode,
    postName: row.postName,
    classification: row.classification,
    synthetic: row.synthetic,
    engagementCount: row.engagementCount,
    allowedActions: contactActions(viewer, row),
  };
}
