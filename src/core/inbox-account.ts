import { z } from 'zod';
import { fieldError } from './errors.js';
import { id, limits } from './fields.js';

/** Seals and opens a secret with a key kept outside the database (integrations/imap/secret-box.ts). */
export type SecretBox = { seal(plain: string): string; open(sealed: string): string };

/** Where and how to log in to a mailbox, read from an `imaps://user:password@host:993` URL. */
export type ImapServer = {
  readonly secure: boolean;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** An app password, or with `?auth=oauth` an OAuth access token. */
  readonly secret: string;
  readonly oauth: boolean;
  /**
   * Server mode: the address `host` resolved to and was checked against the private-address policy; the
   * connection goes there, with `host` kept as the TLS name (integrations/imap/guarded-mailbox.ts).
   */
  readonly address?: string;
};

/** One message as the mailbox reader hands it over, parsed and cut down; nothing here is trusted. */
export type IncomingMail = {
  readonly uid: number;
  readonly messageId: string | null;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly from: { readonly address: string; readonly name: string | null } | null;
  readonly replyTo: string | null;
  readonly date: string | null;
  readonly subject: string;
  /** Plain text of the body (HTML turned into text, never rendered), at most `maxTextLength` characters. */
  readonly text: string;
  /** Header names in lower case with their first value, only those the rules read. */
  readonly headers: Readonly<Record<string, string>>;
  /** The text of `text/calendar` parts (an interview invitation), at most a few. */
  readonly calendars: readonly string[];
};

export const maxTextLength = 20_000;
/** The full text kept of a message the user confirmed: at most this many characters (64 kB). */
export const maxBodyLength = 64_000;

export type FolderPosition = { readonly uidValidity: string; readonly lastSeenUid: number };

/**
 * The user's mailbox over IMAP, read-only: hearback never deletes, moves or flags mail. `newMail` yields the
 * messages of a folder received since `since` with a UID above the position (all of them without one), in
 * UID order, with the folder's UIDVALIDITY; a changed UIDVALIDITY starts the folder again.
 */
export type MailboxReader = {
  check(server: ImapServer): Promise<void>;
  newMail(
    server: ImapServer,
    folder: string,
    position: FolderPosition | null,
    since: Date,
  ): AsyncIterable<{ readonly uidValidity: string; readonly mail: IncomingMail }>;
  /**
   * The plain text of one message (HTML turned into text), at most `maxBodyLength` characters, read by its
   * folder, UIDVALIDITY and UID with the folder opened read-only; null when the folder's UIDVALIDITY changed
   * or the message is gone.
   */
  bodyText(server: ImapServer, folder: string, uidValidity: string, uid: number): Promise<string | null>;
  /**
   * Holds one connection open on a folder (read-only) with IMAP IDLE and calls `onNewMail` each time the
   * server says a message arrived; `onReady` once IDLE can hear it. Returns 'unsupported' at once when the
   * server has no IDLE, 'closed' when the connection ends or `signal` aborts; throws when it cannot connect.
   */
  watch?(
    server: ImapServer,
    folder: string,
    handlers: { readonly onNewMail: () => void; readonly onReady?: () => void },
    signal: AbortSignal,
  ): Promise<'unsupported' | 'closed'>;
};

/** The mailbox parts of the runtime: present when the runtime knows where its secret key lives. */
export type InboxPorts = { readonly secrets: SecretBox; readonly mailbox: MailboxReader };

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * Reads an IMAP URL: `imaps://` (TLS) to any host, `imap://` (no TLS) only to a loopback host, for tests and
 * local bridges such as Proton Mail Bridge. The user and password are percent-decoded.
 */
export function parseImapUrl(value: string, field = 'imapUrl'): ImapServer {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fieldError(
      field,
      'must be a URL such as imaps://me%40example.com:app-password@imap.example.com:993',
    );
  }
  if (url.protocol !== 'imaps:' && url.protocol !== 'imap:') {
    throw fieldError(field, 'must start with imaps:// (or imap:// to a loopback host)');
  }
  const secure = url.protocol === 'imaps:';
  if (!secure && !loopbackHosts.has(url.hostname)) {
    throw fieldError(
      field,
      'imap:// sends the password unencrypted, so it is allowed only to a loopback host; use imaps://',
    );
  }
  if (!url.username)
    throw fieldError(field, 'must name the user, e.g. imaps://me%40example.com:app-password@host');
  if (!url.password)
    throw fieldError(field, 'must carry the app password (or the OAuth token with ?auth=oauth)');
  const port = url.port ? Number(url.port) : secure ? 993 : 143;
  return {
    secure,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    user: safeDecode(url.username),
    secret: safeDecode(url.password),
    oauth: url.searchParams.get('auth') === 'oauth',
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What the user sees of the account: who, where; never the password. */
export function accountLabelOf(server: ImapServer): string {
  return `${server.user} on ${server.host}:${server.port}`;
}

const folderName = z
  .string()
  .min(1)
  .max(200)
  .refine((v) => !/[\u0000-\u001f]/.test(v), { message: 'must not contain control characters' });

export const inboxConnectSchema = z.strictObject({
  imapUrl: z
    .string()
    .max(limits.url)
    .describe('imaps://user:app-password@imap.example.com:993 (imap:// only to a loopback host); write-only'),
  folders: z.array(folderName).min(1).max(20).optional().describe('default: ["INBOX"]'),
  windowDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .describe('how far back the first sync reads (default 60)'),
});
export type InboxConnect = z.infer<typeof inboxConnectSchema>;

export const inboxStatusSchema = z
  .object({
    connected: z.boolean(),
    account: z.string().nullable().describe('"connected as …": the user and server; never the password'),
    folders: z.array(z.string()),
    windowDays: z.number().int().nullable(),
    connectedAt: z.string().nullable(),
    lastSyncAt: z.string().nullable(),
    lastSyncError: z.string().nullable(),
    reviewCount: z.number().int(),
  })
  .meta({ id: 'InboxStatus' });
export type InboxStatus = z.infer<typeof inboxStatusSchema>;

export const inboxSyncReportSchema = z
  .object({
    fetched: z.number().int(),
    matched: z.number().int().describe('became timeline events'),
    queued: z.number().int().describe('wait in the review queue'),
    ignored: z.number().int().describe('not about an application: nothing kept'),
    failed: z.array(
      z.object({
        folder: z.string(),
        uid: z.number().int().nullable(),
        code: z.string(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'InboxSyncReport' });
export type InboxSyncReport = z.infer<typeof inboxSyncReportSchema>;

export const inboxMessageIdParams = z.object({ id });
