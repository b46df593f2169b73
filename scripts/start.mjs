#!/usr/bin/env node
// `npm start`: migrate the embedded database under ./data, load the demo district into an empty one and
// serve the API and the web app on http://localhost:3000 (PORT to change it, DATABASE_URL for PostgreSQL).
// The packages and the web app are built first when missing or stale; the server runs the compiled code.
import { build, buildIsStale } from './build.mjs';
import { ensureWebBuild } from './ensure-web-build.mjs';

if (buildIsStale()) {
  console.log('正在编译服务端（packages/*/dist）…');
  await build();
}
await ensureWebBuild();
const { main } = await import('../packages/cli/dist/main.js');
process.exitCode = await main([
  process.argv[0] ?? 'node',
  'jixiao',
  'serve',
  '--demo',
  '--host',
  process.env.HOST ?? '0.0.0.0',
  '--port',
  process.env.PORT ?? '3000',
]);
