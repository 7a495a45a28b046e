import type { MatrixArea } from '../testing/access-matrix';

export const contactsMatrix: MatrixArea = { entries: {} };
