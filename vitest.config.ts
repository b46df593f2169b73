import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'e2e/**/*.test.ts'],
    // The web app's pure modules are tested here too (packages/web/src/**/*.test.ts); its build output is not.
    exclude: ['**/node_modules/**', 'packages/web/dist/**'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
