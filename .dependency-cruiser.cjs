/**
 * The layer rule (docs/architecture.md): core ← services ← edges (server, cli, web, main), with storage and
 * integrations as adapters behind the ports declared in core. Checked by test/layer-rule.test.ts in `npm test`.
 *
 * An exception would be a `pathNot` with a comment saying why; there are none left (issue 14 removed the last).
 *
 * Allowed on purpose, not an exception: services import the stores in storage/ directly (docs/architecture.md:
 * "services call core, the stores in storage, and the ports in deps"); moving every store behind a port is
 * more than issue 14 asked of this pass. What the import rules cannot see, that services hold no SQL and no
 * dialect branch, holds since the backup's queries and the transaction helpers' SQLite writer thread moved
 * to storage (user-store.ts, write-transaction.ts).
 */
/** Tests wire real adapters into deps (a local HTTP server behind the real posting probe): they are compositions. */
const tests = '\\.test\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core imports nothing of ours outside core: no storage, no integration, no config.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: tests },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'core-does-no-io',
      comment:
        'core is pure: no file system, network, processes or module loading; what does IO comes in as a port.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: tests },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|fs/promises|module|net|http|https|http2|dns|child_process|worker_threads|cluster|process)$',
      },
    },
    {
      name: 'services-below-edges',
      comment:
        'services never import the edges (server, cli, web) nor the composition roots (main, runtime, config).',
      severity: 'error',
      from: { path: '^src/services/', pathNot: tests },
      to: { path: '^src/(server|cli|web)/|^src/(main|runtime|config)\\.ts$' },
    },
    {
      name: 'services-use-ports-not-integrations',
      comment:
        'services reach the outside world through the ports in Deps (core/ports.ts), never a concrete integration.',
      severity: 'error',
      from: { path: '^src/services/', pathNot: tests },
      to: {
        path: '^src/integrations/',
      },
    },
    {
      name: 'storage-is-an-adapter',
      comment:
        'storage implements the stores; it imports core and its own files (and the database target type from config), never a use case or an edge.',
      severity: 'error',
      from: { path: '^src/storage/', pathNot: tests },
      to: { path: '^src/', pathNot: ['^src/(core|storage)/', '^src/config\\.ts$'] },
    },
    {
      name: 'integrations-are-adapters',
      comment:
        'integrations implement ports from core; they never import services, server, cli, web or a composition root.',
      severity: 'error',
      from: { path: '^src/integrations/', pathNot: tests },
      to: {
        path: '^src/(services|server|cli|web)/|^src/(main|runtime)\\.ts$',
      },
    },
    {
      name: 'only-the-job-queue-uses-storage',
      comment: 'the job queue on SQLite is the jobs table; no other integration touches storage.',
      severity: 'error',
      from: { path: '^src/integrations/', pathNot: ['^src/integrations/jobs/', tests] },
      to: { path: '^src/storage/' },
    },
    {
      name: 'web-sees-only-core',
      comment:
        'the web app is bundled for the browser: it imports its own files and core (types, schemas, rules) only.',
      severity: 'error',
      from: { path: '^src/web/', pathNot: tests },
      to: {
        path: '^src/',
        pathNot: '^src/(web|core)/',
      },
    },
    {
      name: 'server-through-services',
      comment:
        'the server calls services; it neither runs SQL itself nor builds adapters (runtime.ts wires them).',
      severity: 'error',
      from: { path: '^src/server/', pathNot: tests },
      to: {
        path: '^src/(storage|integrations)/|^src/(main|runtime)\\.ts$',
      },
    },
    {
      name: 'composition-roots-are-for-edges',
      comment: 'main.ts and runtime.ts wire concrete parts together; only the edges start them.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(server|cli)/', '^src/(main|runtime)\\.ts$', tests] },
      to: { path: '^src/(main|runtime)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
  },
};
