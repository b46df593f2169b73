// Every package declares what it imports and imports what it declares: an import of a package missing from
// package.json works in this workspace only because npm hoisted it, and breaks the day the hoisting changes.
// Production code may use only `dependencies`; tests, test helpers and build configs may also use
// `devDependencies`. Type-only packages (@types/*) are left to tsc.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const PACKAGES = join(ROOT, 'packages');
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'public']);
const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:\/[^'"]*)?['"]/gm;
// worker-bootstrap.mjs registers tsx for worker threads only when the pool runs from sources (tests, dev);
// the compiled build loads its workers directly and never reaches it. packages/web/build/ holds the web build's
// own plugins (vite.config.ts loads them), which never ship.
const NOT_PRODUCTION =
  /(\.test\.tsx?$|\.bench\.ts$|\/testing\/|\/test\/|vite\.config\.ts$|vitest\.config\.ts$|\/worker-bootstrap\.mjs$|packages\/web\/build\/)/;

const sourceFiles = (directory) =>
  readdirSync(directory).flatMap((entry) => {
    if (SKIPPED_DIRECTORIES.has(entry)) return [];
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry) ? [path] : [];
  });

const builtins = new Set(builtinModules);
const problems = [];
for (const name of readdirSync(PACKAGES)) {
  const directory = join(PACKAGES, name);
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
  const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
  const devDependencies = new Set(Object.keys(manifest.devDependencies ?? {}));
  const usedInProduction = new Set();
  const used = new Set();
  for (const file of sourceFiles(directory)) {
    const production = !NOT_PRODUCTION.test(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      if (specifier === undefined || specifier.startsWith('node:') || builtins.has(specifier)) continue;
      if (specifier === manifest.name) continue;
      used.add(specifier);
      if (production) usedInProduction.add(specifier);
      const where = relative(ROOT, file);
      if (production && !dependencies.has(specifier))
        problems.push(`${where}: imports ${specifier}, not in ${manifest.name}'s dependencies`);
      else if (!dependencies.has(specifier) && !devDependencies.has(specifier))
        problems.push(`${where}: imports ${specifier}, not in ${manifest.name}'s dependencies or devDependencies`);
    }
  }
  for (const declared of dependencies) {
    if (declared.startsWith('@types/'))
      problems.push(`${manifest.name}: ${declared} is a type package, it belongs in devDependencies`);
    else if (!usedInProduction.has(declared))
      problems.push(`${manifest.name}: ${declared} is a dependency no production file imports`);
  }
  for (const declared of devDependencies)
    if (!declared.startsWith('@types/') && !used.has(declared) && !dependencies.has(declared))
      problems.push(`${manifest.name}: devDependency ${declared} is imported nowhere`);
}

const unique = [...new Set(problems)];
if (unique.length > 0) {
  process.stderr.write(`${unique.join('\n')}\n`);
  process.exit(1);
}
