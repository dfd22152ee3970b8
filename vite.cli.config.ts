import path from 'node:path';
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
 * export lexer (about 5 ms for better-sqlite3). Only default imports are supported: a named import of one of
 * these fails the build.
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

type ModuleGraph = {
  getModuleInfo(
    id: string,
  ): { readonly importedIds: readonly string[]; readonly dynamicallyImportedIds: readonly string[] } | null;
};

const source = (file: string) => path.resolve(import.meta.dirname, 'src', file);

/** What `runCommand` (src/cli/context.ts) loads before every command runs. */
const commandRuntimeRoots = [
  'config-plain.ts',
  'start-runtime.ts',
  'services/settings.ts',
  'services/deps.ts',
].map(source);

/**
 * Two chunks for what every command that runs loads, instead of a few dozen small ones (Node's ESM loader
 * costs each file it resolves and reads; about 15 ms fewer for `hearback list`), chosen from the module graph
 * so that neither makes a command that runs evaluate more than before:
 * - `command-common`: the modules every command file imports, and those of what `runCommand` loads that
 *   some command file imports too: registering every command (`--help`) loads them all, registering one may
 *   load a few it would not, running one loads them anyway. The roots are zod-free (the configuration's from
 *   config-plain.ts), so zod is not among them: `list` loads none (startup.test.ts);
 * - `command-runtime`: what `runCommand` loads, less anything registering a command loads, so `--help`
 *   (which registers every command and runs none) never loads it.
 * Everything else is split as Rolldown does by default: a command's own modules load when it runs.
 */
function commandChunks(): (id: string, graph: ModuleGraph) => string | null {
  let chunkOf: Map<string, string> | undefined;
  return (id, graph) => {
    chunkOf ??= groupModules(graph);
    return chunkOf.get(id) ?? null;
  };
}

function groupModules(graph: ModuleGraph): Map<string, string> {
  const program = graph.getModuleInfo(source('cli/program.ts'));
  const commandFiles = (program?.dynamicallyImportedIds ?? []).map((file) => staticClosure(graph, [file]));
  if (commandFiles.length === 0) throw new Error('vite.cli.config.ts: found no command files in program.ts');
  const entry = staticClosure(graph, [source('cli/main.ts')]);
  const registration = new Set([...entry, ...commandFiles.flatMap((modules) => [...modules])]);
  const chunkOf = new Map<string, string>();
  for (const id of commandFiles[0]!) {
    if (!entry.has(id) && commandFiles.every((modules) => modules.has(id))) chunkOf.set(id, 'command-common');
  }
  for (const id of staticClosure(graph, commandRuntimeRoots)) {
    if (entry.has(id)) continue;
    chunkOf.set(id, registration.has(id) ? 'command-common' : 'command-runtime');
  }
  return chunkOf;
}

function staticClosure(graph: ModuleGraph, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const info = seen.has(id) ? null : graph.getModuleInfo(id);
    if (!info) continue;
    seen.add(id);
    pending.push(...info.importedIds);
  }
  return seen;
}

export default defineConfig({
  publicDir: false,
  plugins: [requireCommonJsPackages()],
  resolve: {
    alias: {
      // ulid's browser build: its Node build imports node:crypto when it loads (3–5 ms of CPU on every
      // command), for a default random source we never use (start-runtime.ts passes its own, drawn from
      // the global Web Crypto, which the browser build falls back to as well).
      ulid: path.resolve(import.meta.dirname, 'node_modules/ulid/dist/browser/index.js'),
    },
  },
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'dist/cli-bundle',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: true,
    rolldownOptions: {
      // The writer thread of large imports (src/storage/sqlite-writer-thread.ts) starts this file, next to the
      // chunk that starts it.
      input: {
        hearback: 'src/cli/main.ts',
        'chunks/sqlite-writer-thread-worker': 'src/storage/sqlite-writer-thread-worker.ts',
      },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        codeSplitting: {
          groups: [
            { name: commandChunks(), debugName: 'command chunks', includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  ssr: {
    noExternal: ['kysely', 'zod', 'commander', 'temporal-polyfill', 'temporal-utils', 'picocolors', 'ulid'],
  },
});
