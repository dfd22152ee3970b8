import nodemailer from 'nodemailer';
import { checkEmailMessage, type EmailMessage, EmailSendError, toMailOptions } from './email-message.js';

export type SendEmailOptions = {
  /** How long to wait for the connection, the greeting and each reply, in milliseconds. */
  readonly timeoutMs?: number;
};

export type SentEmail = {
  readonly messageId: string;
  readonly accepted: readonly string[];
  /** Recipients the server refused while accepting others; empty when all were accepted. */
  readonly rejected: readonly string[];
  readonly response: string;
};

/**
 * Sends through the user's own SMTP server, given as a URL: `smtp://user:pass@host:587` (STARTTLS when the
 * server offers it) or `smtps://…:465` (TLS from the start); nodemailer options may follow as query
 * parameters (e.g. `?ignoreTLS=true` for a local relay). Failures become an EmailSendError that says what
 * went wrong in words, naming the server by host and port only: the URL's credentials never appear.
 */
export async function sendEmail(
  smtpUrl: string,
  message: EmailMessage,
  options: SendEmailOptions = {},
): Promise<SentEmail> {
  const checked = checkEmailMessage(message);
  const server = describeServer(smtpUrl);
  const timeout = options.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    const info = await transport.sendMail(toMailOptions(checked));
    return {
      messageId: info.messageId,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map(String),
      response: info.response,
    };
  } catch (error) {
    throw describeFailure(error, server);
  } finally {
    transport.close();
  }
}

function describeServer(smtpUrl: string): string {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new EmailSendError(
      'config',
      'The SMTP URL is not a valid URL; it looks like smtp://user:password@host:587',
    );
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new EmailSendError(
      'config',
      `The SMTP URL must start with smtp:// or smtps://, not ${url.protocol.replace(/[^a-z0-9+.-]/gi, '')}://`,
    );
  }
  if (!url.hostname) throw new EmailSendError('config', 'The SMTP URL has no host name');
  const port = url.port || (url.protocol === 'smtps:' ? '465' : '587');
  return `${url.hostname}:${port}`;
}

type NodemailerError = Error & {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  cause?: unknown;
};

function describeFailure(error: unknown, server: string): EmailSendError {
  const e = (error instanceof Error ? error : new Error(String(error))) as NodemailerError;
  const smtpCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const reply = e.response ? `: ${oneLine(e.response)}` : '';
  const detail = `${e.message} ${String((e.cause as Error | undefined)?.message ?? '')}`;
  const at = `the SMTP server at ${server}`;
  if (e.code === 'EAUTH') {
    return new EmailSendError('auth', `${capitalise(at)} refused the user name or password${reply}`, {
      server,
      smtpCode,
    });
  }
  if (e.code === 'EENVELOPE') {
    return new EmailSendError('rejected', `${capitalise(at)} refused the sender or recipients${reply}`, {
      server,
      smtpCode,
    });
  }
  if (e.code === 'EMESSAGE' || (smtpCode !== null && smtpCode >= 400)) {
    return new EmailSendError('rejected', `${capitalise(at)} refused the message${reply}`, {
      server,
      smtpCode,
    });
  }
  if (e.code === 'ETIMEDOUT' || /timed? ?out/i.test(detail)) {
    return new EmailSendError('timeout', `${capitalise(at)} did not answer in time`, { server });
  }
  if (e.code === 'ETLS' || /\bTLS\b|SSL|certificate/i.test(detail)) {
    return new EmailSendError('tls', `Could not set up a secure connection to ${at}`, { server });
  }
  if (/ECONNREFUSED/.test(detail)) {
    return new EmailSendError('connection', `Could not connect to ${at}: connection refused`, { server });
  }
  if (e.code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(detail)) {
    return new EmailSendError('connection', `Could not connect to ${at}: host not found`, { server });
  }
  if (e.code === 'ECONNECTION' || e.code === 'ESOCKET') {
    return new EmailSendError('connection', `Could not connect to ${at}: the connection failed`, { server });
  }
  return new EmailSendError('other', `Sending through ${at} failed${reply}`, { server, smtpCode });
}

/** Server replies are shown to the user: one line, and not a page of it. */
function oneLine(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
