import { defineConfig } from 'vite';

/**
 * The CLI as a bundle (dist/cli-bundle/hearback.js, run by bin/hearback.js; `npm run build` makes it): Node
 * resolves, reads and compiles a few minified files instead of hundreds of compiled ones and package modules
 * (kysely alone is 260), so a command starts in about a third of the CPU time (issue 12, item 11; see
 * docs/performance.md). What a command imports when it runs stays a separate chunk, loaded only by it.
 *
 * Bundled are the small pure-JavaScript packages every command loads. Every other package (native ones such as
 * better-sqlite3, large ones loaded by a few commands such as pdfjs-dist, date-holidays or fastify) stays a
 * package Node loads from node_modules, as the server does; scripts/check-production-install.mjs runs the CLI
 * from an install without development dependencies.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist/cli-bundle',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: true,
    rolldownOptions: {
      output: { entryFileNames: 'hearback.js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  ssr: {
    noExternal: ['kysely', 'zod', 'commander', 'temporal-polyfill', 'temporal-utils', 'picocolors', 'ulid'],
  },
});
