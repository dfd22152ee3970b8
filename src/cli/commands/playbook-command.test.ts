import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { runCli } from '../program.js';

let dir: string;

beforeAll(() => {
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('NO_COLOR', '1');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-cli-playbook-'));
});

afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('shows each rule’s delay with its unit in the singular for one', async () => {
  const shown = await runCli(['--data-dir', dir, 'playbook']);
  expect(shown.code).toBe(0);
  expect(shown.stdout).toContain('feedback_request       on   1 business day    (Email)\n');
  expect(shown.stdout).toContain('first_follow_up        on   5 business days   (Phone call)\n');
  expect(shown.stdout).not.toMatch(/\b1 business days\b/);
});
