import { type DatabaseHandle, migrate, openDatabase } from '@jixiao/db';

/** Environment lookup by a computed name (the settings are optional by nature). */
export const envVar = (name: string): string | undefined => process.env[name];

export type DatabaseCliOptions = { data?: string };

/** DATABASE_URL selects PostgreSQL; otherwise the embedded database under --data, JIXIAO_DATA_DIR or ./data. */
export const openMigratedDatabase = async (options: DatabaseCliOptions): Promise<DatabaseHandle> => {
  const handle = await openDatabase({ databaseUrl: envVar('DATABASE_URL'), dataDir: options.data });
  try {
    await migrate(handle.db);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
};

export const withDatabase = async <T>(
  options: DatabaseCliOptions,
  run: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> => {
  const handle = await openMigratedDatabase(options);
  try {
    return await run(handle);
  } finally {
    await handle.close();
  }
};

/** Operator errors (a bad migration, an unreadable backup) are printed, not thrown with a stack. */
export const reportFailure = (error: unknown, setExitCode: (code: number) => void): void => {
  process.stderr.write(`错误：${error instanceof Error ? error.message : String(error)}\n`);
  setExitCode(1);
};
