import { spawnSync } from 'node:child_process';
import { repositoryRoot, startAppServer } from './support/app-server.js';

/**
 * Builds the UI once (set HEARBACK_E2E_SKIP_BUILD=1 to reuse dist/web and dist/web-server) and starts one hearback on a temporary
 * data directory for the specs that share data; specs that need an empty database start their own.
 * Its address reaches the test workers through HEARBACK_E2E_URL.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.HEARBACK_E2E_SKIP_BUILD !== '1') {
    // The UI, and the server's drawing of its first screens (npm run build:web).
    for (const config of ['vite.config.ts', 'vite.server-render.config.ts']) {
      const build = spawnSync(
        process.execPath,
        ['node_modules/vite/bin/vite.js', 'build', '--config', config, '--logLevel', 'warn'],
        { cwd: repositoryRoot, stdio: 'inherit' },
      );
      if (build.status !== 0)
        throw new Error(`vite build --config ${config} failed; the e2e tests need the built UI`);
    }
  }
  const server = await startAppServer();
  process.env.HEARBACK_E2E_URL = server.url;
  return () => server.stop();
}
