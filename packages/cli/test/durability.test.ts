import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateForm } from '@jixiao/core/testing';
import { createPostgresDatabase, testDatabaseKinds } from '@jixiao/db/testing';
import { DEMO_LOGINS } from '@jixiao/services';
import { describe, expect, it } from 'vitest';

/**
 * Durability (issue 8): a stream of 1,000 writes to a real server process, killed with SIGKILL part-way; after
 * a restart on the same data every write the server acknowledged (201) must be there, and the audit log's hash
 * chain must verify. Run on the embedded PGlite and on PostgreSQL.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/bin/jixiao.mjs');
const PASSWORD = DEMO_LOGINS[0]?.password ?? '';
const UNIT = '开福区城市房屋征收和补偿管理办公室';
const WRITES = 1000;
const START_CEILING_MS = 240_000;

type Server = { process: ChildProcess; url: string };

const start = (args: string[], env: NodeJS.ProcessEnv): Promise<Server> =>
  new Promise((resolve, reject) => {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    const child = spawn(process.execPath, [bin, 'serve', '--port', String(port), '--demo', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    // A ceiling for a server that hangs, not a speed requirement: loading the demo data on a busy 2-core machine
    // has taken over a minute.
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), START_CEILING_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('已启动')) {
        clearTimeout(timer);
        resolve({ process: child, url: `http://127.0.0.1:${port}` });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!output.includes('已启动')) reject(new Error(`server exited ${code}: ${output}`));
    });
  });

const stop = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) return resolve();
    server.process.once('exit', () => resolve());
    server.process.kill('SIGTERM');
  });

type Client = { get: (path: string) => Promise<Response>; post: (path: string, body: unknown) => Promise<Response> };

const signIn = async (url: string, username: string): Promise<Client> => {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const csrf = (await response.json()) as { csrfToken: string };
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf.csrfToken, 'content-type': 'application/json' };
  return {
    get: (path) => fetch(`${url}${path}`, { headers }),
    post: (path, body) => fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  };
};

describe.each(testDatabaseKinds())('kill -9 during a stream of writes on %s', (kind) => {
  it('keeps every acknowledged write and a verifiable audit chain', async () => {
    const database = kind === 'postgres' ? await createPostgresDatabase() : null;
    const args = kind === 'pglite' ? ['--data', mkdtempSync(join(tmpdir(), 'jixiao-durable-'))] : [];
    const env = database ? { DATABASE_URL: database.url } : {};
    try {
      let server = await start(args, env);
      let filler = await signIn(server.url, 'zhengshou.filler');
      const organizations = (await (await filler.get('/api/organizations')).json()) as
        | { items?: { id: string; name: string }[] }
        | { id: string; name: string }[];
      const list = Array.isArray(organizations) ? organizations : (organizations.items ?? []);
      const unitId = list.find((organization) => organization.name === UNIT)?.id;
      expect(unitId).toBeDefined();

      const acknowledged: string[] = [];
      // Somewhere in the first fifth of the stream, so the run stays short; where exactly is left to chance.
      const killAfter = 60 + Math.floor(Math.random() * 140);
      let next = 0;
      let killed = false;
      const worker = async () => {
        while (next < WRITES && !killed) {
          const i = next++;
          try {
            const response = await filler.post('/api/evaluations', {
              organizationId: unitId,
              form: { ...generateForm(i + 1), fiscalYear: 2023, projectName: `耐久性测试${i}` },
            });
            if (response.status === 201) {
              acknowledged.push(((await response.json()) as { id: string }).id);
              if (acknowledged.length >= killAfter && !killed) {
                killed = true;
                server.process.kill('SIGKILL');
              }
            }
          } catch {
            // The connection died with the server: this write was never acknowledged.
          }
        }
      };
      await Promise.all(Array.from({ length: 4 }, worker));
      expect(killed).toBe(true);
      const killedProcess = server.process;
      if (killedProcess.exitCode === null && killedProcess.signalCode === null) {
        await new Promise((resolve) => killedProcess.once('exit', resolve));
      }

      server = await start(args, env);
      try {
        filler = await signIn(server.url, 'zhengshou.filler');
        const missing: string[] = [];
        for (const id of acknowledged) {
          if ((await filler.get(`/api/evaluations/${id}`)).status !== 200) missing.push(id);
        }
        expect(missing).toEqual([]);
        const admin = await signIn(server.url, 'admin');
        const verification = (await (await admin.get('/api/audit-log/verify')).json()) as {
          ok: boolean;
          checked: number;
        };
        expect(verification.ok).toBe(true);
        expect(verification.checked).toBeGreaterThan(acknowledged.length);
      } finally {
        await stop(server);
      }
    } finally {
      await database?.drop();
    }
  }, 900_000);
});
