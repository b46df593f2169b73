import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type ManifestChunk = {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
export type Manifest = Record<string, ManifestChunk>;

/** What the portal's first visit may download: JavaScript, gzipped, in KB (issue 6). */
export const BUDGET_KB = 300;

/** The chunk keys a set of roots loads: the roots and their static imports, transitively. */
export const staticClosure = (manifest: Manifest, roots: readonly string[]): string[] => {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const root of roots) visit(root);
  return [...seen];
};

export const entryOf = (manifest: Manifest): string => {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('构建清单中没有入口（entry）');
  return entry;
};

/** The chunk keys loaded before the first render of the portal's list: the entry and its static imports. */
export const firstLoadChunks = (manifest: Manifest): string[] => staticClosure(manifest, [entryOf(manifest)]);

/** A published report opened directly: the entry plus the lazy report page and what it imports. */
export const REPORT_PAGE = 'src/portal/PortalReportPage.tsx';

export type BundleSizes = {
  portalFirstLoadJsGzipKb: number;
  reportPageFirstLoadJsGzipKb: number;
  allJsGzipKb: number;
  firstLoadFiles: string[];
};

/** Gzipped (level 9) sizes of what the portal loads first, read from a vite build's manifest in `dist`. */
export const measureBundle = (dist: string): BundleSizes => {
  const gzipKb = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const fileOf = (key: string) => manifest[key]?.file ?? key;
  const sum = (files: readonly string[]) => files.reduce((total, file) => total + gzipKb(file), 0);
  const firstLoadFiles = firstLoadChunks(manifest).map(fileOf);
  const reportFiles = staticClosure(manifest, [entryOf(manifest), REPORT_PAGE]).map(fileOf);
  const allJs = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js'));
  const round = (value: number) => Number(value.toFixed(1));
  return {
    portalFirstLoadJsGzipKb: round(sum(firstLoadFiles)),
    reportPageFirstLoadJsGzipKb: round(sum(reportFiles)),
    allJsGzipKb: round(sum(allJs)),
    firstLoadFiles,
  };
};
