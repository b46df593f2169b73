import { readFileSync } from 'node:fs';
import { type DatabaseHandle, migrate, openDatabase } from '@jixiao/db';
import { createServiceContext, type DemoDataResult, loadDemoData } from '@jixiao/services';
import type { FastifyInstance } from 'fastify';
import { type AppConfig, buildApp, LOG_REDACT_PATHS } from './app.ts';
import { DEFAULT_WEB_ROOT } from './http/web-app.ts';

export type ServeOptions = {
  port: number;
  host?: string;
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  /** A streaming replica of databaseUrl for the public reads (DATABASE_READ_URL). */
  readReplicaUrl?: string | undefined;
  /** Load demo data into an empty database, from this seed report file. */
  demoSeedFile?: string | undefined;
  logLevel?: string;
  /** The built web app's directory; packages/web/dist by default (served only when built). */
  webRoot?: string | undefined;
  /**
   * Behind TLS and a reverse proxy: Secure cookies and the proxies whose X-Forwarded-For is believed; the key
   * feedback senders' addresses are hashed with.
   */
  deployment?: Partial<Pick<AppConfig, 'cookieSecure' | 'trustProxy' | 'feedbackKey'>>;
};

export type RunningServer = {
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  demo: DemoDataResult | null;
};

/** Opens and migrates the database, optionally loads demo data, and listens. */
export const startServer = async (options: ServeOptions): Promise<RunningServer> => {
  const database = await openDatabase({
    databaseUrl: options.databaseUrl,
    readReplicaUrl: options.readReplicaUrl,
    dataDir: options.dataDir,
  });
  try {
    await migrate(database.db);
    let demo: DemoDataResult | null = null;
    if (options.demoSeedFile) {
      const bytes = new Uint8Array(readFileSync(options.demoSeedFile));
      demo = await loadDemoData(createServiceContext(database.db), { bytes, fileName: 'kaifu-2022.txt' });
    }
    const app = await buildApp({
      db: database.db,
      databaseKind: database.kind,
      replica: database.replica?.db,
      logger: { level: options.logLevel ?? 'info', redact: { paths: LOG_REDACT_PATHS, censor: '[已隐藏]' } },
      webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
      config: options.deployment ?? {},
    });
    app.addHook('onClose', async () => {
      await database.close();
    });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port, host });
    return { app, database, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${options.port}`, demo };
  } catch (error) {
    await database.close();
    throw error;
  }
};
