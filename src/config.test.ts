import { describe, expect, it } from 'vitest';
import { describeConfig, loadConfig, parseEnvironment, readPlainEnvironment } from './config.js';

describe('loadConfig', () => {
  it('refuses private-address fetches unless HEARBACK_ALLOW_PRIVATE_FETCH is 1 or true', () => {
    expect(loadConfig({}).allowPrivateFetch).toBe(false);
    expect(loadConfig({ HEARBACK_ALLOW_PRIVATE_FETCH: '' }).allowPrivateFetch).toBe(false);
    expect(loadConfig({ HEARBACK_ALLOW_PRIVATE_FETCH: '0' }).allowPrivateFetch).toBe(false);
    expect(loadConfig({ HEARBACK_ALLOW_PRIVATE_FETCH: '1' }).allowPrivateFetch).toBe(true);
    expect(loadConfig({ HEARBACK_ALLOW_PRIVATE_FETCH: 'true' }).allowPrivateFetch).toBe(true);
    expect(() => loadConfig({ HEARBACK_ALLOW_PRIVATE_FETCH: 'yes' })).toThrow(
      'HEARBACK_ALLOW_PRIVATE_FETCH: must be 1 (allow) or 0 (the default: refuse)',
    );
  });

  it('answers to the public URL host and HEARBACK_ALLOWED_HOSTS besides the loopback names', () => {
    expect(loadConfig({}).allowedHosts).toEqual(['127.0.0.1']);
    expect(loadConfig({ HOST: '0.0.0.0' }).allowedHosts).toEqual(['localhost']);
    expect(
      loadConfig({
        HEARBACK_PUBLIC_URL: 'https://Hearback.Example.org/',
        HEARBACK_ALLOWED_HOSTS: ' tracker.internal:8443, 10.0.0.5 ,,[fd00::5]',
      }).allowedHosts,
    ).toEqual(['hearback.example.org', 'tracker.internal', '10.0.0.5', '[fd00::5]']);
    expect(() => loadConfig({ HEARBACK_ALLOWED_HOSTS: 'ok.example,bad/host' })).toThrow(
      'HEARBACK_ALLOWED_HOSTS: must be host names separated by commas',
    );
  });

  it('stays in local mode, without accounts, unless HEARBACK_MODE=server', () => {
    expect(loadConfig({})).toMatchObject({ mode: 'local', accounts: null, trustProxy: null });
    expect(() => loadConfig({ HEARBACK_MODE: 'cloud' })).toThrow('HEARBACK_MODE: must be local');
  });

  const server = {
    HEARBACK_MODE: 'server',
    DATABASE_URL: 'postgres://hearback@db.internal/hearback',
    HEARBACK_PUBLIC_URL: 'https://hearback.example.org',
    HEARBACK_AUTH_SECRET: 'x'.repeat(32),
  };

  it('starts server mode with PostgreSQL, a public URL and a secret of at least 32 bytes', () => {
    expect(loadConfig(server)).toMatchObject({
      mode: 'server',
      accounts: { secret: 'x'.repeat(32), signUp: true },
      publicUrl: 'https://hearback.example.org',
    });
    expect(loadConfig({ ...server, HEARBACK_SIGN_UP: 'off' }).accounts?.signUp).toBe(false);
    expect(() => loadConfig({ ...server, HEARBACK_SIGN_UP: 'no' })).toThrow('HEARBACK_SIGN_UP: must be on');
  });

  it('reads the server’s own mail: verification on with it by default, refused without it', () => {
    expect(loadConfig(server).accounts).toMatchObject({ mail: null, requireEmailVerification: false });
    const withMail = loadConfig({
      ...server,
      HEARBACK_SMTP_URL: 'smtps://hb:secret-pass@mail.example.org:465',
    });
    expect(withMail.accounts).toMatchObject({
      mail: {
        smtpUrl: 'smtps://hb:secret-pass@mail.example.org:465',
        from: `hearback@${new URL(server.HEARBACK_PUBLIC_URL).hostname}`,
      },
      requireEmailVerification: true,
    });
    expect(JSON.stringify(describeConfig(withMail))).not.toContain('secret-pass');
    expect(
      loadConfig({
        ...server,
        HEARBACK_SMTP_URL: 'smtp://127.0.0.1:2525',
        HEARBACK_MAIL_FROM: 'career@example.org',
        HEARBACK_REQUIRE_EMAIL_VERIFICATION: 'off',
      }).accounts,
    ).toMatchObject({ mail: { from: 'career@example.org' }, requireEmailVerification: false });
    expect(() => loadConfig({ ...server, HEARBACK_REQUIRE_EMAIL_VERIFICATION: 'on' })).toThrow(
      /HEARBACK_REQUIRE_EMAIL_VERIFICATION: on needs HEARBACK_SMTP_URL/,
    );
    expect(() => loadConfig({ ...server, HEARBACK_SMTP_URL: 'http://mail.example.org' })).toThrow(
      /HEARBACK_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => loadConfig({ ...server, HEARBACK_MAIL_FROM: 'nobody' })).toThrow(
      /HEARBACK_MAIL_FROM: must be an email/,
    );
  });

  it('refuses server mode naming each missing variable: the public URL, the secret, PostgreSQL', () => {
    expect(() => loadConfig({ ...server, HEARBACK_PUBLIC_URL: undefined })).toThrow(
      /HEARBACK_PUBLIC_URL: server mode needs the address people use/,
    );
    expect(() => loadConfig({ ...server, HEARBACK_AUTH_SECRET: undefined })).toThrow(
      /HEARBACK_AUTH_SECRET: server mode needs a secret of at least 32 bytes \(it is not set\)/,
    );
    expect(() => loadConfig({ ...server, HEARBACK_AUTH_SECRET: 'x'.repeat(31) })).toThrow(
      /HEARBACK_AUTH_SECRET: .*\(it has 31\)/,
    );
    // Bytes, not characters: 11 three-byte characters are 33 bytes.
    expect(loadConfig({ ...server, HEARBACK_AUTH_SECRET: '€'.repeat(11) }).mode).toBe('server');
    expect(() => loadConfig({ ...server, DATABASE_URL: undefined })).toThrow(
      /DATABASE_URL: server mode runs on PostgreSQL only/,
    );
    expect(() => loadConfig({ HEARBACK_MODE: 'server' })).toThrow(
      /DATABASE_URL[\s\S]*HEARBACK_PUBLIC_URL[\s\S]*HEARBACK_AUTH_SECRET/,
    );
  });

  it('masks the auth secret in the start-up log', async () => {
    const { describeConfig } = await import('./config.js');
    const described = JSON.stringify(describeConfig(loadConfig(server)));
    expect(described).not.toContain('x'.repeat(32));
    expect(described).toContain('"authSecret":"***"');
  });

  it('reads HEARBACK_TRUST_PROXY as a number of hops or a list of proxy addresses', () => {
    expect(loadConfig({ HEARBACK_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ HEARBACK_TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).trustProxy).toBe(
      '127.0.0.1,10.0.0.0/8',
    );
    expect(() => loadConfig({ HEARBACK_TRUST_PROXY: 'yes please' })).toThrow('HEARBACK_TRUST_PROXY: must be');
  });

  it('reads the common environment without the schema, exactly as the schema does', () => {
    const shell = { PATH: '/usr/bin', HOME: '/home/a', NO_COLOR: '1', HEARBACK_DEBUG: '1' };
    const environments: Record<string, string>[] = [
      {},
      shell,
      { ...shell, HEARBACK_DATA_DIR: '/srv/hearback', HOST: '0.0.0.0', LOG_LEVEL: 'warn' },
      ...['0', '80', '080', '4600', '65535', '65536', '99999', '1e3', ' 80', '-1', '8.5', '0x50'].map(
        (PORT) => ({
          PORT,
        }),
      ),
      ...['postgres://u@h/db', 'postgresql://h/db', 'mysql://h/db', 'Postgres://h/db'].map(
        (DATABASE_URL) => ({
          DATABASE_URL,
        }),
      ),
      ...['fatal', 'silent', 'INFO', 'verbose'].map((LOG_LEVEL) => ({ LOG_LEVEL })),
      ...['0', '1', 'true', 'false', 'yes'].map((HEARBACK_ALLOW_PRIVATE_FETCH) => ({
        HEARBACK_ALLOW_PRIVATE_FETCH,
      })),
      ...['local', 'server', 'Server'].map((HEARBACK_MODE) => ({ HEARBACK_MODE, HEARBACK_AUTH_SECRET: 's' })),
      ...['on', 'off', 'no'].map((HEARBACK_SIGN_UP) => ({ HEARBACK_SIGN_UP })),
      { HEARBACK_PUBLIC_URL: 'https://hearback.example.org' },
      { HEARBACK_ALLOWED_HOSTS: 'a.example' },
      { HEARBACK_TRUST_PROXY: '1' },
    ];
    let readPlainly = 0;
    for (const environment of environments) {
      const plain = readPlainEnvironment(environment);
      const parsed = parseEnvironment(environment);
      if (plain === undefined) continue;
      readPlainly++;
      expect(parsed, JSON.stringify(environment)).toEqual({ ok: true, environment: plain });
    }
    // The schema is left for what needs it: nothing it refuses is read plainly, and the usual start is.
    expect(readPlainly).toBe(20);
    expect(
      readPlainEnvironment({ ...shell, HEARBACK_DATA_DIR: '/d', DATABASE_URL: 'mysql://h' }),
    ).toBeUndefined();
    expect(readPlainEnvironment({ HEARBACK_PUBLIC_URL: 'https://hearback.example.org' })).toBeUndefined();
    expect(readPlainEnvironment({ ...shell, HEARBACK_DATA_DIR: '/d' })).toMatchObject({ PORT: 4600 });
  });
});
