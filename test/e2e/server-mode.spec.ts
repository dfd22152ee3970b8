import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect as baseExpect } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { startSmtpServer } from '../support/smtp.js';
import { BoardPage } from './pages/board-page.js';
import { FirstRunDialog } from './pages/first-run-dialog.js';
import { QuickAddForm } from './pages/quick-add-dialog.js';
import { repositoryRoot } from './support/app-server.js';
import { controlsOffScreenQuery, pageWidthsQuery } from './support/browser-scripts.js';
import { test as base, expect, whenInteractive } from './support/fixtures.js';
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
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
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
      env: {
        HEARBACK_SMTP_URL: mail.url,
        HEARBACK_MAIL_FROM: 'hearback@example.org',
        HEARBACK_ADMIN_EMAIL: 'root@example.org',
        HEARBACK_ADMIN_PASSWORD: password,
      },
    });
    await use(server);
    await server.stop();
  },
});

const admin = { email: 'admin@example.org', password: 'the first admin password' };

/** The same server mode with a first admin made at start (HEARBACK_ADMIN_EMAIL and HEARBACK_ADMIN_PASSWORD). */
const withAdmin = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
  app: async ({}, use) => {
    const server = await startServerModeApp({
      env: { HEARBACK_ADMIN_EMAIL: admin.email, HEARBACK_ADMIN_PASSWORD: admin.password },
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

const screenshotDir = path.join(repositoryRoot, 'test-results/screenshots');

/**
 * A page as it is now: no serious axe violation, then a screenshot at 1280 px and at 390 px, where nothing
 * may scroll sideways and no control may sit past the edge.
 */
async function checkPage(page: Page, name: string, axeScope?: string): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const axe = new AxeBuilder({ page });
  // The rest of a page already checked whole elsewhere (Settings, in accessibility.spec.ts) is left out.
  if (axeScope) axe.include(axeScope);
  const results = await axe.analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  baseExpect(serious, name).toEqual([]);
  fs.mkdirSync(screenshotDir, { recursive: true });
  // A long page's screenshot shows only the part checked, so it can be read.
  const shoot = (file: string) =>
    axeScope
      ? page.locator(axeScope).screenshot({ path: path.join(screenshotDir, file) })
      : page.screenshot({ path: path.join(screenshotDir, file), fullPage: true });
  await shoot(`server-${name}-desktop.png`);
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
  );
  const widths = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(pageWidthsQuery);
  baseExpect(widths.scrollWidth, `${name} is wider than a phone`).toBeLessThanOrEqual(widths.innerWidth);
  baseExpect(
    await page.evaluate<string[]>(controlsOffScreenQuery),
    `${name}: controls past the edge`,
  ).toEqual([]);
  await shoot(`server-${name}-phone.png`);
  if (desktop) await page.setViewportSize(desktop);
}

/** A browser of its own (its own cookies), signed in; the first sign-in of an account offers the set-up. */
async function signedIn(
  browser: Browser,
  baseURL: string,
  who: { email: string; password: string; name: string },
  options: { firstSignIn: boolean },
): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'Europe/Berlin' });
  const page = whenInteractive(await context.newPage());
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByLabel(`Account: ${who.name}`)).toBeVisible();
  if (options.firstSignIn) {
    const setUp = new FirstRunDialog(page);
    await expect(setUp.root).toBeVisible();
    await setUp.skip();
  }
  return page;
}

