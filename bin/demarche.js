#!/usr/bin/env node
// Runs the compiled server and CLI (dist/server/cli.js), building it first when it is missing
// or older than the sources (a fresh clone, a `git pull`): no TypeScript is transpiled while
// Demarche runs. Without esbuild (a broken install), the sources run through tsx instead.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildServer, SERVER_BUNDLE, serverBuildIsStale } from '../scripts/build-server.mjs';

let entry = SERVER_BUNDLE;
if (serverBuildIsStale()) {
  try {
    await buildServer();
  } catch (error) {
    process.stderr.write(`Could not compile the server (${error.message}); running the TypeScript sources.\n`);
    const { register } = await import('tsx/esm/api');
    register();
    entry = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  }
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv);
