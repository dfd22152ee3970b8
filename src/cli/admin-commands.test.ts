import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startScratchPostgres } from '../../test/support/scratch-postgres.js';
import { runCli } from './program.js';

/** `hearback admin …` on a server-mode database of its own (TEST_DATABASE_URL's server, or PGlite). */
describe('hearback admin (server mode)', () => {
  let database: Awaited<ReturnType<typeof startScratchPostgres>>;
  beforeAll(async () => {
    database = await startScratchPostgres();
  }, 180_000);
  afterAll(async () => {
    await database?.stop();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  function serverMode(): void {
    vi.stubEnv('HEARBACK_MODE', 'server');
    vi.stubEnv('DATABASE_URL', database.url);
    vi.stubEnv('HEARBACK_PUBLIC_URL', 'https://hearback.example.org');
    vi.stubEnv('HEARBACK_AUTH_SECRET', 'a-test-secret-of-more-than-32-bytes-0123456789');
    vi.stubEnv('NO_COLOR', '1');
  }

  it('creates an admin and a coach with temporary passwords, refuses a taken email, and lists them', async () => {
    serverMode();
    const created = await runCli([
      'admin',
      'create-user',
      '--email',
      'Root@Example.org',
      '--role',
      'admin',
      '--json',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const admin = JSON.parse(created.stdout);
    expect(admin).toMatchObject({ email: 'root@example.org', role: 'admin', name: 'Root' });
    expect(admin.temporaryPassword).toMatch(/^[\w-]{24}$/);

    const coach = await runCli(['admin', 'create-user', '--email', 'coach@example.org', '--role', 'coach']);
    expect(coach.code).toBe(0);
    expect(coach.stdout).toMatch(/created coach@example.org \(coach\)/);
    expect(coach.stdout).toMatch(/temporary password: \S{24}/);

    const again = await runCli(['admin', 'create-user', '--email', 'coach@example.org']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/email.*already exists/);

    const badRole = await runCli(['admin', 'create-user', '--email', 'x@example.org', '--role', 'root']);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/role/);

    const listed = await runCli(['admin', 'list-users', '--json']);
    expect(listed.code).toBe(0);
    const users = JSON.parse(listed.stdout) as { email: string; role: string }[];
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ['root@example.org', 'admin'],
      ['coach@example.org', 'coach'],
    ]);
    expect(listed.stdout).not.toMatch(/argon2|password/i);

    const demoted = await runCli([
      'admin',
      'set-role',
      '--email',
      'coach@example.org',
      '--role',
      'job_seeker',
    ]);
    expect(demoted.code).toBe(0);
    expect(demoted.stdout).toMatch(/job_seeker/);
  });

  it('invites an email with a role, printing the link (no SMTP server: not emailed), in words and as JSON', async () => {
    serverMode();
    const printed = await runCli(['admin', 'invite', 'Invited@Example.org', '--role', 'coach']);
    expect(printed.stderr).toBe('');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/invited invited@example.org \(coach\)/);
    expect(printed.stdout).toMatch(
      /link \(works once\): https:\/\/hearback\.example\.org\/invite\/[\w-]{43}\n/,
    );
    expect(printed.stdout).toMatch(/not emailed \(no HEARBACK_SMTP_URL\)/);

    const json = await runCli(['admin', 'invite', 'second@example.org', '--json']);
    expect(json.code).toBe(0);
    const created = JSON.parse(json.stdout);
    expect(created).toMatchObject({
      invitation: { email: 'second@example.org', role: 'job_seeker', status: 'pending', invitedBy: null },
      emailed: false,
    });
    expect(created.link).toMatch(/^https:\/\/hearback\.example\.org\/invite\/[\w-]{43}$/);

    const badRole = await runCli(['admin', 'invite', 'x@example.org', '--role', 'root']);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/role/);
    const badEmail = await runCli(['admin', 'invite', 'not-an-email']);
    expect(badEmail.code).not.toBe(0);
    expect(badEmail.stderr).toMatch(/email: must be an email address/);
  });

  it('refuses in local mode, saying what server mode needs', async () => {
    vi.stubEnv('HEARBACK_MODE', 'local');
    vi.stubEnv('NO_COLOR', '1');
    const result = await runCli(['admin', 'list-users']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('hearback admin works on a server-mode hearback');
  });
});
