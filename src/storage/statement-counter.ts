import {
  AliasNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  TableNode,
  type UnknownRow,
} from 'kysely';

/**
 * A Kysely plugin that records every statement run through the instance it is added to (`db.withPlugin`),
 * transactions opened from it included, as `select follow_ups`, `update applications`, …: what a use case
 * costs in round trips, counted rather than timed, so a test can hold it to a ceiling. A statement compiled
 * by hand (`CompiledQuery.raw`) is recorded as `raw`; begin and commit are not statements here.
 */
export class StatementCounter implements KyselyPlugin {
  readonly #labels = new WeakMap<object, string>();
  #statements: string[] = [];

  /** The statements recorded since the last `reset`, in the order they ran. */
  get statements(): readonly string[] {
    return this.#statements;
  }

  reset(): void {
    this.#statements = [];
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#labels.set(args.queryId, labelOf(args.node));
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.#statements.push(this.#labels.get(args.queryId) ?? 'raw');
    return args.result;
  }
}

function labelOf(node: RootOperationNode): string {
  switch (node.kind) {
    case 'SelectQueryNode':
      return `select ${tableOf(node.from?.froms[0])}`;
    case 'InsertQueryNode':
      return `insert ${tableOf(node.into)}`;
    case 'UpdateQueryNode':
      return `update ${tableOf(node.table)}`;
    case 'DeleteQueryNode':
      return `delete ${tableOf(node.from.froms[0])}`;
    default:
      return 'raw';
  }
}

function tableOf(node: OperationNode | undefined): string {
  if (node && TableNode.is(node)) return node.table.identifier.name;
  if (node && AliasNode.is(node)) return tableOf(node.node);
  return '?';
}
