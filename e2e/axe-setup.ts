import { afterEach } from 'vitest';
import { describeFindings, takeAxeFindings } from './axe-watch';

// Every browser test fails on a serious or critical accessibility violation on any page it
// visited (see axe-watch.ts), with the rule, the address and the elements to fix.
afterEach(async () => {
  const found = await takeAxeFindings();
  if (found.length > 0) throw new Error(`Accessibility violations on pages this test visited:\n${describeFindings(found)}`);
});
