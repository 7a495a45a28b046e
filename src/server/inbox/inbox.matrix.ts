import { signedIn, type MatrixArea } from '../testing/access-matrix';

/**
 * The home inbox is the reader's own: every signed-in user has one (an administrator's holds
 * their notifications alone), computed for them; inbox.test.ts checks what each section holds.
 */
export const inboxMatrix: MatrixArea = {
  entries: {
    'GET /api/v1/inbox': { expect: signedIn(200) },
  },
};
