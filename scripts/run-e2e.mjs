// The browser tests, as `npm test` runs them: in a Chromium that is already on the machine (Debian's
// /usr/bin/chromium, or CHROMIUM_PATH); hearback never downloads a browser. Without one, the suite is skipped
// with a message saying so, and counted as skipped in CI's summary, never as passed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
const chromium = candidates.find((file) => file && fs.existsSync(file));
const reportDir = process.env.HEARBACK_TEST_REPORT_DIR;

if (!chromium) {
  const specs = fs.readdirSync('test/e2e').filter((f) => f.endsWith('.spec.ts')).length;
  console.warn(
    `\n*** Browser tests SKIPPED: no Chromium found (looked for ${candidates.filter(Boolean).join(', ')}).\n` +
      '*** Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to run them.\n',
  );
  if (reportDir) fs.writeFileSync(path.join(reportDir, 'e2e-skipped.json'), JSON.stringify({ count: specs }));
  process.exit(0);
}

const result = spawnSync(
  process.execPath,
  ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  },
);
process.exit(result.status ?? 1);
