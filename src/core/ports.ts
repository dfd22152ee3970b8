import type { Application } from './application.js';
import type { CalendarFeedInput, InterviewIcsInput } from './calendar-feed.js';
import type { CsvLimits, CsvTable } from './csv-import.js';
import type { InterviewInvitation } from './invitation.js';

/** Time and identity come in from outside so tests, `--as-of` and imports can fix them. */
export type Clock = { now(): Date };

export type IdGenerator = { next(): string };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: string | Date): Clock & { set(next: string | Date): void } {
  let current = new Date(instant);
  return {
    now: () => new Date(current.getTime()),
    set(next) {
      current = new Date(next);
    },
  };
}

/** A plain-text email as hearback sends or saves it. */
export type OutgoingEmail = {
  readonly from: { readonly name?: string | null; readonly address: string };
  readonly to: ReadonlyArray<{ readonly name?: string | null; readonly address: string }>;
  readonly subject: string;
  readonly text: string;
  readonly date?: string;
  /** `<id@host>`: the same message sent again (a retry) keeps its id, so mail programs can tell. */
  readonly messageId?: string;
};

/**
 * The outside world of email: sending through the user's own SMTP server, and writing an .eml file.
 * A failed send rejects with an error whose `code` is EMAIL_SEND_FAILED and whose message says why.
 */
export type Mailer = {
  send(smtpUrl: string, message: OutgoingEmail): Promise<{ readonly messageId: string }>;
  compose(message: OutgoingEmail): Promise<Buffer>;
};

/** Text read from an uploaded resume or cover letter. */
export type ReadDocument = {
  readonly text: string;
  readonly format: 'pdf' | 'docx' | 'text';
  readonly pages?: number | undefined;
  readonly warnings: readonly string[];
};

/** Reads PDF, DOCX and text files, refusing oversized or hostile ones with RESUME_* errors. */
export type DocumentReader = {
  read(
    bytes: Uint8Array,
    file: { readonly fileName?: string; readonly mimeType?: string },
  ): Promise<ReadDocument>;
};

/** One application as exported, with the dates that only its stage history knows. */
export type ExportedApplication = {
  readonly application: Application;
  /** When it was saved, if its history starts at the saved stage. */
  readonly savedAt: string | null;
  /** When its stage last changed. */
  readonly stageChangedAt: string | null;
  /** The company's size band and industry, when known. */
  readonly company?: { readonly sizeBand: string | null; readonly industry: string | null };
};

/**
 * Reads a CSV file into its header row and records, with the encoding (UTF-8, UTF-16, Windows-1252), the
 * separator and the quoting spreadsheets and trackers write (docs/csv.md). Refuses binary files, files over
 * `limits` and broken quoting with an error naming `file`. What the cells mean is core's to decide.
 */
export type CsvTableReader = {
  read(input: string | Uint8Array, limits: CsvLimits): Promise<CsvTable>;
};

/** Writes the applications export as a CSV that is safe to open in a spreadsheet (docs/csv.md). */
export type ApplicationsCsvWriter = {
  write(rows: Iterable<ExportedApplication>): Promise<string>;
};

/**
 * Writes iCalendar files (RFC 5545) in the safe profile of docs/calendar.md: the user's subscription feed,
 * and one interview as a file to download. Rejects with VALIDATION_FAILED (naming the field) on input it
 * cannot write.
 */
export type CalendarWriter = {
  writeFeed(feed: CalendarFeedInput): Promise<string>;
  writeInterview(interview: InterviewIcsInput): Promise<string>;
};

export type InvitationReadOptions = {
  /** Left out of organizer and attendees: the invitation is addressed to the user, who is not a contact. */
  readonly userEmail?: string | null;
  /** The zone floating and all-day times are read in, and the guess for UTC-only files. Default UTC. */
  readonly defaultTimeZone?: string;
  readonly maxBytes?: number;
};

/**
 * Reads the events of an invitation file (.ics) as calendar programs and scheduling tools write them, times
 * as UTC instants; a file it cannot read is refused with VALIDATION_FAILED naming `ics`.
 */
export type InvitationReader = {
  read(icsText: string, options: InvitationReadOptions): Promise<InterviewInvitation[]>;
};

/** A word as the tagger read it, spelled as in the text, with its Universal POS tag (NOUN, VERB, ADJ, …). */
export type TaggedWord = { readonly value: string; readonly pos: string };

/** Splits English text into words and tags each with its part of speech, in text order. */
export type PartOfSpeechTagger = {
  tag(text: string): readonly TaggedWord[];
};

/** Who a request's session belongs to, and the cookies to send back when the session was extended. */
export type SessionOwner = { readonly userId: string; readonly setCookies: readonly string[] };

/**
 * Server mode's accounts: sign-up, sign-in, sign-out and sessions. `handle` answers the requests under
 * /api/auth/ itself (the web's Request and Response); `sessionOf` tells whose session a request carries,
 * or null when none (no cookie, a forged or expired one, a signed-out session).
 */
export type Accounts = {
  handle(request: Request): Promise<Response>;
  sessionOf(headers: Headers): Promise<SessionOwner | null>;
  /**
   * An operator's account creation (`hearback admin create-user`, the first admin from the environment):
   * works with sign-up off; null when the email already has an account.
   */
  createUser(input: {
    email: string;
    name: string;
    password: string;
    /**
     * Default true: an operator's account, or an invitation's (the link reached the email), needs no
     * verification email.
     */
    emailVerified?: boolean;
  }): Promise<{ id: string } | null>;
  /**
   * The server's own mail (HEARBACK_SMTP_URL), for invitations; null when it has none, and links are passed
   * on by hand.
   */
  readonly mail: ServerMail | null;
};

export type ServerMail = {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
};

/**
 * The request header the HTTP edge fills with the client's address (as its proxy settings see it) before
 * handing a request to the accounts, replacing whatever the client sent: the sign-in rate limit counts by it.
 */
export const clientAddressHeader = 'x-hearback-client-address';
