import { ImapFlow } from 'imapflow';
import { AppError } from '../../core/errors.js';
import type { FolderPosition, ImapServer, IncomingMail, MailboxReader } from '../../core/inbox-account.js';
import { maxSourceBytes, readBodyText, readIncomingMail } from './read-incoming-mail.js';

/** At most this many messages per folder and sync; the next sync goes on from where this one stopped. */
const maxPerSync = 500;

function clientFor(server: ImapServer): ImapFlow {
  return new ImapFlow({
    host: server.address ?? server.host,
    ...(server.address !== undefined && { servername: server.host }),
    port: server.port,
    secure: server.secure,
    // imap:// is allowed only to loopback (parseImapUrl), where a test server has no certificate.
    doSTARTTLS: server.secure ? undefined : false,
    auth: server.oauth
      ? { user: server.user, accessToken: server.secret }
      : { user: server.user, pass: server.secret },
    // imapflow logs every command; its logger would print the LOGIN line, so hearback keeps it off.
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
}

/** The mailbox read through imapflow, read-only: folders are opened with EXAMINE, nothing is flagged. */
export const imapMailbox: MailboxReader = {
  async check(server) {
    const client = clientFor(server);
    try {
      await client.connect();
    } catch (error) {
      throw connectError(server, error);
    }
    await client.logout().catch(() => {});
  },
  async *newMail(server, folder, position, since) {
    const client = clientFor(server);
    try {
      await client.connect();
    } catch (error) {
      throw connectError(server, error);
    }
    try {
      const mailbox = await client.mailboxOpen(folder, { readOnly: true });
      const uidValidity = mailbox.uidValidity.toString();
      const from = position && position.uidValidity === uidValidity ? position.lastSeenUid : null;
      const found =
        (await client.search(from === null ? { since } : { uid: `${from + 1}:*`, since }, { uid: true })) ||
        [];
      // `N:*` always names the last message, even when its UID is below N.
      const uids = found
        .filter((uid) => from === null || uid > from)
        .sort((a, b) => a - b)
        .slice(0, maxPerSync);
      for (const uid of uids) {
        const message = await client.fetchOne(
          String(uid),
          { uid: true, source: { maxLength: maxSourceBytes } },
          { uid: true },
        );
        const source = message === false ? undefined : message.source;
        if (!source) continue;
        const mail: IncomingMail = await readIncomingMail(uid, source);
        yield { uidValidity, mail };
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  },
  async watch(server, folder, handlers, signal) {
    const client = clientFor(server);
    try {
      await client.connect();
    } catch (error) {
      throw connectError(server, error);
    }
    const stop = () => {
      void client.logout().catch(() => client.close());
    };
    try {
      if (!client.capabilities.has('IDLE')) return 'unsupported';
      // EXAMINE: the watch reads nothing and changes nothing, it only hears that the count went up.
      await client.mailboxOpen(folder, { readOnly: true });
      client.on('exists', (data: { count: number; prevCount: number }) => {
        if (data.count > data.prevCount) handlers.onNewMail();
      });
      signal.addEventListener('abort', stop, { once: true });
      let ready = false;
      // imapflow 2.x does not start IDLE by itself here (disableAutoIdle): idle() holds it until it ends
      // (imapflow restarts it before the server's 29-minute limit), then it is started again.
      while (!signal.aborted && client.usable) {
        const idling = client.idle();
        if (!ready) {
          ready = true;
          handlers.onReady?.();
        }
        await idling;
      }
      return 'closed';
    } catch (error) {
      if (signal.aborted || !client.usable) return 'closed';
      throw connectError(server, error);
    } finally {
      signal.removeEventListener('abort', stop);
      if (client.usable) stop();
    }
  },
  async bodyText(server, folder, uidValidity, uid) {
    const client = clientFor(server);
    try {
      await client.connect();
    } catch (error) {
      throw connectError(server, error);
    }
    try {
      // EXAMINE: reading the body does not mark the message as seen.
      const mailbox = await client.mailboxOpen(folder, { readOnly: true });
      if (mailbox.uidValidity.toString() !== uidValidity) return null;
      const message = await client.fetchOne(
        String(uid),
        { uid: true, source: { maxLength: maxSourceBytes } },
        { uid: true },
      );
      if (message === false || !message.source) return null;
      return await readBodyText(message.source);
    } catch (error) {
      throw connectError(server, error);
    } finally {
      await client.logout().catch(() => client.close());
    }
  },
};

function connectError(server: ImapServer, error: unknown): AppError {
  const e = error as { authenticationFailed?: boolean; code?: string; message?: string };
  // The server's own words can echo the user name, never the password; still, only the kind is passed on.
  const why = e.authenticationFailed
    ? 'the server refused the user name or password (app password?)'
    : e.code === 'ENOTFOUND'
      ? 'the server name was not found'
      : e.code === 'ECONNREFUSED'
        ? 'the server refused the connection'
        : e.code === 'ETIMEDOUT' || e.code === 'CONNECT_TIMEOUT'
          ? 'the server did not answer in time'
          : 'the connection failed';
  return new AppError(
    'INBOX_CONNECT_FAILED',
    `Could not read the mailbox at ${server.host}:${server.port}: ${why}`,
    {
      host: server.host,
      port: server.port,
    },
  );
}

export type { FolderPosition };
