import { ensureWebBuild } from '../../scripts/ensure-web-build.mjs';

/** Builds the web app once before any test file runs: parallel files must never race on one dist. */
export default async function setup(): Promise<void> {
  await ensureWebBuild();
}
