import { describeConfig, loadConfig, processEnvironment } from './config.js';
import { createJobQueue } from './integrations/jobs/create-job-queue.js';
import {
  allowEveryPrivateAddress,
  type PrivateAddressPolicy,
} from './integrations/postings/address-guard.js';
import { createAccounts, startRuntime } from './runtime.js';
import { buildApp } from './server/build-app.js';
import { exposureWarning } from './server/host-origin-guard.js';
import { startDigestJobs } from './services/digest-jobs.js';
import { registerInboxJobs } from './services/inbox-jobs.js';
import { registerPostingWatchJobs } from './services/posting-watch.js';

/** The composition root: configuration, database, migrations, background jobs, HTTP. */
export async function main(env: Record<string, string | undefined> = processEnvironment()): Promise<void> {
  const config = loadConfig(env);
  // Private and local addresses are never fetched unless the user opts in; every such fetch is then logged.
  let logPrivateFetch: (target: { host: string; address: string; port: number }) => void = () => {};
  const privateAddresses: PrivateAddressPolicy | undefined = config.allowPrivateFetch
    ? allowEveryPrivateAddress((target) => logPrivateFetch(target))
    : undefined;
  // Server mode: no local user; every person is an account.
  const runtime = await startRuntime(config.database, {
    privateAddresses,
    secretKey: config.secretKey,
    dataDir: config.dataDir,
    localUser: !config.accounts,
    guardMailboxAddresses: Boolean(config.accounts),
  });
  // With PORT=0 the system picks the port, so the default public URL is known only once the server listens.
  let publicUrl = config.publicUrl;
  let logAccounts: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void = () => {};
  // Server mode (config.ts has checked PostgreSQL, the public URL and the secret): accounts before any route.
  const accounts = config.accounts
    ? createAccounts(runtime, {
        ...config.accounts,
        publicUrl: config.publicUrl,
        log: (level, message) => logAccounts(level, message),
      })
    : undefined;
  // The first admin from the environment, made once when the database has no admin yet.
  if (accounts && env.HEARBACK_ADMIN_EMAIL && env.HEARBACK_ADMIN_PASSWORD) {
    const { ensureFirstAdmin } = await import('./services/coaching.js');
    await ensureFirstAdmin(runtime.deps, accounts, {
      email: env.HEARBACK_ADMIN_EMAIL,
      password: env.HEARBACK_ADMIN_PASSWORD,
    });
  }
  const app = await buildApp({
    ...(accounts && { accounts }),
    ...(config.trustProxy !== null && { trustProxy: config.trustProxy }),
    deps: runtime.deps,
    dialect: runtime.dialect,
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    publicUrl: () => publicUrl,
    responseLinkBase: config.responseLinkBase,
    hostOriginGuard: {
      allowedHosts: config.allowedHosts,
      allowedOrigins: [config.publicUrl],
      extensionOrigins: config.extensionOrigins,
    },
  });
  logAccounts = (level, message) => app.log[level]({ accounts: true }, message);
  app.log.info({ config: describeConfig(config), migrationsApplied: runtime.migrations.applied }, 'starting');
  if (config.allowPrivateFetch) {
    logPrivateFetch = (target) =>
      app.log.warn({ privateFetch: target }, 'fetching a private address (HEARBACK_ALLOW_PRIVATE_FETCH=1)');
    app.log.warn(
      'HEARBACK_ALLOW_PRIVATE_FETCH=1: "Add from URL" and the posting watch may fetch loopback and private-network addresses',
    );
  }

  // Every server process works the queue (pg-boss on PostgreSQL, the jobs table on SQLite); the CLI never does.
  const jobs = createJobQueue(config.database, {
    ...runtime.deps,
    onError: (error, context) => app.log.error({ err: error, job: context }, 'background job failed'),
  });

  let inboxWatch: { stop(): Promise<void> } | null = null;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await inboxWatch?.stop();
    await jobs.stop();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.server.port, host: config.server.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.server.port;
  const host = config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host;
  if (config.server.port === 0 && !env.HEARBACK_PUBLIC_URL) {
    publicUrl = config.publicUrl.replace(/:0$/, `:${port}`);
  }
  process.stdout.write(
    `\nhearback is running at http://${host}:${port}/  (API docs: http://${host}:${port}/api/docs)\n`,
  );
  process.stdout.write(
    `data: ${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL'}\n\n`,
  );
  const exposed = config.mode === 'local' ? exposureWarning(config.server.host) : null;
  if (exposed) {
    process.stderr.write(`${exposed}\n`);
    app.log.warn({ host: config.server.host }, 'listening beyond loopback without accounts');
  }

  // Started once the server answers, so the first requests do not wait behind the queue's first round.
  await jobs.start();
  await startDigestJobs(jobs, runtime.deps, {
    publicUrl,
    onOutcome: (job, outcome) => app.log.info({ digest: { ...job, ...outcome } }, 'morning digest'),
  });
  await registerPostingWatchJobs(jobs, runtime.deps, {
    onReport: (report) => {
      if (report.done + report.failed.length > 0) app.log.info({ postingWatch: report }, 'posting watch');
    },
  });
  inboxWatch = await registerInboxJobs(jobs, runtime.deps, {
    onReport: (userId, report) => {
      // Counts and error codes only: never a sender, a subject or the mailbox's address.
      if (report.fetched + report.failed.length > 0)
        app.log.info(
          { inbox: { userId, ...report, failed: report.failed.map((f) => f.code) } },
          'inbox sync',
        );
    },
  });
  app.log.info({ jobs: jobs.kind }, 'background jobs started');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `hearback could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
