import { describeConfig, loadConfig } from './config.js';
import { startRuntime } from './runtime.js';
import { buildApp } from './server/build-app.js';

/** The composition root: configuration, database, migrations, HTTP. */
export async function main(env: Record<string, string | undefined> = process.env): Promise<void> {
  const config = loadConfig(env);
  const runtime = await startRuntime(config.database);
  const app = await buildApp({
    deps: runtime.deps,
    dialect: runtime.dialect,
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
  });
  app.log.info({ config: describeConfig(config), migrationsApplied: runtime.migrations.applied }, 'starting');

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.server.port, host: config.server.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.server.port;
  const host = config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host;
  process.stdout.write(
    `\nhearback is running at http://${host}:${port}/  (API docs: http://${host}:${port}/api/docs)\n`,
  );
  process.stdout.write(
    `data: ${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'}\n\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `hearback could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
