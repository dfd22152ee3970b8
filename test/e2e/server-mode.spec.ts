import type { Page } from '@playwright/test';
import { expect as baseExpect } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { startSmtpServer } from '../support/smtp.js';
import { BoardPage } from './pages/board-page.js';
import { FirstRunDialog } from './pages/first-run-dialog.js';
import { QuickAddForm } from './pages/quick-add-dialog.js';
import { test as base, expect } from './support/fixtures.js';
import { startServerModeApp } from './support/server-mode-app.js';

/**
 * Server mode as `HEARBACK_MODE=server … npm start` runs it, on a PostgreSQL of its own (TEST_DATABASE_URL's
 * server, or PGlite behind a socket): the web app asks to sign in, an account is created and signed in, its
 * data is its own, and signing out ends the session.
 */
const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  app: async ({}, use) => {
    const server = await startServerModeApp();
    await use(server);
    await server.stop();
  },
});

const password = 'correct horse battery staple';

async function createAccount(page: Page, name: string, email: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  // A new account is offered the first-run set-up, like a fresh local hearback.
  const setUp = new FirstRunDialog(page);
  await expect(setUp.root).toBeVisible();
  await setUp.skip();
}

async function signOut(page: Page, name: string): Promise<void> {
  await page.getByLabel(`Account: ${name}`).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

test('server mode: sign up, private data, sign out, sign in again, and a taken email tells nothing', async ({
  page,
}) => {
  await createAccount(page, 'Ada', 'ada@example.org');
  await page.getByRole('button', { name: /Add/ }).first().click();
  const form = new QuickAddForm(page);
  await form.fill({ company: 'Analytical Engines', jobTitle: 'Programmer' });
  await form.save();
  await expect(page.getByText('Added “Programmer” at Analytical Engines')).toBeVisible();
  const board = new BoardPage(page);
  await board.goto();
  await expect(board.card('Programmer')).toBeVisible();
  await page.getByLabel('Account: Ada').click();
  await expect(page.getByText('ada@example.org')).toBeVisible();
  await page.getByLabel('Account: Ada').click();
  await signOut(page, 'Ada');

  // Signed out, the API refuses the data and the app shows the sign-in page on any page.
  const refused = await page.request.get('/api/applications');
  baseExpect(refused.status()).toBe(401);
  await page.goto('/board');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // Someone else's account sees none of Ada's data.
  await createAccount(page, 'Grace', 'grace@example.org');
  await board.goto();
  await expect(page.locator('li.card')).toHaveCount(0);
  await signOut(page, 'Grace');

  // Signing up with Ada's email says nothing about her account: it ends like a wrong password.
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByLabel('Your name').fill('Not Ada');
  await page.getByLabel('Email').fill('ada@example.org');
  await page.getByLabel('Password').fill('another password entirely');
  await page.getByRole('button', { name: 'Create account' }).click();
  const message = page.getByRole('alert');
  await expect(message).toContainText('Could not sign in');
  await expect(message).not.toContainText(/exists|taken/i);

  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Email').fill('ada@example.org');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByLabel('Account: Ada')).toBeVisible();
  await board.goto();
  await expect(board.card('Programmer')).toBeVisible();
});

test('server mode: the Account settings change the password, export the data and delete the account', async ({
  page,
}) => {
  await createAccount(page, 'Lin', 'lin@example.org');
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Account' });
  await expect(section).toContainText('lin@example.org');

  await section.getByLabel('Current password').fill('not the password');
  await section.getByLabel('New password').fill('a brand new password');
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(section.getByRole('alert')).toContainText('The current password is not right.');
  await section.getByLabel('Current password').fill(password);
  await section.getByLabel('New password').fill('a brand new password');
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(section.getByRole('status')).toContainText('Password changed');
  // Still signed in here, with the new session.
  baseExpect((await page.request.get('/api/account')).status()).toBe(200);

  const download = page.waitForEvent('download');
  await section.getByRole('link', { name: 'Export my data' }).click();
  baseExpect((await download).suggestedFilename()).toBe('hearback-backup.json');

  const remove = section.getByRole('button', { name: 'Delete my account and all its data' });
  await expect(remove).toBeDisabled();
  await section.getByLabel(/Type your email/).fill('lin@example.org');
  await remove.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill('lin@example.org');
  await page.getByLabel('Password').fill('a brand new password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('do not match an account');
});

/** Server mode with the server's own mail (a real SMTP server on loopback) and the first admin from the env. */
const withMail = base.extend<{ mail: Awaited<ReturnType<typeof startSmtpServer>> }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  mail: async ({}, use) => {
    const smtp = await startSmtpServer();
    await use(smtp);
    await smtp.close();
  },
  app: async ({ mail }, use) => {
    const server = await startServerModeApp({
      HEARBACK_SMTP_URL: mail.url,
      HEARBACK_MAIL_FROM: 'hearback@example.org',
      HEARBACK_ADMIN_EMAIL: 'root@example.org',
      HEARBACK_ADMIN_PASSWORD: password,
    });
    await use(server);
    await server.stop();
  },
});

