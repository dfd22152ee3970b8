import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './program.js';

describe('the CLI in server mode', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('refuses to run a command on the shared database, saying why, before connecting to it', async () => {
    vi.stubEnv('HEARBACK_MODE', 'server');
    // Nothing listens here: the command must stop before it would connect.
    vi.stubEnv('DATABASE_URL', 'postgres://nobody@127.0.0.1:1/none');
    vi.stubEnv('HEARBACK_PUBLIC_URL', 'https://hearback.example.org');
    vi.stubEnv('HEARBACK_AUTH_SECRET', 'x'.repeat(32));
    vi.stubEnv('NO_COLOR', '1');
    const result = await runCli(['today']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'HEARBACK_MODE=server: the hearback commands work on a local hearback only',
    );
  });
});
