/**
 * What the public portal's first visit downloads: the entry chunk of packages/web and every chunk it imports
 * statically (not the lazy ones: editor, engine, charts, signed-in pages), gzipped at level 9, read from the
 * vite build manifest; and the same for a published report opened from a link. Prints one JSON line and
 * writes bench/results/web-bundle.json. The baseline is the whole app's JavaScript in the same build.
 *
 *   npx tsx bench/web-bundle.bench.ts        (builds packages/web first when it is missing or stale)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../scripts/ensure-web-build.mjs';
import { BUDGET_KB, measureBundle } from './web-bundle.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
await ensureWebBuild();
const sizes = measureBundle(join(root, 'packages/web/dist'));
const result = {
  ...sizes,
  budgetKb: BUDGET_KB,
  withinBudget: Math.max(sizes.portalFirstLoadJsGzipKb, sizes.reportPageFirstLoadJsGzipKb) <= BUDGET_KB,
  firstLoadShareOfAllJs: Number((sizes.portalFirstLoadJsGzipKb / sizes.allJsGzipKb).toFixed(3)),
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/web-bundle.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result));
