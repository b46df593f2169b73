import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run the TypeScript sources of every package (the "jixiao-source" export condition), never a compiled
  // dist/ that may be stale or missing.
  ssr: { resolve: { conditions: ['jixiao-source', ...defaultServerConditions] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'packages/web/build/**/*.test.ts',
      'e2e/**/*.test.ts',
    ],
    // The web app's pure modules are tested here too (packages/web/src/**/*.test.ts); its build output is not.
    exclude: ['**/node_modules/**', 'packages/web/dist/**'],
    globalSetup: ['e2e/support/global-setup.ts'],
    setupFiles: ['test-setup.ts'],
    // Ceilings for a hung test or hook, not timings: one per run, for every file, instead of per-test numbers that
    // each guessed a machine's speed. A CLI test that starts a few processes, each opening an embedded database,
    // takes 13 s on an idle two-core machine and passed 30 s with a CPU-bound process beside the suite; set-ups
    // (databases, migrations, a browser) take seconds idle and far longer loaded.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The browser tests poll the page for a save or a status change. On a CI machine whose two cores also run
    // PostgreSQL, Chromium and other test files, one round trip can take seconds; vitest's 1 s default fails them.
    // A poll ends as soon as it holds: this is a ceiling, as the browser sessions' 90 s wait is, not a timing.
    expect: { poll: { timeout: 90_000 } },
    pool: 'forks',
    // Each worker process runs its files one after another in one module graph instead of a fresh process per
    // file: importing the packages (kysely, PGlite, Fastify, the engine) again for each of ~200 files was a third of
    // the suite's worker time. The tests hold no state between files: every file opens its own databases and
    // servers, and the few that stub globals, timers or the environment restore them after each test.
    isolate: false,
    // vitest's default on two cores is one worker (cores - 1), which left the second core idle most of the run:
    // the files wait on PostgreSQL, Chromium and worker threads as much as they compute. Two files at a time
    // cut the wall time without making any test depend on the machine's speed (their waits are ceilings).
    maxWorkers: 2,
  },
});
