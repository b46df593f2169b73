import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A PostgreSQL primary and a streaming replica of it, each a server of its own on a loopback port, made from
 * the installed PostgreSQL binaries in a temporary directory: the system's server and its pg_hba.conf are
 * left alone. For the read-replica tests; nothing in the product uses this.
 */
export type PostgresPair = {
  primaryUrl: string;
  replicaUrl: string;
  /** Holds the replica's replay (it keeps receiving the log): it then serves what it had. */
  pauseReplay: () => Promise<void>;
  resumeReplay: () => Promise<void>;
  /** Stops the replica's server (fast shutdown) and starts it again. */
  stopReplica: () => Promise<void>;
  startReplica: () => Promise<void>;
  close: () => Promise<void>;
};

/** The directory of initdb, pg_ctl and pg_basebackup, or null when PostgreSQL's server binaries are absent. */
export const postgresBinDir = (): string | null => {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    return ['initdb', 'pg_ctl', 'pg_basebackup'].every((name) => existsSync(join(dir, name))) ? dir : null;
  } catch {
    return null;
  }
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

/** PostgreSQL refuses to run as root: as root, its commands run as the postgres account. */
const serverAccountUid = (): number | null =>
  process.getuid?.() === 0 ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()) : null;

const scalar = async (url: string, text: string): Promise<unknown> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, unknown>>(text);
    return Object.values(rows[0] ?? {})[0];
  } finally {
    await client.end();
  }
};

/** Polls until the value is reached; gives up after a minute, which only a broken server takes. */
const until = async (read: () => Promise<unknown>, wanted: unknown): Promise<void> => {
  for (let attempt = 0; attempt < 1_200; attempt++) {
    if ((await read()) === wanted) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`replica never reached ${String(wanted)}`);
};

const query = async (url: string, text: string): Promise<void> => {
  await scalar(url, text);
};

export const startPostgresPair = async (): Promise<PostgresPair> => {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found (pg_config --bindir)');
  const uid = serverAccountUid();
  const root = mkdtempSync(join(tmpdir(), 'jixiao-pg-pair-'));
  if (uid !== null) chownSync(root, uid, -1);
  const command = (name: string, args: string[]) =>
    uid === null
      ? run(join(bin, name), args, { cwd: root })
      : run('runuser', ['-u', 'postgres', '--', join(bin, name), ...args], { cwd: root });
  const primaryDir = join(root, 'primary');
  const replicaDir = join(root, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const serverSettings = (port: number) =>
    [
      "listen_addresses = '127.0.0.1'",
      `port = ${port}`,
      `unix_socket_directories = '${root}'`,
      'wal_level = replica',
      'max_wal_senders = 4',
      'hot_standby = on',
      // A test cluster: durability across a power cut is not what is tested here.
      'fsync = off',
      'synchronous_commit = off',
      'shared_buffers = 32MB',
    ].join('\n');
  const pgCtl = (dir: string, action: 'start' | 'stop', port: number) =>
    command('pg_ctl', [
      '-D',
      dir,
      '-l',
      join(root, `${port}.log`),
      '-w',
      ...(action === 'stop' ? ['-m', 'fast'] : []),
      action,
    ]);
  const started: string[] = [];
  const stopAll = async () => {
    for (const dir of started.splice(0).reverse()) {
      await command('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await command('initdb', ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await appendFile(join(primaryDir, 'postgresql.conf'), `\n${serverSettings(primaryPort)}\n`);
    await appendFile(join(primaryDir, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
    await pgCtl(primaryDir, 'start', primaryPort);
    started.push(primaryDir);
    // -R writes standby.signal and the connection back to the primary; the replica then streams from it.
    await command('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
    ]);
    await appendFile(join(replicaDir, 'postgresql.conf'), `\nport = ${replicaPort}\n`);
    await pgCtl(replicaDir, 'start', replicaPort);
    started.push(replicaDir);
  } catch (error) {
    await stopAll();
    throw error;
  }
  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
  const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/postgres`;
  return {
    primaryUrl,
    replicaUrl,
    pauseReplay: async () => {
      await query(replicaUrl, 'SELECT pg_wal_replay_pause()');
      // The call only asks: replay stops at the next record. Tests need it stopped before they write.
      await until(() => scalar(replicaUrl, 'SELECT pg_get_wal_replay_pause_state()'), 'paused');
    },
    resumeReplay: () => query(replicaUrl, 'SELECT pg_wal_replay_resume()'),
    stopReplica: async () => {
      await pgCtl(replicaDir, 'stop', replicaPort);
    },
    startReplica: async () => {
      await pgCtl(replicaDir, 'start', replicaPort);
    },
    close: stopAll,
  };
};
