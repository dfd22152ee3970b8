import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a brotli and a gzip copy beside each built script, stylesheet, page and icon, once at build time;
 * the server sends the copy the browser accepts (@fastify/static `preCompressed`), so nothing is compressed
 * per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'hearback-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      const files = [...Object.keys(bundle), 'favicon.svg'].filter((name) =>
        /\.(js|css|html|svg)$/.test(name),
      );
      for (const name of files) {
        const file = path.join(outDir, name);
        if (!fs.existsSync(file)) continue;
        const content = fs.readFileSync(file);
        if (content.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
      }
    },
  };
}

/**
 * Puts every module the entry needs before its first render into one chunk beside the entry, instead of the
 * dozen small shared chunks the bundler would otherwise make (a `labels`, a `router`, a `dialog`… each shared
 * with some lazy page): the first page then loads two scripts, not thirteen, and the browser's six
 * connections are free for the first API answers. Lazy pages still load on their own and import from it.
 * Which modules those are is read from the module graph once it is complete (`buildEnd` runs before chunking).
 */
function firstPageChunk(): { plugin: Plugin; holds: (id: string) => boolean } {
  const statically = new Set<string>();
  const plugin: Plugin = {
    name: 'hearback-first-page-chunk',
    apply: 'build',
    buildEnd() {
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      const pending = [...entries];
      while (pending.length > 0) {
        const id = pending.pop() as string;
        if (statically.has(id)) continue;
        statically.add(id);
        pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
  return { plugin, holds: (id) => statically.has(id) };
}

const firstPage = firstPageChunk();

/**
 * The web UI lives in src/web and builds to dist/web, which the Fastify server serves (src/server/web-assets.ts).
 * In development Vite serves the UI with hot reload and forwards /api to the API server on port 4600.
 */
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react(), precompress(), firstPage.plugin],
  build: {
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'first-page', test: firstPage.holds }] } },
    },
    outDir: '../../dist/web',
    // .vite/manifest.json: the server names a page's own chunk in its Link header (src/server/web-assets.ts).
    manifest: true,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: { '^/api(/|$)': { target: 'http://127.0.0.1:4600', changeOrigin: false } },
  },
});
