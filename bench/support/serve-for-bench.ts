/**
 * The server half of the API benchmark, run as its own process so the load generator does not share its
 * event loop: hearback on the seeded data directory, and beside it a bare Fastify server that answers the
 * very same bytes from a constant, for the baseline. Prints one JSON line with both addresses.
 */
import Fastify from 'fastify';
import { startRuntime } from '../../src/runtime.js';
import { buildApp } from '../../src/server/build-app.js';

const [file, ...paths] = process.argv.slice(2);
const runtime = await startRuntime({ kind: 'sqlite', file: file! });
const app = await buildApp({ deps: runtime.deps, dialect: runtime.dialect });
const address = await app.listen({ port: 0, host: '127.0.0.1' });

const baseline = Fastify();
const sizes: Record<string, number> = {};
for (const [index, path] of paths.entries()) {
  const response = await app.inject({ method: 'GET', url: path });
  const body = response.body;
  sizes[path] = Buffer.byteLength(body);
  baseline.get(`/baseline/${index}`, (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(body),
  );
}
const baselineAddress = await baseline.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ address, baselineAddress, sizes })}\n`);
