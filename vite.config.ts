import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web UI lives in src/web and builds to dist/web, which the Fastify server serves (src/server/web-assets.ts).
 * In development Vite serves the UI with hot reload and forwards /api to the API server on port 4600.
 */
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: { '/api': { target: 'http://127.0.0.1:4600', changeOrigin: false } },
  },
});
