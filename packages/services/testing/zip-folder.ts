import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';

/** Every file under `dir` in one zip, named by its path below `dir` with forward slashes, as zip tools do. */
export const zipFolder = (dir: string): Uint8Array => {
  const files: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path).split(sep).join('/')] = new Uint8Array(readFileSync(path));
  }
  return zipSync(files);
};
