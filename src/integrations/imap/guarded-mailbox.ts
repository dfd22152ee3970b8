import { fieldError } from '../../core/errors.js';
import type { ImapServer, MailboxReader } from '../../core/inbox-account.js';
import type { PrivateAddressPolicy, ResolveHost } from '../postings/address-guard.js';
import { PostingImportError } from '../postings/posting-import-error.js';

/**
 * Server mode: anyone with an account types an IMAP URL and the server connects there, so the host is held
 * to the posting reader's address policy (SSRF): every address it resolves to must be public, unless the
 * private-address policy (HEARBACK_ALLOW_PRIVATE_FETCH=1) allows it; link-local and cloud metadata addresses
 * never. The connection then goes to the checked address, with the host name kept for TLS (SNI and the
 * certificate check), so a second DNS answer cannot swap in an internal address.
 */
export function guardMailboxAddresses(
  reader: MailboxReader,
  options: { readonly privateAddresses?: PrivateAddressPolicy; readonly resolveHost?: ResolveHost } = {},
): MailboxReader {
  const checked = async (server: ImapServer): Promise<ImapServer> => {
    // Loaded on the first connection, not at start-up: every CLI command builds the runtime, and `list`
    // must not pay for the address parser (src/cli/startup.test.ts).
    const { resolveAllowedAddresses, resolveWithSystemDns } = await import('../postings/address-guard.js');
    try {
      const [first] = await resolveAllowedAddresses(server.host, server.port, {
        privateAddresses: options.privateAddresses,
        resolveHost: options.resolveHost ?? resolveWithSystemDns,
      });
      return { ...server, address: first!.address };
    } catch (error) {
      if (!(error instanceof PostingImportError)) throw error;
      throw fieldError(
        'imapUrl',
        error.message
          .replace('hearback does not fetch those', 'hearback does not connect to those')
          .replace('hearback never fetches those', 'hearback never connects to those')
          .replace('hearback never fetches it', 'hearback never connects to it'),
      );
    }
  };
  const guarded: MailboxReader = {
    check: async (server) => reader.check(await checked(server)),
    async *newMail(server, folder, position, since) {
      yield* reader.newMail(await checked(server), folder, position, since);
    },
    bodyText: async (server, folder, uidValidity, uid) =>
      reader.bodyText(await checked(server), folder, uidValidity, uid),
  };
  if (reader.watch) {
    const watch = reader.watch.bind(reader);
    guarded.watch = async (server, folder, handlers, signal) =>
      watch(await checked(server), folder, handlers, signal);
  }
  return guarded;
}
