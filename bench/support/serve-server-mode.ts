/**
 * One app server of the server-mode benchmark, run as its own process: hearback in server mode (accounts,
 * sessions in PostgreSQL) on the benchmark's database, as src/main.ts builds it, without background jobs.
 * Beside the real routes it adds, in this bench process only, `GET /api/bench-constant/<n>`: the bytes of
 * one real answer from a constant, behind the same Host/Origin guard and session check as every /api route,
 * for the baseline. Prints one JSON line with its address and the constant bodies' sizes.
 *
 * Arguments: the database URL, the auth secret, the public URL, a session cookie for reading the constant
 * bodies, then the endpoints whose answers become constants.
 */
import { createAccounts, startRuntime } from '../../src/runtime.js';
import { buildApp } from '../../src/server/build-app.js';

const [url, secret, publicUrl, cookie, ...paths] = process.argv.slice(2);
const runtime = await startRuntime({ kind: 'postgres', url: url! }, { localUser: false });
const accounts = createAccounts(runtime, { secret: secret!, signUp: false, publicUrl: publicUrl! });
const app = await buildApp({
  deps: runtime.deps,
  dialect: runtime.dialect,
  accounts,
  publicUrl: publicUrl!,
  hostOriginGuard: { allowedOrigins: [publicUrl!] },
});

// Registered before the first request (Fastify takes no routes once it is ready); filled in just after.
const bodies: string[] = paths.map(() => '');
for (const index of paths.keys()) {
  app.get(`/api/bench-constant/${index}`, { schema: { hide: true } }, (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(bodies[index]),
  );
}
const sizes: Record<string, number> = {};
for (const [index, path] of paths.entries()) {
  const response = await app.inject({ method: 'GET', url: path, headers: { cookie: cookie! } });
  if (response.statusCode !== 200) {
    throw new Error(`GET ${path} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
  }
  bodies[index] = response.body;
  sizes[path] = Buffer.byteLength(response.body);
}
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ address, sizes })}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => runtime.close().then(() => process.exit(0)));
});
