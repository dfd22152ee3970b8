import type { MailboxReader } from '../../core/inbox-account.js';

const load = async () => (await import('./imap-mailbox.js')).imapMailbox;

/** The IMAP mailbox, with imapflow and mailparser loaded only when a command reads mail. */
export const lazyImapMailbox: MailboxReader = {
  check: async (server) => (await load()).check(server),
  async *newMail(server, folder, position, since) {
    yield* (await load()).newMail(server, folder, position, since);
  },
  watch: async (server, folder, handlers, signal) => (await load()).watch!(server, folder, handlers, signal),
  bodyText: async (server, folder, uidValidity, uid) =>
    (await load()).bodyText(server, folder, uidValidity, uid),
};
