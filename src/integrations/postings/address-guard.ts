import dns from 'node:dns';
import net from 'node:net';
import { PostingImportError } from './posting-import-error.js';

/**
 * In server mode the fetcher must not become a way into the server's own network (SSRF): every address a
 * host name resolves to is checked, and the connection is then pinned to the checked address so a second
 * DNS answer (rebinding) cannot swap it for an internal one.
 */
export type ResolvedAddress = { readonly address: string; readonly family: 4 | 6 };

/** Answers every address of a host; injectable so tests can stand in for DNS. */
export type ResolveHost = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const resolveWithSystemDns: ResolveHost = async (hostname) => {
  const answers = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** [first address, prefix length] of IPv4 ranges that are not the public internet. */
const blockedV4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network", includes the unspecified address
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, includes cloud metadata endpoints
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, includes broadcast
];

const blockedV4Ranges = blockedV4.map(([base, prefix]) => {
  const start = ipv4ToNumber(base)!;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { start, mask };
});

function ipv4ToNumber(address: string): number | null {
  const parts = address.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

function isBlockedV4Number(value: number): boolean {
  return blockedV4Ranges.some(({ start, mask }) => (value & mask) >>> 0 === start);
}

/** Eight 16-bit groups, or null when the text is not an IPv6 address. */
export function parseIpv6(text: string): number[] | null {
  const address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!net.isIPv6(address)) return null;
  let head = address;
  const tail: number[] = [];
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (dotted) {
    const v4 = ipv4ToNumber(dotted[1]!);
    if (v4 === null) return null;
    tail.push(v4 >>> 16, v4 & 0xffff);
    head = address.slice(0, -dotted[1]!.length);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const [left = '', right] = head.split('::');
  const toGroups = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const leftGroups = toGroups(left);
  const rightGroups = [...(right === undefined ? [] : toGroups(right)), ...tail];
  if (right === undefined) return [...leftGroups, ...tail];
  const zeros = 8 - leftGroups.length - rightGroups.length;
  return [...leftGroups, ...new Array<number>(zeros).fill(0), ...rightGroups];
}

function embeddedV4(groups: readonly number[]): number {
  return ((groups[6]! << 16) >>> 0) + groups[7]!;
}

function isBlockedV6(groups: readonly number[]): boolean {
  const [g0, g1, g2, g3, g4, g5] = groups as [number, number, number, number, number, number];
  const leadingZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (leadingZero && g5 === 0xffff) return isBlockedV4Number(embeddedV4(groups)); // IPv4-mapped
  if (leadingZero && g5 === 0) return true; // unspecified, loopback, and the deprecated IPv4-compatible form
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return isBlockedV4Number(embeddedV4(groups)); // NAT64
  }
  if (g0 === 0x2002) return isBlockedV4Number(((g1 << 16) >>> 0) + g2); // 6to4
  if ((g0 & 0xffc0) === 0xfe80) return true; // link-local
  if ((g0 & 0xffc0) === 0xfec0) return true; // site-local (deprecated)
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return true; // discard-only
  if (g0 === 0x2001 && (g1 === 0x0db8 || g1 === 0)) return true; // documentation, Teredo
  return false;
}

/** True for loopback, private, link-local, unique-local, multicast, unspecified and other non-public addresses. */
export function isBlockedAddress(address: string): boolean {
  const v4 = ipv4ToNumber(address);
  if (v4 !== null) return isBlockedV4Number(v4);
  const v6 = parseIpv6(address);
  if (v6 !== null) return isBlockedV6(v6);
  return true;
}

/**
 * Resolves the host once and answers the addresses to connect to. With `blockPrivateAddresses`, refuses the
 * host when any of its addresses is non-public: a name that answers both a public and an internal address
 * is exactly what a rebinding attack looks like. All answers are kept so the connection can still fall back
 * from a broken IPv6 route to IPv4, among checked addresses only.
 */
export async function resolveAllowedAddresses(
  hostname: string,
  options: { readonly blockPrivateAddresses: boolean; readonly resolveHost: ResolveHost },
): Promise<readonly ResolvedAddress[]> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const literal = net.isIP(bare);
  let answers: readonly ResolvedAddress[];
  if (literal !== 0) {
    answers = [{ address: bare, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      answers = await options.resolveHost(bare);
    } catch (error) {
      throw new PostingImportError('POSTING_FETCH_FAILED', `Could not find the host ${bare}.`, {
        host: bare,
        reason: (error as NodeJS.ErrnoException).code ?? 'dns',
      });
    }
  }
  const first = answers[0];
  if (!first) {
    throw new PostingImportError('POSTING_FETCH_FAILED', `Could not find the host ${bare}.`, { host: bare });
  }
  if (options.blockPrivateAddresses) {
    const blocked = answers.find((a) => isBlockedAddress(a.address));
    if (blocked) {
      throw new PostingImportError(
        'POSTING_BLOCKED_ADDRESS',
        `${bare} points to a private or local network address (${blocked.address}); the server does not fetch those.`,
        { host: bare, address: blocked.address },
      );
    }
  }
  return answers;
}

/** A `lookup` for http.request that always answers the addresses already checked, whatever DNS says now. */
export function pinLookup(pinned: readonly ResolvedAddress[]): net.LookupFunction {
  const first = pinned[0]!;
  return (_hostname, options, callback) => {
    if (options.all) {
      (callback as (err: null, addresses: dns.LookupAddress[]) => void)(
        null,
        pinned.map((a) => ({ address: a.address, family: a.family })),
      );
    } else {
      callback(null, first.address, first.family);
    }
  };
}
