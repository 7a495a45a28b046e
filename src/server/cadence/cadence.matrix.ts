import type { MatrixArea } from '../testing/access-matrix';

export const cadenceMatrix: MatrixArea = { entries: {} };
