#!/usr/bin/env node
// The `hearback` command: the bundled CLI when built (npm run build makes it), the TypeScript source otherwise.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli-bundle/hearback.js', import.meta.url);
const args = process.argv.slice(2);
if (existsSync(fileURLToPath(bundle))) {
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // Answered before the program loads: asking for the version costs little more than starting Node.
    const { appVersion } = await import('../dist/version.js');
    process.stdout.write(`${appVersion}\n`);
  } else {
    await import(bundle.href);
  }
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