/** The link in the newest email to `to` whose subject matches, once it has arrived. */
async function emailedLink(
  mail: { received: readonly { to: readonly string[]; raw: Buffer }[] },
  to: string,
  subject: RegExp,
  link: RegExp,
): Promise<string> {
  let found = '';
  await baseExpect
    .poll(async () => {
      for (const message of mail.received.filter((m) => m.to.includes(to))) {
        const parsed = await simpleParser(message.raw);
        const match = (parsed.text ?? '').match(link);
        if (subject.test(parsed.subject ?? '') && match) found = match[0];
      }
      return found;
    })
    .not.toBe('');
  return found;
}

withMail(
  'server mode: an admin invites a coach by email, the coach accepts, forgets the password and resets it',
  async ({ page, mail }, testInfo) => {
    await page.goto('/');
    await page.getByLabel('Email').fill('root@example.org');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const setUp = new FirstRunDialog(page);
    await expect(setUp.root).toBeVisible();
    await setUp.skip();

    await page.goto('/admin/invitations');
    const invitations = page.getByRole('region', { name: 'Invitations' });
    await invitations.getByLabel('Email').fill('coach@example.org');
    await invitations.getByLabel('Role').selectOption({ label: 'Coach' });
    await invitations.getByRole('button', { name: 'Invite' }).click();
    await expect(invitations.getByRole('status')).toContainText('The link was emailed to them.');
    await expect(invitations.getByRole('row', { name: /coach@example.org/ })).toContainText('Pending');
    await page.screenshot({ path: testInfo.outputPath('admin-invitations.png'), fullPage: true });
    await signOut(page, 'Admin');

    const invite = await emailedLink(mail, 'coach@example.org', /invited/, /http:\/\/\S+\/invite\/[\w-]+/);
    await page.goto(invite);
    await expect(page.getByRole('heading', { level: 1, name: 'Accept your invitation' })).toBeVisible();
    await expect(page.getByText('coach@example.org')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('accept-invitation.png'), fullPage: true });
    await page.getByLabel('Your name').fill('Carla Coach');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(setUp.root).toBeVisible();
    await setUp.skip();
    await expect(page.getByLabel('Account: Carla Coach')).toBeVisible();
    // The invitation's role: the coach's own route answers.
    baseExpect((await page.request.get('/api/coach/job-seekers')).status()).toBe(200);
    await signOut(page, 'Carla Coach');
    // Used once: the link no longer works.
    await page.goto(invite);
    await expect(page.getByRole('alert')).toContainText('does not work');

    await page.goto('/');
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    await page.getByLabel('Email').fill('coach@example.org');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByText('If an account has this email')).toBeVisible();
    const reset = await emailedLink(
      mail,
      'coach@example.org',
      /Reset your hearback password/,
      /http:\/\/\S+\/reset-password\?token=\S+/,
    );
    await page.goto(reset);
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await page.getByLabel('The new password again').fill('a brand new password');
    await page.screenshot({ path: testInfo.outputPath('reset-password.png'), fullPage: true });
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page.getByText('Your password is changed')).toBeVisible();
    await page.getByRole('link', { name: 'Sign in with the new password' }).click();
    await page.getByLabel('Email').fill('coach@example.org');
    await page.getByLabel('Password').fill('a brand new password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByLabel('Account: Carla Coach')).toBeVisible();
  },
);
