#!/usr/bin/env node
// Compiles every Node package's src/ to dist/ (JavaScript + source maps, same layout, `.ts` imports rewritten to
// `.js`), so the `jixiao` bin, the server and the worker threads run compiled code instead of compiling TypeScript on
// every start. Each file is transpiled on its own (the code is written for isolatedModules); type checking is
// `npm run typecheck`'s job, not this one's. Incremental: a file is rewritten only when its source is newer.
//
//   node scripts/build.mjs          build what is stale
//   node scripts/build.mjs --clean  remove every dist/ first
import { readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The web app is built by Vite (`npm run build:web`), not here.
export const COMPILED_PACKAGES = ['core', 'ingest', 'db', 'services', 'reports', 'server', 'cli'];
const STAMP = 'dist/.build-stamp';

const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');
// Files the compiled code loads at run time by path (the worker bootstrap is plain JavaScript already).
const isCopied = (name) => name.endsWith('.mjs');

const walk = async function* (dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (isSource(entry.name) || isCopied(entry.name)) yield path;
  }
};

const mtimeOf = async (path) => {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return -1;
  }
};

// Written beside and renamed into place: a CLI started while a build runs never loads half a file.
const writeAtomically = async (path, text) => {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
};

const compilerOptionsFor = (ts) => ({
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2023,
  verbatimModuleSyntax: true,
  rewriteRelativeImportExtensions: true,
  sourceMap: true,
  inlineSources: false,
});

// Synchronous on purpose: the `jixiao` bin runs this check on every start, and a few hundred statSync calls take a
// few milliseconds where the promise-based walk took tens.
const newestIn = (dir) => {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(path));
    else if (isSource(entry.name) || isCopied(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
};

const stampTime = (name) => {
  try {
    return statSync(join(ROOT, 'packages', name, STAMP)).mtimeMs;
  } catch {
    return -1;
  }
};

/** The newest source file's time in every compiled package: what the stamps are compared with. */
export const newestSourceTime = () =>
  Math.max(...COMPILED_PACKAGES.map((name) => newestIn(join(ROOT, 'packages', name, 'src'))));

/** True when some package has no build or a source file changed after its last build. */
export const buildIsStale = () => {
  const newest = newestSourceTime();
  return COMPILED_PACKAGES.some((name) => stampTime(name) < newest);
};

/** Compiles what is stale; returns how many files were written. */
export const build = async ({ clean = false } = {}) => {
  // TypeScript takes most of a second to load: only when something is stale.
  let compiler;
  const typescript = async () => {
    if (!compiler) {
      const { default: ts } = await import('typescript');
      compiler = { ts, options: compilerOptionsFor(ts) };
    }
    return compiler;
  };
  let written = 0;
  for (const name of COMPILED_PACKAGES) {
    const packageDir = join(ROOT, 'packages', name);
    const srcDir = join(packageDir, 'src');
    const distDir = join(packageDir, 'dist');
    if (clean) await rm(distDir, { recursive: true, force: true });
    const expected = new Set();
    for await (const sourcePath of walk(srcDir)) {
      const relativePath = relative(srcDir, sourcePath);
      const outputPath = join(distDir, relativePath.replace(/\.ts$/, '.js'));
      expected.add(outputPath);
      if ((await mtimeOf(outputPath)) >= (await mtimeOf(sourcePath))) continue;
      await mkdir(dirname(outputPath), { recursive: true });
      if (isCopied(sourcePath)) {
        await copyFile(sourcePath, outputPath);
      } else {
        const { ts, options } = await typescript();
        const source = await readFile(sourcePath, 'utf8');
        const result = ts.transpileModule(source, {
          compilerOptions: options,
          fileName: sourcePath,
          reportDiagnostics: true,
        });
        const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
        if (errors.length > 0) {
          const text = errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n');
          throw new Error(`${relative(ROOT, sourcePath)}: ${text}`);
        }
        const mapPath = `${outputPath}.map`;
        const map = JSON.parse(result.sourceMapText ?? '{}');
        map.sources = [relative(dirname(outputPath), sourcePath)];
        await writeAtomically(mapPath, JSON.stringify(map));
        await writeAtomically(outputPath, result.outputText);
      }
      written += 1;
    }
    await removeOrphans(distDir, expected);
    await mkdir(distDir, { recursive: true });
    await writeFile(join(packageDir, STAMP), new Date().toISOString());
  }
  return written;
};

// A source file deleted or renamed must not leave its old compiled copy behind to be imported by mistake.
const removeOrphans = async (distDir, expected) => {
  let entries;
  try {
    entries = await readdir(distDir, { withFileTypes: true, recursive: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const compiled = path.endsWith('.js.map') ? path.slice(0, -'.map'.length) : path;
    if ((compiled.endsWith('.js') || compiled.endsWith('.mjs')) && !expected.has(compiled)) {
      await rm(path, { force: true });
    }
  }
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const written = await build({ clean: process.argv.includes('--clean') });
  process.stdout.write(`编译完成：${written} 个文件已更新（${Date.now() - started} ms）\n`);
}
