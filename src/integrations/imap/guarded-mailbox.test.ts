import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import type { ImapServer, MailboxReader } from '../../core/inbox-account.js';
import { allowEveryPrivateAddress, type ResolveHost } from '../postings/address-guard.js';
import { guardMailboxAddresses } from './guarded-mailbox.js';

/** A mailbox reader that records which servers it was asked to connect to. */
function recordingReader(): { reader: MailboxReader; servers: ImapServer[] } {
  const servers: ImapServer[] = [];
  return {
    servers,
    reader: {
      check: async (server) => {
        servers.push(server);
      },
      async *newMail(server) {
        servers.push(server);
        yield* [];
      },
      bodyText: async (server) => {
        servers.push(server);
        return null;
      },
    },
  };
}

const dns: Record<string, string[]> = {
  'imap.example.com': ['93.184.216.34'],
  'intranet.example.com': ['192.168.1.10'],
  'mixed.example.com': ['93.184.216.34', '10.0.0.7'],
};
const resolveHost: ResolveHost = async (name) =>
  (dns[name] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

const server = (host: string): ImapServer => ({
  secure: true,
  host,
  port: 993,
  user: 'me',
  secret: 'app-password',
  oauth: false,
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('IMAP hosts held to the private-address policy (server mode)', () => {
  it('connects to the checked public address and keeps the host name for TLS', async () => {
    const { reader, servers } = recordingReader();
    await guardMailboxAddresses(reader, { resolveHost }).check(server('imap.example.com'));
    expect(servers).toEqual([{ ...server('imap.example.com'), address: '93.184.216.34' }]);
  });

  it.each([
    ['a private address literal', '10.0.0.1'],
    ['a loopback literal', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['a name resolving to a private address', 'intranet.example.com'],
    ['a name resolving to a public and a private address (rebinding)', 'mixed.example.com'],
    ['the cloud metadata address', '169.254.169.254'],
    ['a cloud metadata name', 'metadata.google.internal'],
  ])('refuses %s by field before connecting', async (_what, host) => {
    const { reader, servers } = recordingReader();
    const error = await refusal(guardMailboxAddresses(reader, { resolveHost }).check(server(host)));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^imapUrl: /);
    expect(servers).toEqual([]);
  });

  it('guards every way in: reading new mail and a message body too', async () => {
    const { reader, servers } = recordingReader();
    const guarded = guardMailboxAddresses(reader, { resolveHost });
    const reading = (async () => {
      for await (const _ of guarded.newMail(server('10.1.2.3'), 'INBOX', null, new Date())) {
        /* nothing */
      }
    })();
    expect((await refusal(reading)).code).toBe('VALIDATION_FAILED');
    expect((await refusal(guarded.bodyText(server('10.1.2.3'), 'INBOX', '1', 1))).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(servers).toEqual([]);
  });

  it('allows a private address with HEARBACK_ALLOW_PRIVATE_FETCH=1, but never link-local', async () => {
    const { reader, servers } = recordingReader();
    const allowed: string[] = [];
    const guarded = guardMailboxAddresses(reader, {
      resolveHost,
      privateAddresses: allowEveryPrivateAddress((target) => allowed.push(target.address)),
    });
    await guarded.check(server('intranet.example.com'));
    expect(servers.map((s) => s.address)).toEqual(['192.168.1.10']);
    expect(allowed).toEqual(['192.168.1.10']);
    await refusal(guarded.check(server('169.254.169.254')));
    expect(servers).toHaveLength(1);
  });
});
