import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Only the transaction helpers (`inTransaction`, `inBulkTransaction` in services/deps.ts, through
 * storage/write-transaction.ts) may open a transaction: they are what replaces the user's data version on every write, and a write that skips them is
 * invisible to the response cache of every server on the same database (a CLI write, say) until the minute
 * turns. This reads every TypeScript file of the project and names each place that opens one anyway.
 */
const allowed: Readonly<Record<string, string>> = {
  'src/storage/write-transaction.ts': 'what the transaction helpers of services/deps.ts open them with',
  'src/storage/sqlite-writer-thread-worker.ts':
    'the writer thread holds the transaction runBulkWriteTransaction opens for it, on its own connection',
  'src/services/account-deletion.ts':
    'deleting an account deletes its data version with everything else: there is no version left to replace, and no session left to read a cached answer',
};

const repo = path.resolve(import.meta.dirname, '../..');

/** Method names that open a transaction: Kysely's `transaction()`, `startTransaction()` and `savepoint()`, better-sqlite3's `transaction(fn)`. */
const openingMethods = new Set(['transaction', 'startTransaction', 'savepoint']);
/** SQL that opens one, as a literal handed to a call (`exec('begin')`, `query('BEGIN')`) or in a sql`…` template. */
const openingSql = /^\s*(begin|start\s+transaction|savepoint)(\s|;|$)/i;

type Opening = { readonly file: string; readonly line: number; readonly text: string };

function findTransactionOpenings(file: string, source: string): Opening[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, scriptKindOf(file));
  const found: Opening[] = [];
  const report = (node: ts.Node) => {
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    found.push({ file, line: line + 1, text: node.getText(sourceFile).split('\n')[0]!.slice(0, 120) });
  };
  const isSql = (node: ts.Node) =>
    (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && openingSql.test(node.text);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)
          ? callee.argumentExpression.text
          : null;
      if (name !== null && openingMethods.has(name)) report(node);
      else if (node.arguments.some(isSql)) report(node);
    }
    if (ts.isTaggedTemplateExpression(node)) {
      const { template } = node;
      const head = ts.isNoSubstitutionTemplateLiteral(template) ? template.text : template.head.text;
      if (openingSql.test(head)) report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function scriptKindOf(file: string): ts.ScriptKind {
  return file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

function projectFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(repo, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(relative);
    }
  };
  // Benchmarks are left out: their baselines time bare better-sqlite3 on scratch databases of their own.
  for (const dir of ['src', 'test']) walk(dir);
  return files.sort();
}

describe('who may open a transaction', () => {
  const openings = projectFiles().flatMap((file) =>
    findTransactionOpenings(file, fs.readFileSync(path.join(repo, file), 'utf8')),
  );

  it('is only the transaction helper and the storage internals it uses', () => {
    const outside = openings.filter((o) => !(o.file in allowed));
    expect(outside.map((o) => `${o.file}:${o.line}: ${o.text}`)).toEqual([]);
  });

  it('lists no file that no longer opens one', () => {
    expect(Object.keys(allowed).filter((file) => !openings.some((o) => o.file === file))).toEqual([]);
  });

  it('finds each way of opening a transaction', () => {
    const source = [
      'await ctx.deps.db.transaction().execute(async (trx) => work(trx));',
      'const trx = await db.startTransaction().execute();',
      "const run = sqlite['transaction'](() => insert());",
      "sqlite.exec('begin immediate');",
      "await client.query('BEGIN');",
      'await sql`begin`.execute(db);',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source text
      'await sql`SAVEPOINT ${name}`.execute(db);',
    ].join('\n');
    expect(findTransactionOpenings('sample.ts', source).map((o) => o.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('leaves alone what only looks like one', () => {
    const source = [
      "if (line.name === 'BEGIN') stack.push(line);",
      "lines.push('BEGIN:VCALENDAR');",
      'if (deps.db.isTransaction) return work(deps.db);',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source text
      "report('nesting', `END:${name} without a matching BEGIN`);",
      "await inTransaction(deps, (trx) => trx.insertInto('notes').values(row).execute());",
    ].join('\n');
    expect(findTransactionOpenings('sample.ts', source)).toEqual([]);
  });
});
