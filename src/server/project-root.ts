import { fileURLToPath } from 'node:url';

/**
 * The package's folder. This file is two levels below it both as a source (src/server) and
 * compiled into dist/server/cli.js, so the same relative path works in either.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
