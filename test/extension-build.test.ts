import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumExtensionId } from '../src/core/browser-extension.js';

/**
 * The browser clipper's builds (docs/extension.md): what each manifest asks for, that the Chromium key gives
 * the id hearback trusts, and that the Firefox build passes Mozilla's own linter (web-ext lint).
 */
const repo = path.resolve(import.meta.dirname, '..');
const outDir = path.join(repo, 'dist/extension');

function build(browser: 'chrome' | 'firefox'): Record<string, unknown> {
  const args = ['node_modules/wxt/bin/wxt.mjs', 'build', 'extension', '-b', browser, '--mv3'];
  const result = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`wxt build -b ${browser} failed:\n${result.stdout}${result.stderr}`);
  return JSON.parse(fs.readFileSync(path.join(outDir, `${browser}-mv3/manifest.json`), 'utf8'));
}

/** Chromium's extension id: the first 128 bits of the SHA-256 of the public key, as letters a–p. */
function extensionIdOf(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

describe('the browser extension builds', () => {
  it('asks Chromium for activeTab, scripting and this machine only, under the id hearback trusts', () => {
    const manifest = build('chrome');
    expect(manifest).toMatchObject({
      manifest_version: 3,
      permissions: ['activeTab', 'scripting'],
      host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
      optional_host_permissions: ['http://*/*', 'https://*/*'],
    });
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest).not.toHaveProperty('background');
    expect(Object.keys(manifest.commands as object)).toEqual(['_execute_action']);
    expect(extensionIdOf(manifest.key as string)).toBe(chromiumExtensionId);
  });

  it('builds for Firefox with no key, and web-ext lint finds no error and no warning', () => {
    const manifest = build('firefox');
    expect(manifest).not.toHaveProperty('key');
    expect(manifest).toMatchObject({
      permissions: ['activeTab', 'scripting'],
      browser_specific_settings: { gecko: { id: 'clipper@hearback.invalid' } },
    });
    const lint = spawnSync(
      process.execPath,
      [
        'node_modules/web-ext/bin/web-ext.js',
        'lint',
        '--source-dir',
        path.join(outDir, 'firefox-mv3'),
        '--output',
        'json',
        '--no-input',
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    const report = JSON.parse(lint.stdout) as {
      summary: { errors: number; warnings: number };
      errors: { code: string }[];
      warnings: { code: string }[];
    };
    expect({
      errors: report.errors.map((e) => e.code),
      warnings: report.warnings.map((w) => w.code),
    }).toEqual({
      errors: [],
      warnings: [],
    });
  });
});
