import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chinaDate } from '@jixiao/core';
import { startServer } from '@jixiao/server';
import { createServiceContext, loadDemoAccounts } from '@jixiao/services';

export type TemplateData = 'demo' | 'accounts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATES = join(ROOT, 'node_modules/.cache/jixiao-test/e2e');
const SEED = join(ROOT, 'fixtures/seed/kaifu-2022.txt');

/** Everything the stored demo data is made by: the engine, readers, migrations, repositories and use cases. */
const SOURCES = [
  'packages/core/src',
  'packages/ingest/src',
  'packages/db/src',
  'packages/db/migrations',
  'packages/services/src',
];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.test.ts') ? [] : [path];
  });

/**
 * A template is reused while nothing that made it changed — and for one China calendar day at most, since the demo
 * data holds dates relative to its day (deadlines, monitoring rounds) that the journeys read as 逾期 or not.
 */
const templateKey = (data: TemplateData): string => {
  const hash = createHash('sha256').update(`${data}\n${chinaDate(new Date())}\n`);
  for (const file of [
    SEED,
    join(ROOT, 'package-lock.json'),
    ...SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir))),
  ]) {
    hash.update(relative(ROOT, file)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
};

/** Loads the data as `npm start` does: a fresh embedded database, migrated, with the demo district (or its accounts). */
const buildTemplate = async (data: TemplateData, dir: string): Promise<void> => {
  const running = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: dir,
    demoSeedFile: data === 'demo' ? SEED : undefined,
    logLevel: 'warn',
  });
  try {
    if (data === 'accounts') await loadDemoAccounts(createServiceContext(running.database.db));
  } finally {
    await running.app.close();
  }
};

/**
 * A data directory holding the demo district, copied from a template built once: each browser test file used to
 * run initdb, every migration and the whole demo load (tens of seconds of CPU on a busy two-core machine) for the
 * same data. Parallel files may both build a missing template; the first to move its copy into place wins.
 */
export const copyDataTemplate = async (data: TemplateData, target: string): Promise<void> => {
  const template = join(TEMPLATES, templateKey(data));
  if (!existsSync(template)) {
    mkdirSync(TEMPLATES, { recursive: true });
    const building = mkdtempSync(join(TEMPLATES, 'building-'));
    try {
      await buildTemplate(data, building);
      renameSync(building, template);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(template)) throw error;
    }
  }
  cpSync(template, target, { recursive: true });
};
