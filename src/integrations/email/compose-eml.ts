import MailComposer from 'nodemailer/lib/mail-composer';
import { checkEmailMessage, type EmailMessage, toMailOptions } from './email-message.js';

/**
 * The message as an .eml file (RFC 5322) to open in a mail client. `X-Unsent: 1` asks clients that know it
 * (Outlook, Thunderbird with an add-on) to open it as a draft ready to edit and send, not as received mail.
 */
export async function composeEml(message: EmailMessage): Promise<Buffer> {
  const checked = checkEmailMessage(message);
  return new MailComposer({ ...toMailOptions(checked), headers: { 'X-Unsent': '1' } }).compile().build();
}
