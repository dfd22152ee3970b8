import { defineConfig, type Plugin } from 'vite';

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

/**
 * CommonJS packages on every command's path, loaded with `require` rather than `import`: Node's ESM loader
 * reads the source of a CommonJS module imported from ESM, and of every module it re-exports, with its
 * export lexer, which cost better-sqlite3 and ipaddr.js about 15 ms of a command's start-up. Only default
 * imports are supported: a named import of one of these fails the build.
 */
const requiredPackages = ['better-sqlite3', 'ipaddr.js'];

function requireCommonJsPackages(): Plugin {
  const prefix = '\0required:';
  return {
    name: 'hearback-require-commonjs-packages',
    enforce: 'pre',
    resolveId: (id) => (requiredPackages.includes(id) ? prefix + id : null),
    load: (id) =>
      id.startsWith(prefix)
        ? `import { createRequire } from 'node:module';\nexport default createRequire(import.meta.url)(${JSON.stringify(id.slice(prefix.length))});\n`
        : null,
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [requireCommonJsPackages()],
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
