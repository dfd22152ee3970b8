import {
  type CompiledQuery,
  createQueryId,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/test-runtime.js';
import { createApplication } from './applications.js';
import type { Deps } from './deps.js';
import { createResponseLink, openResponseLinkPage, revokeResponseLink } from './response-link.js';

/**
 * No timing oracle by construction: an unknown, a revoked and an expired token must cost the very same SQL,
 * statement for statement and parameter for parameter count, so the database cannot answer one faster than
 * another because it took another path. (Timings themselves are in `npm run bench response-link`.)
 */
class SqlRecorder implements KyselyPlugin {
  statements: { sql: string; parameters: number }[] = [];
  readonly #compile: (node: RootOperationNode) => CompiledQuery;

  constructor(compile: (node: RootOperationNode) => CompiledQuery) {
    this.#compile = compile;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const compiled = this.#compile(args.node);
    this.statements.push({ sql: compiled.sql, parameters: compiled.parameters.length });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

describeEachDialect('response link lookups', (ctx) => {
  const options = { publicUrl: 'https://hearback.example' };
  const tokenOf = (url: string) => url.split('/r/')[1]!;

  it('cost the same statements for unknown, revoked and expired tokens, and find none of them', async () => {
    ctx.runtime.clock.set('2026-03-02T10:00:00.000Z');
    const deps: Deps = ctx.deps;
    const revokedApp = await createApplication(deps, { companyName: 'Acme', jobTitle: 'Revoked' });
    const expiredApp = await createApplication(deps, { companyName: 'Acme', jobTitle: 'Expired' });
    const liveApp = await createApplication(deps, { companyName: 'Acme', jobTitle: 'Live' });
    const revoked = await createResponseLink(deps, revokedApp.id, {}, options);
    await revokeResponseLink(deps, revokedApp.id);
    const expired = await createResponseLink(deps, expiredApp.id, { days: 1 }, options);
    const live = await createResponseLink(deps, liveApp.id, { days: 30 }, options);
    ctx.runtime.clock.set('2026-03-03T10:00:01.000Z');

    const recorder = new SqlRecorder((node) => deps.db.getExecutor().compileQuery(node, createQueryId()));
    const recorded = { ...deps, db: deps.db.withPlugin(recorder) };
    const costOf = async (token: string) => {
      recorder.statements = [];
      const page = await openResponseLinkPage(recorded, token);
      return { found: page !== null, statements: recorder.statements };
    };

    const unknown = await costOf('A'.repeat(43));
    const revokedCost = await costOf(tokenOf(revoked.url));
    const expiredCost = await costOf(tokenOf(expired.url));
    const malformed = await costOf('not a token at all');
    expect(unknown.found).toBe(false);
    expect(unknown.statements).toHaveLength(1);
    expect(revokedCost).toEqual(unknown);
    expect(expiredCost).toEqual(unknown);
    expect(malformed).toEqual(unknown);

    // The same first statement opens a live link: the lookup itself does not branch on the token's state.
    const liveCost = await costOf(tokenOf(live.url));
    expect(liveCost.found).toBe(true);
    expect(liveCost.statements[0]).toEqual(unknown.statements[0]);
  });
});
