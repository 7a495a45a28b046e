import type { MatrixArea } from '../testing/access-matrix';

export const directivesMatrix: MatrixArea = { entries: {} };
