import type { Mailer } from '../../core/ports.js';

/**
 * The Mailer port on nodemailer: SMTP for sending, MailComposer for .eml files. Loaded on first use, so
 * starting the CLI or the server does not load a mail library that most runs never need.
 */
export const smtpMailer: Mailer = {
  send: async (smtpUrl, message) => (await import('./send-email.js')).sendEmail(smtpUrl, message),
  compose: async (message) => (await import('./compose-eml.js')).composeEml(message),
};
