/**
 * A server process for the load benchmark, so the load generator never shares its event loop:
 *   node --import tsx bench/support/serve-for-load.ts app  PORT   (the real app on DATABASE_URL, web app built)
 *   node --import tsx bench/support/serve-for-load.ts bare PORT   (a bare Fastify route: the baseline)
 * Prints "ready" once listening; logs nothing per request (as production runs at info level, no access log).
 */
import { startServer } from '@jixiao/server';
import Fastify from 'fastify';

const [mode, portText] = process.argv.slice(2);
const port = Number(portText);

if (mode === 'bare') {
  const bare = Fastify();
  bare.get('/bare', async () => ({ status: 'ok' }));
  await bare.listen({ port, host: '127.0.0.1' });
} else {
  await startServer({ port, host: '127.0.0.1', databaseUrl: process.env['DATABASE_URL'], logLevel: 'warn' });
}
// Exit cleanly on the bench's SIGTERM, so that --cpu-prof (JIXIAO_BENCH_PROFILE) gets to write its profile.
process.on('SIGTERM', () => process.exit(0));
process.stdout.write('ready\n');
