import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/**
 * The source files that run in production: everything tsc compiles to dist (src/**, without tests and the web
 * app, which Vite bundles into static files at build time, so its packages are development dependencies).
 */
function runtimeSources(dir = path.join(repo, 'src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return file === path.join(repo, 'src', 'web') ? [] : runtimeSources(file);
    return /\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) ? [file] : [];
  });
}

/**
 * Module specifiers the compiled file still imports: static, re-exports, import() and require() (a module loaded
 * on first use through createRequire); `import type` is erased.
 */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isImportDeclaration(node) &&
      !node.importClause?.isTypeOnly &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Imported only on a path that tests alone take (the database kind `pglite`, which no configuration selects). */
const testOnly = new Set(['@electric-sql/pglite', 'kysely-pglite-dialect']);

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

describe('runtime dependencies', () => {
  it('declares every package the app imports at run time in dependencies, so npm ci --omit=dev runs it', () => {
    const missing: string[] = [];
    for (const file of runtimeSources()) {
      for (const specifier of runtimeImports(file)) {
        if (specifier.startsWith('.') || isBuiltin(specifier)) continue;
        const name = packageName(specifier);
        if (!(name in manifest.dependencies) && !testOnly.has(name))
          missing.push(`${path.relative(repo, file)} imports ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('imports every package in dependencies at run time, so a production install carries nothing unused', () => {
    const imported = new Set(runtimeSources().flatMap(runtimeImports).map(packageName));
    const unused = Object.keys(manifest.dependencies).filter((name) => !imported.has(name));
    expect(unused).toEqual([]);
  });

  it('finds the imports it checks (a scan that reads nothing passes vacuously)', () => {
    const files = runtimeSources();
    expect(files).toContain(path.join(repo, 'src', 'main.ts'));
    expect(files.some((f) => f.includes(`${path.sep}web${path.sep}`))).toBe(false);
    const all = new Set(files.flatMap(runtimeImports).map(packageName));
    for (const name of ['fastify', 'kysely', 'better-sqlite3', 'zod']) expect(all).toContain(name);
  });
});
