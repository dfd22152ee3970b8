/**
 * Response link timing (issue 18): does `GET /r/<token>` answer an unknown, a revoked and an expired token in
 * the same time, so a guesser learns nothing from timing? Three links are made in a fresh SQLite file (one
 * revoked, one expired, one live); the three dead tokens are then requested in a shuffled order, many rounds,
 * through the real app (Fastify inject: no network noise), and the medians compared. The noise floor is the
 * gap between the two halves of the unknown token's own samples. A live link is shown for reference: it
 * renders the page, so it is slower, and it is not a secret that it works. Run with
 * `npx tsx bench/response-link.ts [rounds]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRuntime } from '../src/runtime.js';
import { buildApp } from '../src/server/build-app.js';
import { createApplication } from '../src/services/applications.js';
import { createResponseLink, revokeResponseLink } from '../src/services/response-link.js';

const rounds = Number(process.argv[2] ?? 3_000);
const base = 'https://hearback.example.org';
const host = 'hearback.example.org';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-bench-'));
const runtime = await startRuntime({ kind: 'sqlite', file: path.join(dir, 'hearback.db') });
const deps = runtime.deps;
const options = { publicUrl: base };
const tokenOf = (url: string) => url.slice(`${base}/r/`.length);
const apps = await Promise.all(
  ['Revoked', 'Expired', 'Live'].map((jobTitle) =>
    createApplication(deps, { companyName: 'Acme', jobTitle }),
  ),
);
const revoked = await createResponseLink(deps, apps[0]!.id, {}, options);
await revokeResponseLink(deps, apps[0]!.id);
const expired = await createResponseLink(deps, apps[1]!.id, {}, options);
await deps.db
  .updateTable('response_links')
  .set({ expires_at: '2000-01-01T00:00:00.000Z' })
  .where('application_id', '=', apps[1]!.id)
  .execute();
const live = await createResponseLink(deps, apps[2]!.id, {}, options);

const app = await buildApp({
  deps,
  dialect: runtime.dialect,
  responseLinkBase: base,
  hostOriginGuard: { allowedHosts: [host] },
  responseLinkLimits: {
    perAddress: { limit: 10_000_000, windowMs: 60_000 },
    perToken: { limit: 10_000_000, windowMs: 60_000 },
  },
});

const tokens = {
  unknown: 'A'.repeat(43),
  revoked: tokenOf(revoked.url),
  expired: tokenOf(expired.url),
  live: tokenOf(live.url),
} as const;
type Kind = keyof typeof tokens;
const kinds = Object.keys(tokens) as Kind[];
const samples: Record<Kind, number[]> = { unknown: [], revoked: [], expired: [], live: [] };

async function request(kind: Kind): Promise<number> {
  const start = process.hrtime.bigint();
  const res = await app.inject({ method: 'GET', url: `/r/${tokens[kind]}`, headers: { host } });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e3;
  const expected = kind === 'live' ? 200 : 404;
  if (res.statusCode !== expected) throw new Error(`${kind}: ${res.statusCode}, expected ${expected}`);
  return elapsed;
}

for (let i = 0; i < 300; i++) for (const kind of kinds) await request(kind);
for (let i = 0; i < rounds; i++) {
  const order = [...kinds].sort(() => Math.random() - 0.5);
  for (const kind of order) samples[kind].push(await request(kind));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const unknownMedian = median(samples.unknown);
const halves = [samples.unknown.filter((_, i) => i % 2 === 0), samples.unknown.filter((_, i) => i % 2 === 1)];
const noise = Math.abs(median(halves[0]!) - median(halves[1]!)) / unknownMedian;
console.log(`${rounds} rounds, load ${os.loadavg()[0]!.toFixed(2)}`);
console.table(
  kinds.map((kind) => ({
    token: kind,
    'median µs': Math.round(median(samples[kind])),
    'ratio to unknown': Number((median(samples[kind]) / unknownMedian).toFixed(3)),
  })),
);
const worst = Math.max(
  ...(['revoked', 'expired'] as const).map((k) => Math.abs(median(samples[k]) / unknownMedian - 1)),
);
console.log(
  `dead tokens differ from unknown by at most ${(worst * 100).toFixed(1)}%; the unknown token's two halves differ by ${(noise * 100).toFixed(1)}% (noise)`,
);
await app.close();
await runtime.close();
fs.rmSync(dir, { recursive: true, force: true });
