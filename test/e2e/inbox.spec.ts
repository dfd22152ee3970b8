import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { hasDovecot, noDovecotMessage, startDovecot } from '../support/dovecot.js';
import { expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

test('connects a mailbox, syncs, and the review queue confirms with a key; the timeline says where it came from', async ({
  page,
  api,
}) => {
  test.skip(!hasDovecot(), noDovecotMessage);
  const imap = await startDovecot();
  try {
    const first = await api.createApplication({ companyName: 'Umbrella', jobTitle: 'Backend Engineer' });
    await api.createApplication({ companyName: 'Umbrella', jobTitle: 'Frontend Engineer' });
    await api.updateCompany(first.company.id, { website: 'https://umbrella.example' });
    const raw = await new MailComposer({
      from: 'Alex <alex@umbrella.example>',
      to: imap.user,
      subject: 'A question about your application',
      text: 'Hi Robin, could you send us your portfolio? <script>document.title="pwned"</script>',
      date: new Date(Date.now() + 5_000),
    })
      .compile()
      .build();
    await imap.deliver(raw);

    await page.goto('/settings');
    const inbox = page.getByRole('region', { name: 'Inbox' });
    await inbox.getByLabel('Mailbox (IMAP URL)').fill(imap.url);
    await inbox.getByRole('button', { name: 'Connect' }).click();
    await expect(inbox.getByTestId('inbox-account')).toHaveText(`${imap.user} on 127.0.0.1:${imap.port}`);
    await expect(inbox).not.toContainText(imap.password);

    await inbox.getByRole('button', { name: 'Sync now' }).click();
    const list = inbox.getByRole('list', { name: /To review/ });
    await expect(list).toContainText('A question about your application');
    await expect(list).toContainText('Why:');
    await inbox.getByRole('combobox').first().selectOption(first.id);
    await list.focus();
    await page.keyboard.press('c');
    await expect(inbox).toContainText('Nothing waits for review.');
    expect(await page.title()).not.toBe('pwned');

    await page.goto(`/applications/${first.id}`);
    await expect(page.getByText(/From your inbox: “A question about your application”/)).toBeVisible();
  } finally {
    await imap.close();
  }
});
