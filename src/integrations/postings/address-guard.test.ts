import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, isBlockedAddress, resolveAllowedAddresses } from './address-guard.js';
import { PostingImportError } from './posting-import-error.js';

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '0.0.0.0',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '224.0.0.251',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456:789a::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '64:ff9b::10.0.0.1',
    '2002:7f00:1::',
    '[::1]',
  ])('refuses %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '192.169.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('allows the public address %s', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });

  it('refuses anything that is not an IP address', () => {
    expect(isBlockedAddress('localhost')).toBe(true);
    expect(isBlockedAddress('127.0.0.1.nip.io')).toBe(true);
  });

  it('judges an IPv4-mapped IPv6 address exactly as the IPv4 address it carries', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        expect(isBlockedAddress(`::ffff:${v4}`)).toBe(isBlockedAddress(v4));
        const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
        const hex = `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        expect(isBlockedAddress(hex)).toBe(isBlockedAddress(v4));
      }),
    );
  });

  it('refuses every address in 127.0.0.0/8 and 10.0.0.0/8', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.constantFrom(127, 10), octet, octet, octet, (first, b, c, d) => {
        expect(isBlockedAddress(`${first}.${b}.${c}.${d}`)).toBe(true);
      }),
    );
  });

  it('classifies every IPv6 address without throwing', () => {
    fc.assert(
      fc.property(fc.ipV6(), (v6) => {
        expect(['public', 'private', 'forbidden']).toContain(classifyAddress(v6));
      }),
    );
  });

  it.each([
    ['127.0.0.1', 'private'],
    ['::1', 'private'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.0.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12::1', 'private'],
    ['::ffff:127.0.0.1', 'private'],
    ['0.0.0.0', 'forbidden'],
    ['::', 'forbidden'],
    ['169.254.169.254', 'forbidden'],
    ['::ffff:169.254.169.254', 'forbidden'],
    ['fe80::1', 'forbidden'],
    ['fd00:ec2::254', 'forbidden'],
    ['100.100.100.200', 'forbidden'],
    ['::7f00:1', 'forbidden'],
    ['255.255.255.255', 'forbidden'],
    ['8.8.8.8', 'public'],
  ])('classifies %s as %s (an opt-in may allow private, never forbidden)', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});

describe('resolveAllowedAddresses', () => {
  it('refuses a host when any of its addresses is private, even if another is public', async () => {
    const resolveHost = async () => [
      { address: '93.184.215.14', family: 4 as const },
      { address: '10.0.0.7', family: 4 as const },
    ];
    const error = await resolveAllowedAddresses('mixed.example', 80, { resolveHost }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PostingImportError);
    expect((error as PostingImportError).code).toBe('POSTING_BLOCKED_ADDRESS');
    expect((error as PostingImportError).details).toEqual({ host: 'mixed.example', address: '10.0.0.7' });
  });

  it('answers private addresses the policy allows, and reports each one', async () => {
    const answers = [
      { address: '::1', family: 6 as const },
      { address: '10.1.2.3', family: 4 as const },
    ];
    const reported: unknown[] = [];
    await expect(
      resolveAllowedAddresses('intranet.example', 8080, {
        privateAddresses: { allows: () => true, onAllowed: (target) => reported.push(target) },
        resolveHost: async () => answers,
      }),
    ).resolves.toEqual(answers);
    expect(reported).toEqual([
      { host: 'intranet.example', address: '::1', port: 8080 },
      { host: 'intranet.example', address: '10.1.2.3', port: 8080 },
    ]);
  });

  it('never answers link-local or metadata addresses, even when every private address is allowed', async () => {
    const privateAddresses = { allows: () => true };
    await expect(
      resolveAllowedAddresses('169.254.169.254', 80, { privateAddresses, resolveHost: async () => [] }),
    ).rejects.toMatchObject({ code: 'POSTING_BLOCKED_ADDRESS' });
    await expect(
      resolveAllowedAddresses('metadata.google.internal', 80, {
        privateAddresses,
        resolveHost: async () => [{ address: '8.8.8.8', family: 4 }],
      }),
    ).rejects.toMatchObject({
      code: 'POSTING_BLOCKED_ADDRESS',
      details: { host: 'metadata.google.internal' },
    });
  });

  it('answers every public address', async () => {
    const answers = [
      { address: '2606:4700:4700::1111', family: 6 as const },
      { address: '1.1.1.1', family: 4 as const },
    ];
    await expect(
      resolveAllowedAddresses('one.example', 443, { resolveHost: async () => answers }),
    ).resolves.toEqual(answers);
  });

  it('checks IP literals without asking DNS', async () => {
    const resolveHost = async () => {
      throw new Error('DNS must not be asked');
    };
    await expect(resolveAllowedAddresses('[::1]', 80, { resolveHost })).rejects.toMatchObject({
      code: 'POSTING_BLOCKED_ADDRESS',
    });
    await expect(resolveAllowedAddresses('8.8.8.8', 80, { resolveHost })).resolves.toEqual([
      { address: '8.8.8.8', family: 4 },
    ]);
  });

  it('turns a DNS failure into a fetch error naming the host', async () => {
    const resolveHost = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(resolveAllowedAddresses('nowhere.invalid', 80, { resolveHost })).rejects.toMatchObject({
      code: 'POSTING_FETCH_FAILED',
      details: { host: 'nowhere.invalid', reason: 'ENOTFOUND' },
    });
  });
});
