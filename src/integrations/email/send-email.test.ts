import net from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { type EmailMessage, EmailSendError } from './email-message.js';
import { sendEmail } from './send-email.js';

/** A real SMTP server on loopback, standing in for the user's mail provider. */
type Received = { readonly from: string; readonly to: readonly string[]; readonly raw: Buffer };

const received: Received[] = [];
let server: SMTPServer;
let url: string;

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) {
        const error = Object.assign(new Error('5.1.1 <nobody@northwind.example>: no such user'), {
          responseCode: 550,
        });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        if (raw.toString('utf8').includes('REFUSE-THIS-MESSAGE')) {
          return callback(Object.assign(new Error('5.7.1 Message refused by policy'), { responseCode: 554 }));
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as net.AddressInfo;
  url = `smtp://127.0.0.1:${port}/?ignoreTLS=true`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const message: EmailMessage = {
  from: { name: 'Maya Okafor', address: 'maya@example.org' },
  to: [{ name: 'Ada Lovelace', address: 'ada@northwind.example' }],
  subject: 'Following up on the Platform Engineer role',
  text: 'Dear Ada,\n\nI am writing to follow up.\n.\nA line with a lone dot stays.\n\nBest regards,\nMaya',
};

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('sending through the user’s SMTP server', () => {
  it('delivers the message: recipient, subject and body arrive as sent', async () => {
    const before = received.length;
    const sent = await sendEmail(url, message);
    expect(sent.accepted).toEqual(['ada@northwind.example']);
    expect(sent.rejected).toEqual([]);
    expect(sent.messageId).toMatch(/^<.+@example\.org>$/);
    expect(received).toHaveLength(before + 1);
    const delivery = received.at(-1)!;
    expect(delivery.from).toBe('maya@example.org');
    expect(delivery.to).toEqual(['ada@northwind.example']);
    const parsed = await simpleParser(delivery.raw);
    expect(parsed.subject).toBe('Following up on the Platform Engineer role');
    expect(parsed.text?.replace(/\n$/, '')).toBe(message.text);
    expect(parsed.messageId).toBe(sent.messageId);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : null).toEqual([
      { name: 'Ada Lovelace', address: 'ada@northwind.example' },
    ]);
  });

  it('never gains a recipient or header from a line break in the subject or a display name', async () => {
    await sendEmail(url, {
      ...message,
      from: { name: 'Maya\r\nBcc: victim@example.org', address: 'maya@example.org' },
      to: [{ name: 'Ada\r\nCc: victim2@example.org', address: 'ada@northwind.example' }],
      subject: 'Hi\r\nBcc: victim3@example.org',
    });
    const delivery = received.at(-1)!;
    expect(delivery.to).toEqual(['ada@northwind.example']);
    const parsed = await simpleParser(delivery.raw);
    expect(parsed.subject).toBe('Hi Bcc: victim3@example.org');
    expect(parsed.cc).toBeUndefined();
    expect(parsed.bcc).toBeUndefined();
  });

  it('says so clearly when the connection is refused', async () => {
    const port = await closedPort();
    const attempt = sendEmail(`smtp://user:secret-password@127.0.0.1:${port}/?ignoreTLS=true`, message, {
      timeoutMs: 5_000,
    });
    await expect(attempt).rejects.toBeInstanceOf(EmailSendError);
    const error = (await attempt.catch((e: unknown) => e)) as EmailSendError;
    expect(error.code).toBe('EMAIL_SEND_FAILED');
    expect(error.reason).toBe('connection');
    expect(error.message).toBe(
      `Could not connect to the SMTP server at 127.0.0.1:${port}: connection refused`,
    );
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(
      'secret-password',
    );
  });

  it('reports a 5xx reply to the recipient with the server’s words', async () => {
    const attempt = sendEmail(url, { ...message, to: [{ address: 'nobody@northwind.example' }] });
    const error = (await attempt.catch((e: unknown) => e)) as EmailSendError;
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error.reason).toBe('rejected');
    expect(error.smtpCode).toBe(550);
    expect(error.message).toMatch(
      /^The SMTP server at 127\.0\.0\.1:\d+ refused the sender or recipients: 550 5\.1\.1 <nobody@northwind\.example>: no such user$/,
    );
  });

  it('reports a 5xx reply to the message itself', async () => {
    const error = (await sendEmail(url, { ...message, text: 'REFUSE-THIS-MESSAGE' }).catch(
      (e: unknown) => e,
    )) as EmailSendError | undefined;
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error?.reason).toBe('rejected');
    expect(error?.smtpCode).toBe(554);
    expect(error?.message).toMatch(/refused the message: 554 5\.7\.1 Message refused by policy$/);
  });

  it('refuses a URL that is not SMTP, and a bad address, before connecting', async () => {
    await expect(sendEmail('https://mail.example.org', message)).rejects.toMatchObject({
      code: 'EMAIL_SEND_FAILED',
      reason: 'config',
      message: 'The SMTP URL must start with smtp:// or smtps://, not https://',
    });
    await expect(sendEmail('not a url', message)).rejects.toMatchObject({ reason: 'config' });
    const bad = sendEmail(url, { ...message, to: [{ address: 'ada@northwind.example>\r\nRCPT TO:<x@y.z' }] });
    await expect(bad).rejects.toBeInstanceOf(AppError);
    await expect(bad).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: /^to\.0\.address: / });
  });
});
