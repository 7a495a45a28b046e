import type { TPost } from '../../shared/reference';

export const POST_KIND_LABEL: Record<TPost['kind'], string> = {
  embassy: 'Embassy',
  consulate_general: 'Consulate general',
  consulate: 'Consulate',
  mission: 'Mission',
  office: 'Office',
};
