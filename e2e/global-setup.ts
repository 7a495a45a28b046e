import { buildWeb, webBuildIsStale } from '../src/cli/web-build';
import { findChromium } from './chromium';

export default async function setup(): Promise<void> {
  if (!findChromium()) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  if (webBuildIsStale()) await buildWeb();
}
