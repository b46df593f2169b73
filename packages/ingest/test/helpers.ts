import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readReport } from '../src/index.ts';

export const fixture = (path: string): string => fileURLToPath(new URL(`../../../fixtures/${path}`, import.meta.url));

export const readFixture = async (path: string) => readReport({ bytes: await readFile(fixture(path)), fileName: path });

export const readFixtureForm = async (path: string) => {
  const result = await readFixture(path);
  if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
  return result.report;
};
