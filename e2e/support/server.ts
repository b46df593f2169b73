import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from '@jixiao/server';
import { copyDataTemplate, type TemplateData } from './data-template.ts';

export const DEMO_PASSWORD = 'Jixiao@2022demo';
export const DEMO_USERS = {
  filler: 'zhengshou.filler',
  unitApprover: 'zhengshou.approver',
  departmentReviewer: 'zhujian.reviewer',
  financeReviewer: 'caizheng.reviewer',
  /** The bureau's second finance reviewer: rules on appeals against caizheng.reviewer's decisions. */
  secondFinanceReviewer: 'caizheng2',
  admin: 'admin',
} as const;

const SEED = fileURLToPath(new URL('../../fixtures/seed/kaifu-2022.txt', import.meta.url));

export type E2eServer = { url: string; running: RunningServer; close: () => Promise<void> };

export const SEED_REPORT = SEED;

/**
 * The real server as `npm start` runs it — the web app (built by global-setup.ts), the API, the demo district — on a
 * free port of 127.0.0.1 with its own embedded database in a temporary directory, copied from a template that holds
 * what `npm start` loads (data-template.ts). `accounts` holds only the district's organisations and users, for
 * journeys that start from an empty unit.
 */
export const startE2eServer = async (data: TemplateData = 'demo'): Promise<E2eServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  await copyDataTemplate(data, dataDir);
  // The demo seed file is passed as `npm start` passes it; the copied data already holds the district, so the
  // server finds it loaded and leaves it as it is.
  const running = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    demoSeedFile: data === 'demo' ? SEED : undefined,
    logLevel: 'warn',
  });
  const { port } = running.app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    running,
    close: async () => {
      await running.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