withAdmin(
  'server mode: a job seeker shares with a coach, the coach reads and comments, an admin changes a role, revoked at once',
  async ({ page, browser, app }, testInfo) => {
    // Three accounts, each password hashed with Argon2id, and five pages checked by axe at two widths.
    testInfo.setTimeout(300_000);
    // A coach-to-be signs up: a job seeker like anyone, with no Coaching or Admin in the navigation.
    await createAccount(page, 'Cora', 'cora@example.org');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Settings' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Coaching' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
    await page.goto('/coach');
    await expect(page.getByRole('note')).toContainText('This page is for coaches');
    await page.goto('/admin');
    await expect(page.getByRole('note')).toContainText('This page is for admins');
    await signOut(page, 'Cora');

    // The admin makes Cora a coach.
    const adminPage = await signedIn(browser, app.url, { ...admin, name: 'Admin' }, { firstSignIn: true });
    await adminPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await expect(adminPage.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
    const accounts = adminPage.getByRole('region', { name: 'Accounts' });
    await expect(accounts).toContainText('cora@example.org');
    await expect(accounts.getByLabel('Role of Admin')).toBeDisabled();
    await accounts.getByLabel('Role of Cora').selectOption('coach');
    await expect(adminPage.getByText('Cora’s role is now Coach')).toBeVisible();
    await expect(accounts.getByLabel('Role of Cora')).toHaveValue('coach');
    await checkPage(adminPage, 'admin');

    // Ada signs up and tracks two applications; she shares one of them with Cora.
    await createAccount(page, 'Ada', 'ada@example.org');
    let sharedId = '';
    for (const [companyName, jobTitle] of [
      ['Analytical Engines', 'Programmer'],
      ['Difference Works', 'Private role'],
    ]) {
      const created = await page.request.post('/api/applications', { data: { companyName, jobTitle } });
      baseExpect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };
      sharedId ||= id;
      // A follow-up three days overdue, for the coach's dashboard.
      const step = await page.request.post('/api/follow-ups', {
        data: {
          applicationId: id,
          kind: 'first_follow_up',
          channel: 'email',
          dueAt: new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString(),
        },
      });
      baseExpect(step.status()).toBe(201);
    }
    await page.goto('/settings');
    const sharing = page.getByRole('region', { name: 'Sharing with a coach' });
    await expect(sharing).toContainText('You share nothing with a coach.');
    await sharing.getByLabel('Coach’s email').fill('nobody@example.org');
    await sharing.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(sharing.getByText('no coach has an account with that email', { exact: true })).toBeVisible();
    await sharing.getByLabel('Coach’s email').fill('cora@example.org');
    await sharing.getByRole('radio', { name: 'Only the applications I choose' }).check();
    await sharing.getByRole('checkbox', { name: 'Programmer at Analytical Engines' }).check();
    await sharing.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByText('Sharing 1 application with Cora')).toBeVisible();
    const shares = sharing.getByRole('list', { name: 'Your shares' });
    await expect(shares).toContainText('Cora');
    await expect(shares).toContainText('1 chosen application');
    await expect(shares).toContainText('Programmer at Analytical Engines');
    await expect(shares).not.toContainText('Private role');
    await checkPage(page, 'settings-sharing', 'section[aria-labelledby="sharing-title"]');

    // Cora, now a coach, sees Ada with her overdue step, and only the shared application.
    const coachPage = await signedIn(
      browser,
      app.url,
      { email: 'cora@example.org', password, name: 'Cora' },
      { firstSignIn: false },
    );
    await coachPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Coaching' }).click();
    await expect(coachPage.getByRole('heading', { level: 1, name: 'Coaching' })).toBeVisible();
    const ada = coachPage.locator('.coach-job-seeker', { hasText: 'ada@example.org' });
    await expect(ada).toContainText('shares 1 chosen application');
    await expect(ada).toContainText('Overdue (1)');
    await expect(ada).toContainText('Programmer at Analytical Engines');
    await expect(coachPage.locator('main')).not.toContainText('Private role');
    await checkPage(coachPage, 'coach');
    await ada.getByRole('link', { name: 'Ada' }).click();
    await expect(
      coachPage.getByRole('heading', { level: 1, name: 'Ada’s shared applications' }),
    ).toBeVisible();
    await expect(coachPage.locator('main')).not.toContainText('Private role');
    await checkPage(coachPage, 'coach-job-seeker');
    await coachPage.getByRole('link', { name: /Programmer/ }).click();
    await expect(coachPage.getByRole('heading', { level: 1, name: /Programmer/ })).toBeVisible();
    const comment = 'Call the recruiter on Monday <b>and</b> mention the demo';
    await coachPage.getByLabel('Your comment').fill(comment);
    await coachPage.getByRole('button', { name: 'Add comment' }).click();
    await expect(coachPage.getByText('Comment added to their timeline')).toBeVisible();
    await expect(coachPage.locator('.timeline-list')).toContainText(
      `Comment from your coach Cora: ${comment}`,
    );
    await checkPage(coachPage, 'coach-application');
    const sharedUrl = coachPage.url();
    baseExpect(sharedUrl).toContain(sharedId);

    // The comment is on Ada's own timeline of that application.
    await page.goto(`/applications/${sharedId}`);
    await expect(page.locator('.timeline-list')).toContainText(`Comment from your coach Cora: ${comment}`);

    // The admin sees the assignment, with counts only.
    await adminPage.reload();
    const assignments = adminPage.getByRole('region', { name: 'Coach assignments' });
    await expect(assignments).toContainText('ada@example.org');
    await expect(assignments).toContainText('cora@example.org');
    await expect(assignments).toContainText('1 chosen application');
    await expect(adminPage.locator('main')).not.toContainText(/Programmer|Private role|Analytical/);

    // Ada stops sharing: Undo shares the same again, and stopping again refuses Cora at once.
    await page.goto('/settings');
    await sharing.getByRole('button', { name: 'Stop sharing with Cora' }).click();
    await expect(sharing).toContainText('You share nothing with a coach.');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(shares).toContainText('Programmer at Analytical Engines');
    await sharing.getByRole('button', { name: 'Stop sharing with Cora' }).click();
    await expect(sharing).toContainText('You share nothing with a coach.');
    await coachPage.goto(sharedUrl);
    await expect(coachPage.getByRole('alert')).toContainText('not shared with you');
    await coachPage.goto('/coach');
    await expect(coachPage.getByText('Nobody shares with you yet.')).toBeVisible();

    await signOut(coachPage, 'Cora');
    await signOut(adminPage, 'Admin');
    await signOut(page, 'Ada');
    baseExpect((await page.request.get('/api/shares')).status()).toBe(401);
  },
);
