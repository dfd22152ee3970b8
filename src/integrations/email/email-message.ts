import { z } from 'zod';
import type { ErrorDetails } from '../../core/error-body.js';
import { AppError, type FieldIssue } from '../../core/errors.js';
import { email, instant, limits, text } from '../../core/fields.js';

/**
 * A plain-text email as hearback writes it: a draft to open in the user's mail client (.eml), or a message
 * sent through the user's own SMTP server. Addresses are checked; display names and the subject are made
 * single-line before any MIME encoding, so no value a user typed can ever start a header of its own.
 */
export type EmailAddress = { readonly name?: string | null | undefined; readonly address: string };

export type EmailMessage = {
  readonly from: EmailAddress;
  readonly to: readonly EmailAddress[];
  readonly cc?: readonly EmailAddress[] | undefined;
  readonly replyTo?: EmailAddress | null | undefined;
  readonly subject: string;
  readonly text: string;
  /** An ISO 8601 instant; the composer uses the current time when it is absent. */
  readonly date?: string | undefined;
  /** `<id@host>`; the composer makes one up when it is absent. */
  readonly messageId?: string | undefined;
};

const addressSchema = z.strictObject({ name: text(limits.name).nullish(), address: email });

export const emailMessageSchema = z.strictObject({
  from: addressSchema,
  to: z.array(addressSchema).min(1, { message: 'needs at least one recipient' }).max(50),
  cc: z.array(addressSchema).max(50).optional(),
  replyTo: addressSchema.nullish(),
  subject: text(limits.title),
  text: text(limits.notes),
  date: instant.optional(),
  messageId: z
    .string()
    .max(250)
    .regex(/^<[^<>\s@]+@[^<>\s@]+>$/, { message: 'must look like <id@host>' })
    .optional(),
});

const lineBreaks = /\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/g;

/** A message checked and normalised: single-line names and subject, body lines ending in CRLF. */
export type CheckedEmail = {
  readonly from: { readonly name: string; readonly address: string };
  readonly to: { readonly name: string; readonly address: string }[];
  readonly cc: { readonly name: string; readonly address: string }[];
  readonly replyTo: { readonly name: string; readonly address: string } | null;
  readonly subject: string;
  readonly text: string;
  readonly date: Date | null;
  readonly messageId: string | null;
};

/** Checks a message; a bad address or field is a VALIDATION_FAILED naming it, e.g. `to.0.address`. */
export function checkEmailMessage(message: EmailMessage): CheckedEmail {
  const parsed = emailMessageSchema.safeParse(message);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || 'message',
      message: issue.message,
    }));
    const first = issues[0];
    throw new AppError('VALIDATION_FAILED', first ? `${first.field}: ${first.message}` : 'invalid email', {
      issues,
    });
  }
  const m = parsed.data;
  const address = (a: z.infer<typeof addressSchema>) => ({
    name: singleLine(a.name ?? ''),
    address: a.address,
  });
  return {
    from: address(m.from),
    to: m.to.map(address),
    cc: (m.cc ?? []).map(address),
    replyTo: m.replyTo ? address(m.replyTo) : null,
    subject: singleLine(m.subject),
    // Mail lines end in CRLF (RFC 5322) and a bare CR or LF is not allowed: every line break becomes one CRLF.
    text: m.text.replace(/\r\n|\r|\n/g, '\r\n'),
    date: m.date ? new Date(m.date) : null,
    messageId: m.messageId ?? null,
  };
}

export function singleLine(value: string): string {
  return value.replace(lineBreaks, ' ');
}

/** The options nodemailer's composer and transports take, with file and URL access switched off. */
export function toMailOptions(message: CheckedEmail) {
  return {
    from: message.from,
    to: message.to,
    ...(message.cc.length > 0 && { cc: message.cc }),
    ...(message.replyTo && { replyTo: message.replyTo }),
    subject: message.subject,
    text: message.text,
    ...(message.date && { date: message.date }),
    ...(message.messageId && { messageId: message.messageId }),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export type EmailFailure = 'config' | 'connection' | 'timeout' | 'tls' | 'auth' | 'rejected' | 'other';

/**
 * A send that did not go through. `code` is the error code the HTTP edge and CLI report; `reason` says
 * which part failed, and `smtpCode` is the server's reply code when it answered (e.g. 550).
 */
export class EmailSendError extends Error {
  readonly code = 'EMAIL_SEND_FAILED' as const;
  readonly reason: EmailFailure;
  readonly smtpCode: number | null;
  readonly details: Readonly<ErrorDetails>;

  constructor(
    reason: EmailFailure,
    message: string,
    details: { server?: string; smtpCode?: number | null } = {},
  ) {
    super(message);
    this.name = 'EmailSendError';
    this.reason = reason;
    this.smtpCode = details.smtpCode ?? null;
    this.details = { reason, smtpCode: this.smtpCode, ...(details.server && { server: details.server }) };
  }
}
