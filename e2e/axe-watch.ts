import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext } from 'playwright-core';

/**
 * Accessibility on every page a browser test visits, not only where a test remembers to ask.
 *
 * Every context the test browser opens gets axe-core and a watcher: once the page has been
 * still for a moment, the watcher runs axe on it and reports violations of serious or critical
 * impact to the test process. It checks each address again when its content has changed much
 * since (a list that loaded, a dialog that opened), a few times at most. After each test the
 * setup file (axe-setup.ts) checks the pages still open and fails the test on any finding.
 * `expectAccessible` remains for the states a test wants checked at a precise moment.
 */

/** The rule sets the checks use: WCAG 2.1 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface AxeFinding {
  url: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Runs in the page. axe is kept in a private binding, so an explicit check (which injects its own
// copy as window.axe) and the watcher never share a running instance.
const WATCHER = `
(() => {
  if (window.top !== window || !window.axe) return;
  const axe = window.axe;
  const TAGS = ${JSON.stringify(AXE_TAGS)};
  const QUIET_MS = 500;
  const MAX_CHECKS_PER_ADDRESS = 4;
  const checked = new Map();
  let timer;
  let running = null;
  const address = () => location.pathname + location.search;
  const size = () => document.getElementsByTagName('*').length;
  const due = () => {
    if (!document.body || !document.querySelector('main, [role="main"], form, h1')) return false;
    const last = checked.get(address());
    if (!last) return true;
    return last.count < MAX_CHECKS_PER_ADDRESS && Math.abs(size() - last.size) > Math.max(20, last.size * 0.2);
  };
  const check = async () => {
    if (running) return running;
    if (!due()) return;
    const at = address();
    running = (async () => {
      try {
        const before = size();
        const result = await axe.run(document, { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] });
        if (address() !== at) return; // the page moved during the run: its new state gets its own check
        const last = checked.get(at);
        checked.set(at, { size: before, count: (last ? last.count : 0) + 1 });
        const findings = result.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => ({
            url: location.href,
            rule: violation.id,
            impact: violation.impact,
            help: violation.help,
            targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
          }));
        if (findings.length > 0) await window.__demarcheAxeReport(findings);
      } catch (error) {
        // A page torn down mid-run (navigation, closed context) has nothing left to check.
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(check, QUIET_MS);
  };
  new MutationObserver(schedule).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.addEventListener('popstate', schedule);
  window.__demarcheAxeCheckNow = async () => {
    clearTimeout(timer);
    await running;
    await check();
  };
})();
`;

const findings: AxeFinding[] = [];
const watched = new Set<BrowserContext>();

async function watch(context: BrowserContext): Promise<void> {
  watched.add(context);
  context.on('close', () => watched.delete(context));
  await context.exposeBinding('__demarcheAxeReport', (_source, reported: AxeFinding[]) => {
    findings.push(...reported);
  });
  await context.addInitScript({ content: `${AXE_SOURCE}\n${WATCHER}` });
}

/** Makes every context this browser opens watched (newPage opens its context through newContext). */
export function watchAccessibility(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watch(context);
    return context;
  };
  return browser;
}

/** Checks the pages still open, then returns and forgets what the watcher found since the last call. */
export async function takeAxeFindings(): Promise<AxeFinding[]> {
  for (const context of watched) {
    for (const page of context.pages()) {
      if (page.isClosed()) continue;
      await page.evaluate(() => (window as unknown as { __demarcheAxeCheckNow?: () => Promise<void> }).__demarcheAxeCheckNow?.()).catch(() => undefined);
    }
  }
  return findings.splice(0, findings.length);
}

/** The findings as one message per rule and address, the way a person would fix them. */
export function describeFindings(found: AxeFinding[]): string {
  const seen = new Map<string, AxeFinding>();
  for (const finding of found) {
    const path = new URL(finding.url).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
    const key = `${finding.rule} ${path}`;
    if (!seen.has(key)) seen.set(key, { ...finding, url: path });
  }
  return [...seen.values()]
    .map((finding) => `${finding.rule} (${finding.impact}) on ${finding.url}: ${finding.help} — ${finding.targets.join(', ')}`)
    .join('\n');
}
