// Totals the JSON reports the test runners wrote (vitest and Playwright) into one line for CI:
// "N passed, N failed, N skipped". A failing step that wrote no report (typecheck, lint) counts as one failure.
import fs from 'node:fs';
import path from 'node:path';

const [dir, exitStatus] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

const read = (name) => {
  const file = path.join(dir, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
};

const vitest = read('vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file that fails to load has no tests to count, but it is a failure.
  failed += vitest.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
}

const playwright = read('playwright.json');
if (playwright) {
  passed += playwright.stats.expected;
  failed += playwright.stats.unexpected + playwright.stats.flaky;
  skipped += playwright.stats.skipped;
}

// The production-install check of .ci/run (scripts/check-production-install.mjs), one test.
const productionInstall = read('production-install.json');
if (productionInstall) {
  passed += productionInstall.passed;
  failed += productionInstall.failed;
}

const e2eSkip = read('e2e-skipped.json');
if (e2eSkip) skipped += e2eSkip.count;

if (Number(exitStatus) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
