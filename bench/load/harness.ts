import { type ChildProcess, fork } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = `${ROOT}bin/demarche.js`;
const HOOK = new URL('./profiler-hook.mjs', import.meta.url).href;
const BARE = fileURLToPath(new URL('./bare-server.mjs', import.meta.url));

export interface Served {
  url: string;
  /** A cheap path that answers once the server is up. */
  readyPath: string;
  child: ChildProcess;
  /** The process's resident memory, in bytes (asked over IPC). */
  rss(): Promise<number>;
  /** Its memory as Node counts it: resident, the JavaScript heap in use, and memory outside the heap (buffers). */
  memory(): Promise<{ rss: number; heapUsed: number; external: number }>;
  request<T>(message: { type: string; [key: string]: unknown }, answer: string): Promise<T>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function serve(script: string, args: string[], env: Record<string, string>, readyPath: string, execArgv: string[]): Promise<Served> {
  return freePort().then(async (port) => {
    const url = `http://127.0.0.1:${port}`;
    // Logs go where a production deployment would send them: a file (BENCH_LOG_FILE) or nowhere.
    const out = openSync(process.env.BENCH_LOG_FILE ?? '/dev/null', 'w');
    const child = fork(script, args, {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      execArgv,
      stdio: ['ignore', out, 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 600_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}) before listening:\n${stderr}`);
      const ok = await fetch(`${url}${readyPath}`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`${script} did not answer ${readyPath}:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const request = <T>(message: { type: string }, answer: string) =>
      new Promise<T>((resolve) => {
        const listener = (reply: { type: string }) => {
          if (reply?.type !== answer) return;
          child.off('message', listener);
          resolve(reply as T);
        };
        child.on('message', listener);
        child.send(message);
      });
    return {
      url,
      readyPath,
      child,
      request,
      rss: async () => (await request<{ rss: number }>({ type: 'memory' }, 'memory')).rss,
      memory: () => request<{ rss: number; heapUsed: number; external: number }>({ type: 'memory' }, 'memory'),
      async stop() {
        child.kill('SIGTERM');
        await exited;
      },
    };
  });
}

/** Demarche as `npm start` runs it (bin/demarche.js serve), web role only, with the profiler hook. */
export function serveDemarche(env: Record<string, string>): Promise<Served> {
  return serve(BIN, ['serve', '--no-build', '--role', 'web'], { LOG_LEVEL: 'info', ...env }, '/api/health', ['--import', HOOK]);
}

/** The baseline: a bare Fastify route returning a small JSON. */
/** The bare routes; given the app's DATABASE_URL, also the bare route with one query (`/bare-query`). */
export function serveBare(env: Record<string, string> = {}): Promise<Served> {
  return serve(BARE, [], env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}, '/bare', ['--import', HOOK]);
}

/** Signs in through the API and returns the session cookie. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('demarche_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0]!;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Peak resident memory of the server during the run, in bytes. */
  peakRss: number;
}

/** `connections` clients requesting `path` for `seconds`, while the server's RSS is sampled. */
export async function load(server: Served, path: string, options: { cookie?: string; connections: number; seconds: number }): Promise<LoadResult> {
  let peakRss = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakRss = Math.max(peakRss, await server.rss());
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const result = await autocannon({
    url: `${server.url}${path}`,
    connections: options.connections,
    duration: options.seconds,
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
  sampling = false;
  await sampler;
  await settle(server);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    peakRss,
  };
}

/**
 * Waits until the server has finished the requests the clients abandoned when the run ended
 * (a slow endpoint leaves up to `connections` of them): the next run must not pay for them.
 * Settled = two health checks in a row answer quickly.
 */
async function settle(server: Served): Promise<void> {
  const deadline = Date.now() + 180_000;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const started = performance.now();
    await fetch(`${server.url}${server.readyPath}`).then(
      (response) => response.arrayBuffer(),
      () => undefined,
    );
    quick = performance.now() - started < 50 ? quick + 1 : 0;
    if (quick < 2) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
