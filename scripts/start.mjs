#!/usr/bin/env node
// `npm start`: migrate the embedded database under ./data, load the demo district into an empty one and
// serve the API and the web app (built first when missing or stale) on http://localhost:3000 (PORT to change
// it, DATABASE_URL for PostgreSQL). TypeScript runs through tsx.
import { register } from 'tsx/esm/api';
import { ensureWebBuild } from './ensure-web-build.mjs';

await ensureWebBuild();
register();
const { Command } = await import('commander');
const { registerServeCommand } = await import('../packages/cli/src/commands/serve.ts');

const program = new Command('jixiao').exitOverride();
registerServeCommand(program);
await program.parseAsync(
  ['serve', '--demo', '--host', process.env.HOST ?? '0.0.0.0', '--port', process.env.PORT ?? '3000'],
  {
    from: 'user',
  },
);
