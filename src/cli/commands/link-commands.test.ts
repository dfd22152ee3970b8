import { describe, expect, it, vi } from 'vitest';
import { inProcessCli } from '../../../test/support/in-process-cli.js';

const { hearback, json } = inProcessCli('link');

describe('hearback link', () => {
  it('explains, and makes nothing, when hearback is not reachable from outside', async () => {
    vi.stubEnv('HEARBACK_PUBLIC_URL', '');
    const added = await json('add', '-c', 'Acme', '-t', 'Engineer');
    const refused = await hearback('link', 'create', added.id);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr + refused.stdout).toContain('HEARBACK_PUBLIC_URL');
    const shown = await json('link', 'show', added.id);
    expect(shown).toMatchObject({ available: false, link: null });
  });

  it('creates, shows and revokes the link; --json gives { url, expiresAt }', async () => {
    vi.stubEnv('HEARBACK_PUBLIC_URL', 'https://hearback.example.org');
    const added = await json('add', '-c', 'Initech', '-t', 'Designer');
    const created = await json('link', 'create', added.id, '--days', '7');
    expect(Object.keys(created).sort()).toEqual(['expiresAt', 'url']);
    expect(created.url).toMatch(/^https:\/\/hearback\.example\.org\/r\/[A-Za-z0-9_-]{43}$/);
    const shown = await json('link', 'show', added.id);
    expect(shown.link.expiresAt).toBe(created.expiresAt);
    expect(Date.parse(created.expiresAt) - Date.parse(shown.link.createdAt)).toBe(7 * 86_400_000);
    expect((await hearback('link', 'show', added.id)).stdout).toMatch(/Link\s+active since/);
    const badDays = await hearback('link', 'create', added.id, '--days', '0');
    expect(badDays.code).not.toBe(0);
    expect(badDays.stderr + badDays.stdout).toContain('--days');
    expect((await hearback('link', 'revoke', added.id)).stdout).toContain('no longer works');
    expect((await json('link', 'show', added.id)).link).toBeNull();
  });
});
