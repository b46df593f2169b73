import { loadMigrations, migrate, openDatabase, restoreBackupFile, writeBackupFile } from '@jixiao/db';
import type { Command } from 'commander';
import {
  type DatabaseCliOptions,
  envVar,
  openMigratedDatabase,
  reportFailure,
  withDatabase,
} from './database-options.ts';

/** `jixiao db migrate | backup FILE | restore FILE`. */
export const registerDbCommand = (program: Command, setExitCode: (code: number) => void): void => {
  const db = program.command('db').description('数据库：迁移、备份与恢复（设置 DATABASE_URL 时使用 PostgreSQL）');

  db.command('migrate')
    .description('执行未应用的数据库迁移')
    .option('--data <dir>', '内嵌数据库目录（默认 JIXIAO_DATA_DIR 或 ./data）')
    .action(async (options: DatabaseCliOptions) => {
      const handle = await openDatabase({ databaseUrl: envVar('DATABASE_URL'), dataDir: options.data });
      try {
        const report = await migrate(handle.db, loadMigrations());
        process.stdout.write(
          `数据库 ${handle.location}：新应用 ${report.applied.length} 个迁移${report.applied.length ? `（${report.applied.join('，')}）` : ''}，已有 ${report.alreadyApplied.length} 个\n`,
        );
      } catch (error) {
        reportFailure(error, setExitCode);
      } finally {
        await handle.close();
      }
    });

  db.command('backup')
    .description('把所有表的数据备份为 JSON Lines 文件')
    .argument('<file>', '备份文件')
    .option('--data <dir>', '内嵌数据库目录')
    .action(async (file: string, options: DatabaseCliOptions) => {
      try {
        const rows = await withDatabase(options, (handle) => writeBackupFile(handle.db, file));
        process.stdout.write(`已备份 ${rows} 行到 ${file}\n`);
      } catch (error) {
        reportFailure(error, setExitCode);
      }
    });

  db.command('restore')
    .description('把备份恢复到一个空数据库（全部成功或全部不写入）')
    .argument('<file>', '备份文件')
    .option('--data <dir>', '内嵌数据库目录')
    .action(async (file: string, options: DatabaseCliOptions) => {
      try {
        const handle = await openMigratedDatabase(options);
        try {
          const rows = await restoreBackupFile(handle.db, file);
          process.stdout.write(`已从 ${file} 恢复 ${rows} 行\n`);
        } finally {
          await handle.close();
        }
      } catch (error) {
        reportFailure(error, setExitCode);
      }
    });
};
