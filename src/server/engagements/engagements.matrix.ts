import type { MatrixArea } from '../testing/access-matrix';

export const engagementsMatrix: MatrixArea = { entries: {} };
