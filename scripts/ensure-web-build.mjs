// Builds the browser app (packages/web → packages/web/dist) when the build is missing or older than any of
// its sources (the web app's own files and the engine it bundles from packages/core). `npm start` runs this.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'packages/web');
const builtIndex = join(web, 'dist/index.html');

const newestMtime = (path) => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
};

export const webBuildIsStale = () => {
  if (!existsSync(builtIndex)) return true;
  const sources = [
    join(web, 'src'),
    join(web, 'index.html'),
    join(web, 'vite.config.ts'),
    join(web, 'package.json'),
    join(root, 'packages/core/src'),
  ];
  const built = statSync(builtIndex).mtimeMs;
  return sources.some((source) => newestMtime(source) > built);
};

export const ensureWebBuild = async () => {
  if (!webBuildIsStale()) return false;
  console.log('正在构建网页端（packages/web）…');
  const { build } = await import('vite');
  // Vite takes NODE_ENV over the build mode, and vitest sets it to "test": without this, the browser tests (whose
  // global setup builds the app) would run React's and antd's development builds, several times slower.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: web, configFile: join(web, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await ensureWebBuild();
