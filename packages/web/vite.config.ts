import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The API server the dev server forwards /api to (`npm start` listens on 3000). */
const apiTarget = process.env['JIXIAO_API_URL'] ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  // The server sends the .br / .gz copies to browsers that accept them (packages/server/src/http/web-app.ts).
  plugins: [react(), precompress()],
  // @jixiao/core is bundled from its TypeScript source, not from its compiled dist/ (which may not exist yet).
  resolve: { conditions: ['jixiao-source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // bench/web-bundle.bench.ts reads the manifest to add up what the portal loads first.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': { target: apiTarget, changeOrigin: false } } },
});
