#!/usr/bin/env node
// `npm test`: the unit and integration tests on PGlite, then on PostgreSQL and in Chromium
// when those are available. With CI=true a missing PostgreSQL or Chromium is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const DEFAULT_PG = 'postgresql://postgres@127.0.0.1:5432/postgres';
const RESULTS = '.vitest-results';
const extraArgs = process.argv.slice(2);

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const runs = [];
let failed = false;

function vitest(label, args, env) {
  console.log(`\n=== ${label} ===`);
  const output = path.join(RESULTS, `${label.replace(/\W+/g, '-')}.json`);
  const result = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${output}`, ...args, ...extraArgs],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  let counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(output)) {
    const json = JSON.parse(readFileSync(output, 'utf8'));
    counts = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
  }
  if (result.status !== 0) {
    failed = true;
    if (counts.failed === 0) counts.failed = 1; // a crash or a failed setup counts as a failure
  }
  runs.push({ label, ...counts });
}

function skip(label, reason) {
  if (CI) {
    console.error(`\n=== ${label}: FAILED — ${reason} (CI=true requires it) ===`);
    failed = true;
    runs.push({ label, passed: 0, failed: 1, skipped: 0 });
  } else {
    console.log(`\n=== ${label}: skipped — ${reason} ===`);
  }
}

async function postgresAvailable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function chromiumPath() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
}

// Server dates are UTC whatever the machine's zone: each database's run uses a zone far from UTC
// (one ahead of it by 14 hours, one behind with daylight-saving time), so a local-time slip fails.
vitest('unit and integration on PGlite', [], { TEST_DATABASE_URL: '', TZ: 'Pacific/Kiritimati' });

const pgUrl = process.env.TEST_DATABASE_URL || DEFAULT_PG;
if (await postgresAvailable(pgUrl)) vitest('unit and integration on PostgreSQL', [], { TEST_DATABASE_URL: pgUrl, TZ: 'America/Los_Angeles' });
else skip('unit and integration on PostgreSQL', `no PostgreSQL answers at ${pgUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')} (set TEST_DATABASE_URL)`);

if (chromiumPath()) vitest('browser (Playwright + Chromium)', ['--config', 'vitest.e2e.config.ts'], { TEST_DATABASE_URL: '' });
else skip('browser (Playwright + Chromium)', 'Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');

console.log('\nSummary');
for (const run of runs) console.log(`  ${run.label}: ${run.passed} passed, ${run.failed} failed, ${run.skipped} skipped`);
const total = runs.reduce((sum, run) => ({ passed: sum.passed + run.passed, failed: sum.failed + run.failed, skipped: sum.skipped + run.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failed ? 1 : 0);
