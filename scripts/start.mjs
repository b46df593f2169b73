#!/usr/bin/env node
// `npm start`: migrate the embedded database under ./data, load the demo district into an empty one and
// serve on http://localhost:3000 (PORT to change it, DATABASE_URL for PostgreSQL). TypeScript runs through tsx.
import { register } from 'tsx/esm/api';

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
