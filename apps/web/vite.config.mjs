// The web app's build (ADR 0020): `npm run build:web` → apps/web/dist, served by the API under /app/.
// `npm run web:dev` serves it with hot reload and forwards every non-/app path to the API on :3000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.LEDGER_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/app/',
  // JSX with React's automatic runtime (Vite's built-in transform; no React plugin: no Fast Refresh needed).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    // The first screen's budget is 250 KB of gzip JavaScript (ADR 0020); screens and ECharts load on demand.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Libraries' "use client" directives mean nothing in a client-only bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    // Everything but the app goes to the API, and the app's interim session read (ADR 0021).
    proxy: { '^/(?!app(/|$))|^/app/session$': { target: api, changeOrigin: false } },
  },
});
