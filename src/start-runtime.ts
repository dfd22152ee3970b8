/**
 * The runtime every process starts (database, migrations, the local user, the ports), without server mode's
 * accounts: the CLI imports this module, so its commands never load better-auth and its packages (about 350 ms
 * of CPU per command; issue 12, item 11). `runtime.ts` re-exports it with `createAccounts`.
 */
import path from 'node:path';
import { monotonicFactory } from 'ulid';
import type { DatabaseTarget } from './config.js';
import type { InboxPorts } from './core/inbox-account.js';
import { type Clock, type IdGenerator, type Mailer, systemClock } from './core/ports.js';
import type { PostingReader } from './core/posting-extract.js';
import type { PostingProbe } from './core/posting-watch.js';
import { applicationsCsvWriter } from './integrations/csv/applications-csv-writer.js';
import { papaCsvTableReader } from './integrations/csv/csv-table-reader.js';
import { smtpMailer } from './integrations/email/mailer.js';
import { icsCalendarWriter } from './integrations/ics/calendar-writer.js';
import { icsInvitationReader } from './integrations/ics/invitation-reader.js';
import { guardMailboxAddresses } from './integrations/imap/guarded-mailbox.js';
import { lazyImapMailbox } from './integrations/imap/lazy-imap-mailbox.js';
import { createSecretBox } from './integrations/imap/secret-box.js';
import { winkTagger } from './integrations/language/wink-tagger.js';
import type { PrivateAddressPolicy } from './integrations/postings/address-guard.js';
import { createPostingProbeOnUse } from './integrations/postings/posting-probe-on-use.js';
import { createPostingReader } from './integrations/postings/posting-reader.js';
import { resumeDocumentReader } from './integrations/resume/document-reader.js';
import type { Deps } from './services/deps.js';
import { type Dialect, openDatabase } from './storage/database.js';
import { type MigrationReport, migrateToLatest } from './storage/migrate.js';
import { ensureUser, localUserId } from './storage/user-store.js';

export type Runtime = {
  readonly deps: Deps;
  readonly dialect: Dialect;
  readonly migrations: MigrationReport;
  /** Which private addresses the posting reader and probe may fetch (HEARBACK_ALLOW_PRIVATE_FETCH). */
  readonly privateAddresses: PrivateAddressPolicy | undefined;
  close(): Promise<void>;
};

export function ulidGenerator(): IdGenerator {
  const next = monotonicFactory(pooledRandom());
  return { next: () => next() };
}

/**
 * Cryptographic random numbers in [0, 1), drawn 4 kB at a time: ulid's default asks the system for one
 * byte per character, sixteen system calls per id, which is most of the cost of a bulk import's ids.
 */
function pooledRandom(): () => number {
  const pool = new Uint8Array(4096);
  let at = pool.length;
  return () => {
    if (at === pool.length) {
      crypto.getRandomValues(pool);
      at = 0;
    }
    return pool[at++]! / 256;
  };
}

/**
 * The mailbox read over IMAP (loaded on first use: most commands never read mail), its password sealed under
 * HEARBACK_SECRET_KEY or a `secret.key` beside the SQLite file (or in the data directory).
 */
function defaultInboxPorts(
  target: DatabaseTarget,
  options: { secretKey?: string | null; dataDir?: string },
): InboxPorts {
  const dir =
    options.dataDir ??
    (target.kind === 'sqlite' && target.file !== ':memory:' ? path.dirname(target.file) : null);
  return {
    secrets: createSecretBox({
      envKey: options.secretKey ?? undefined,
      keyFile: dir ? path.join(dir, 'secret.key') : null,
    }),
    mailbox: lazyImapMailbox,
  };
}

function guardedInbox(
  inbox: InboxPorts,
  options: { guardMailboxAddresses?: boolean; privateAddresses?: PrivateAddressPolicy },
): InboxPorts {
  if (!options.guardMailboxAddresses) return inbox;
  return {
    ...inbox,
    mailbox: guardMailboxAddresses(inbox.mailbox, { privateAddresses: options.privateAddresses }),
  };
}

/** The machine's own time zone and locale, the defaults a new user starts with. */
export function systemLocale(): { timeZone: string; locale: string } {
  const resolved = Intl.DateTimeFormat().resolvedOptions();
  return { timeZone: resolved.timeZone || 'UTC', locale: resolved.locale || 'en-US' };
}

/**
 * Opens and migrates the database and makes sure the local user exists: what the server, the CLI and the
 * tests all do before anything else.
 */
export async function startRuntime(
  target: DatabaseTarget,
  options: {
    clock?: Clock;
    ids?: IdGenerator;
    mailer?: Mailer;
    postings?: PostingReader;
    postingProbe?: PostingProbe;
    privateAddresses?: PrivateAddressPolicy;
    system?: { timeZone: string; locale: string };
    /** The mailbox parts; default: IMAP, with the key from `secretKey` or a key file beside the database. */
    inbox?: InboxPorts;
    secretKey?: string | null;
    dataDir?: string;
    /**
     * Whether to make sure the one local user exists (local mode, the default). Server mode passes false:
     * every person there is an account, and nobody may act as the local user.
     */
    localUser?: boolean;
    /**
     * Server mode: IMAP hosts are held to the private-address policy (`privateAddresses`) before any
     * connection, as postings are (integrations/imap/guarded-mailbox.ts). Local mode reads the user's own.
     */
    guardMailboxAddresses?: boolean;
  } = {},
): Promise<Runtime> {
  const opened = await openDatabase(target);
  try {
    const migrations = await migrateToLatest(opened.db);
    const clock = options.clock ?? systemClock;
    if (options.localUser !== false)
      await ensureUser(
        opened.db,
        { id: localUserId, displayName: 'You' },
        async () => {
          // Only a new user needs these: later starts load neither the holiday data nor the settings schemas.
          const system = options.system ?? systemLocale();
          const [{ countryOfLocale }, { defaultSettings }] = await Promise.all([
            import('./core/places.js'),
            import('./core/settings.js'),
          ]);
          return defaultSettings(system, countryOfLocale(system.locale));
        },
        clock.now().toISOString(),
      );
    return {
      deps: {
        db: opened.db,
        clock,
        ids: options.ids ?? ulidGenerator(),
        userId: localUserId,
        mailer: options.mailer ?? smtpMailer,
        postings: options.postings ?? createPostingReader({ privateAddresses: options.privateAddresses }),
        postingProbe:
          options.postingProbe ?? createPostingProbeOnUse({ privateAddresses: options.privateAddresses }),
        documents: resumeDocumentReader,
        csvReader: papaCsvTableReader,
        csvWriter: applicationsCsvWriter,
        calendarWriter: icsCalendarWriter,
        invitations: icsInvitationReader,
        tagger: winkTagger,
        inbox: guardedInbox(options.inbox ?? defaultInboxPorts(target, options), options),
      },
      dialect: opened.dialect,
      migrations,
      privateAddresses: options.privateAddresses,
      close: opened.close,
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
