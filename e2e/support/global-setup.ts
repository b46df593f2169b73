import { build } from '../../scripts/build.mjs';
import { ensureWebBuild } from '../../scripts/ensure-web-build.mjs';

/**
 * Builds the compiled packages (the CLI tests run the real `jixiao` bin) and the web app once before any test
 * file runs: parallel files must never race on one dist.
 */
export default async function setup(): Promise<void> {
  await build();
  await ensureWebBuild();
}
