#!/usr/bin/env node
// Runs one TypeScript file (benchmarks, scripts) with tsx's loader.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const file = process.argv[2];
if (!file) {
  console.error('usage: run-ts FILE.ts [args...]');
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(path.resolve(file)).href);
