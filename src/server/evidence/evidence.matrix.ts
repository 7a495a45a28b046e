import { listsRecords } from '../engagements/engagements.matrix';
import type { MatrixArea } from '../testing/access-matrix';

/**
 * The evidence panel counts incidents for its reader, so it is for those who read records
 * (records.read); official statistics alone are open to everyone at GET /api/v1/statistics.
 */
export const evidenceMatrix: MatrixArea = {
  entries: {
    'GET /api/v1/evidence': { url: () => '/api/v1/evidence?country=DE', expect: listsRecords },
    'GET /api/v1/evidence/offence-groups': { expect: listsRecords },
  },
};
