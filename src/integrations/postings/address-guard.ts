import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { PostingImportError } from './posting-import-error.js';

/**
 * The fetcher must not become a way into the network hearback runs in (SSRF): every address a host name
 * resolves to is checked, and the connection is then pinned to the checked addresses, so a second DNS answer
 * (rebinding) cannot swap in an internal one. The same check runs again on every redirect.
 */
export type ResolvedAddress = { readonly address: string; readonly family: 4 | 6 };

/** Answers every address of a host; injectable so tests can stand in for DNS. */
export type ResolveHost = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const resolveWithSystemDns: ResolveHost = async (hostname) => {
  const answers = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * `public`: the internet. `private`: loopback, RFC 1918, carrier-grade NAT and IPv6 unique-local, which an
 * opt-in may allow (postings on an intranet). `forbidden`: everything else that is not a public unicast
 * address (unspecified, link-local with the cloud metadata endpoints, multicast, broadcast, reserved), never
 * fetched.
 */
export type AddressKind = 'public' | 'private' | 'forbidden';

const privateRanges = new Set(['loopback', 'private', 'carrierGradeNat', 'uniqueLocal']);

/** Cloud metadata endpoints outside link-local (AWS over IPv6, Alibaba): forbidden even with the opt-in. */
const metadataAddresses = new Set(['fd00:ec2::254', '100.100.100.200']);

/** Names of cloud metadata services, refused before DNS is asked, whatever they resolve to. */
const metadataHostNames = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data']);

/** Classifies an IP address (any spelling ipaddr.js reads, brackets and zone allowed); a non-address is forbidden. */
export function classifyAddress(text: string): AddressKind {
  const bare = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return 'forbidden';
  // process() turns an IPv4-mapped IPv6 address into the IPv4 address it carries.
  const address = ipaddr.process(bare);
  if (metadataAddresses.has(address.toString())) return 'forbidden';
  const range = address.range();
  if (address.kind() === 'ipv6') {
    // The deprecated IPv4-compatible form (::a.b.c.d) has no route of its own; ipaddr.js calls it unicast.
    if (range === 'unicast' && address.match(ipaddr.parseCIDR('::/96'))) return 'forbidden';
    const bytes = address.toByteArray();
    // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address they embed: judge that one.
    if (range === 'rfc6052' && address.match(ipaddr.parseCIDR('64:ff9b::/96'))) {
      return classifyAddress(bytes.slice(12, 16).join('.'));
    }
    if (range === '6to4') return classifyAddress(bytes.slice(2, 6).join('.'));
  }
  if (range === 'unicast') return 'public';
  if (privateRanges.has(range)) return 'private';
  return 'forbidden';
}

/** True for every address that is not on the public internet. */
export function isBlockedAddress(address: string): boolean {
  return classifyAddress(address) !== 'public';
}

/** A private address a fetch is about to connect to. */
export type PrivateTarget = { readonly host: string; readonly address: string; readonly port: number };

/**
 * Which private addresses (see AddressKind) may be fetched all the same. Without a policy none may:
 * HEARBACK_ALLOW_PRIVATE_FETCH=1 allows them all, and a test allows only its own listener.
 */
export type PrivateAddressPolicy = {
  readonly allows: (target: PrivateTarget) => boolean;
  /** Told of every private address fetched because `allows` said yes, so the opt-in is logged when used. */
  readonly onAllowed?: (target: PrivateTarget) => void;
};

/** HEARBACK_ALLOW_PRIVATE_FETCH=1: every private address, each one reported to `onAllowed`. */
export function allowEveryPrivateAddress(onAllowed: (target: PrivateTarget) => void): PrivateAddressPolicy {
  return { allows: () => true, onAllowed };
}

/**
 * Resolves the host once and answers the addresses to connect to. Refuses the host when any of its addresses
 * is not public (unless the policy allows that private address): a name that answers both a public and an
 * internal address is exactly what a rebinding attack looks like. All answers are kept so the connection can
 * still fall back from a broken IPv6 route to IPv4, among checked addresses only.
 */
export async function resolveAllowedAddresses(
  hostname: string,
  port: number,
  options: { readonly privateAddresses?: PrivateAddressPolicy; readonly resolveHost: ResolveHost },
): Promise<readonly ResolvedAddress[]> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  const name = bare.toLowerCase().replace(/\.$/, '');
  if (metadataHostNames.has(name)) {
    throw new PostingImportError(
      'POSTING_BLOCKED_ADDRESS',
      `${bare} is a cloud metadata service; hearback never fetches it.`,
      { host: bare, address: null },
    );
  }
  const literal = net.isIP(bare);
  let answers: readonly ResolvedAddress[];
  if (literal !== 0) {
    answers = [{ address: bare, family: literal === 6 ? 6 : 4 }];
  } else if (name === 'localhost' || name.endsWith('.localhost')) {
    // RFC 6761: these names are loopback, whatever a resolver would say.
    answers = [
      { address: '127.0.0.1', family: 4 },
      { address: '::1', family: 6 },
    ];
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
  if (answers.length === 0) {
    throw new PostingImportError('POSTING_FETCH_FAILED', `Could not find the host ${bare}.`, { host: bare });
  }
  const allowed: PrivateTarget[] = [];
  for (const { address } of answers) {
    const kind = classifyAddress(address);
    if (kind === 'public') continue;
    const target = { host: bare, address, port };
    if (kind === 'private' && options.privateAddresses?.allows(target)) {
      allowed.push(target);
      continue;
    }
    throw new PostingImportError(
      'POSTING_BLOCKED_ADDRESS',
      kind === 'private'
        ? `${bare} points to a private or local network address (${address}); hearback does not fetch those unless HEARBACK_ALLOW_PRIVATE_FETCH=1 is set.`
        : `${bare} points to an address that is not on the public internet (${address}); hearback never fetches those.`,
      { host: bare, address },
    );
  }
  for (const target of allowed) options.privateAddresses?.onAllowed?.(target);
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
