import type { Page } from '@playwright/test';
import type { ApiClient } from '../../src/web/api-client.js';
import { addDays, todayIn, zonedToInstant } from '../../src/web/zoned-time.js';
import { AppShell } from './pages/app-shell.js';
import { BoardPage } from './pages/board-page.js';
import { TodayPage } from './pages/today-page.js';
import { expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

const zone = 'Europe/Berlin';

/** Two steps added by hand (origin manual), overdue, so the checks do not depend on the planner. */
async function seedSteps(api: ApiClient) {
  const today = todayIn(zone, new Date());
  const application = await api.createApplication({ companyName: 'Undoco', jobTitle: 'Undo engineer' });
  const add = (kind: 'first_follow_up' | 'closing_note', days: number) =>
    api.createFollowUp({
      applicationId: application.id,
      kind,
      dueAt: zonedToInstant(addDays(today, days), '09:00', zone),
    });
  return { application, followUp: await add('first_follow_up', -2), closing: await add('closing_note', -1) };
}

test.describe('instant actions with undo', () => {
  test('Done on Today removes the card at once and offers Undo; Undo brings it back, and the server agrees', async ({
    page,
    api,
  }) => {
    const { followUp } = await seedSteps(api);
    const today = new TodayPage(page);
    const shell = new AppShell(page);
    await today.goto();

    await today.step('First follow-up').getByRole('button', { name: /^Done/ }).click();
    await expect(today.step('First follow-up')).toBeHidden();
    const undo = shell.notices.getByRole('button', { name: /^Undo/ });
    await expect(undo).toBeVisible();
    await expect(shell.notices).toContainText('Done: First follow-up');
    await expect.poll(async () => (await api.getFollowUp(followUp.id)).status).toBe('done');

    await undo.click();
    await expect(today.step('First follow-up')).toBeVisible();
    await expect.poll(async () => (await api.getFollowUp(followUp.id)).status).toBe('planned');
    expect(await api.getFollowUp(followUp.id)).toMatchObject({ completedAt: null, dueAt: followUp.dueAt });
  });

  test('Skip and snooze offer Undo too, and z undoes the last action from the keyboard', async ({
    page,
    api,
  }) => {
    const { followUp, closing } = await seedSteps(api);
    const today = new TodayPage(page);
    await today.goto();

    await today.step('Closing-the-loop note').getByRole('button', { name: /^Skip/ }).click();
    await new AppShell(page).openDialog.getByRole('button', { name: 'Skip this step' }).click();
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect(today.step('Closing-the-loop note')).toBeHidden();
    await expect.poll(async () => (await api.getFollowUp(closing.id)).status).toBe('skipped');
    await page.keyboard.press('z');
    await expect(today.step('Closing-the-loop note')).toBeVisible();
    await expect.poll(async () => (await api.getFollowUp(closing.id)).status).toBe('planned');

    const card = today.step('First follow-up');
    await card.locator('summary', { hasText: 'Snooze' }).click();
    await card.getByRole('button', { name: 'In 2 weeks' }).click();
    await expect(today.step('First follow-up')).toBeHidden();
    await expect.poll(async () => (await api.getFollowUp(followUp.id)).status).toBe('snoozed');
    await new AppShell(page).notices.getByRole('button', { name: /^Undo/ }).click();
    await expect(page.locator('.today-overdue')).toContainText('First follow-up');
    await expect
      .poll(async () => api.getFollowUp(followUp.id))
      .toMatchObject({ status: 'planned', snoozedUntil: null, dueAt: followUp.dueAt });
  });

  test('Done from the keyboard moves focus to the next card, and the toast is announced', async ({
    page,
    api,
  }) => {
    await seedSteps(api);
    const today = new TodayPage(page);
    await today.goto();
    await today.step('First follow-up').getByRole('button', { name: /^Done/ }).focus();
    await page.keyboard.press('Enter');
    await expect(today.step('First follow-up')).toBeHidden();
    await expect(today.step('Closing-the-loop note')).toBeFocused();
    const notices = new AppShell(page).notices;
    await expect(notices).toHaveAttribute('aria-live', 'polite');
    await expect(notices).toContainText('Done: First follow-up');
    await expect(notices.getByRole('button', { name: /^Undo/ })).toHaveAttribute('aria-keyshortcuts', 'z');
  });

  test('the application page reopens a done step, and its timeline lists the steps done and skipped', async ({
    page,
    api,
  }) => {
    const { application, followUp, closing } = await seedSteps(api);
    await api.markFollowUpDone(followUp.id, { note: 'Called Rita' });
    await api.skipFollowUp(closing.id, { reason: 'They wrote first' });
    await page.goto(`/applications/${application.id}`);
    const timeline = page.locator('.timeline-list');
    await expect(timeline).toContainText('Done: First follow-up');
    await expect(timeline).toContainText('Called Rita');
    await expect(timeline).toContainText('Skipped: Closing-the-loop note');
    await expect(timeline).toContainText('They wrote first');

    const steps = page.locator('section[aria-labelledby="steps-title"]');
    const card = steps.getByRole('article', { name: 'First follow-up' });
    await card.getByRole('button', { name: /^Reopen/ }).click();
    await expect(card.getByRole('button', { name: /^Done/ })).toBeVisible();
    await expect(card).toBeFocused();
    await expect(timeline).not.toContainText('Done: First follow-up');
    await expect
      .poll(async () => api.getFollowUp(followUp.id))
      .toMatchObject({ status: 'planned', completedAt: null, completionNote: null });
  });

  test('a step the plan no longer has cannot be reopened, and the page says why', async ({ page, api }) => {
    const application = await api.createApplication({ companyName: 'Replyco', jobTitle: 'Answered role' });
    const checkIn = await api.createFollowUp({
      applicationId: application.id,
      kind: 'application_check_in',
      dueAt: zonedToInstant(addDays(todayIn(zone, new Date()), 2), '09:00', zone),
    });
    // The employer answers: hearback closes the check-in, and it has nothing left to ask.
    await api.createEvent({
      kind: 'reply_received',
      applicationId: application.id,
      channel: 'email',
      sentiment: 'positive',
    });
    expect((await api.getFollowUp(checkIn.id)).status).toBe('skipped');
    await page.goto(`/applications/${application.id}`);
    const card = page
      .locator('section[aria-labelledby="steps-title"]')
      .getByRole('article', { name: 'Application check-in' });
    await card.getByRole('button', { name: /^Reopen/ }).click();
    await expect(new AppShell(page).notices).toContainText(
      'Could not reopen “Application check-in”: The plan for this application no longer has this step',
    );
    await expect(card).toContainText('Skipped · was due');
    expect((await api.getFollowUp(checkIn.id)).status).toBe('skipped');
  });

  test('a board move offers Undo; Undo moves it back and leaves no move in its history', async ({
    page,
    api,
  }) => {
    const application = await api.createApplication({ companyName: 'Boardco', jobTitle: 'Undo mover' });
    const board = new BoardPage(page);
    await board.goto();
    await board.dragTo('Undo mover', 'interviewing');
    await expect(board.cardIn('interviewing', 'Undo mover')).toBeVisible();
    await expect.poll(async () => (await api.getApplication(application.id)).stage).toBe('interviewing');

    await new AppShell(page).notices.getByRole('button', { name: /^Undo/ }).click();
    await expect(board.cardIn('applied', 'Undo mover')).toBeVisible();
    await expect.poll(async () => (await api.getApplication(application.id)).stage).toBe('applied');
    expect((await api.getTimeline(application.id)).map((e) => e.kind)).toEqual(['stage_change']);
  });

  test('ending from the board offers Undo, which reopens the application', async ({ page, api }) => {
    const application = await api.createApplication({ companyName: 'Endco', jobTitle: 'Undo ender' });
    const board = new BoardPage(page);
    await board.goto();
    await board.dragTo('Undo ender', 'ended');
    const dialog = new AppShell(page).openDialog;
    await dialog.getByRole('radio', { name: /^No response/ }).check();
    await dialog.getByRole('button', { name: 'End application' }).click();
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect(board.count('ended')).toHaveText('1');
    await expect.poll(async () => (await api.getApplication(application.id)).outcome).toBe('no_response');

    await new AppShell(page).notices.getByRole('button', { name: /^Undo/ }).click();
    await expect(board.cardIn('applied', 'Undo ender')).toBeVisible();
    await expect
      .poll(async () => api.getApplication(application.id))
      .toMatchObject({ stage: 'applied', outcome: null });
  });

  test('a refused Done puts the card back and says why', async ({ page, api }) => {
    const { application, followUp } = await seedSteps(api);
    const today = new TodayPage(page);
    await today.goto();
    await expect(today.step('First follow-up')).toBeVisible();
    // Stale screen: the application (and its steps) is deleted elsewhere. The refetch after the refusal is
    // held until the rolled-back card has been seen, then let through.
    await api.deleteApplication(application.id);
    const held = await holdRequests(page, /\/api\/today(\?|$)/);

    await today.step('First follow-up').getByRole('button', { name: /^Done/ }).click();
    await expect(new AppShell(page).notices).toContainText(
      `Could not mark “First follow-up” done: No follow-up step with id ${followUp.id}`,
    );
    await expect(today.step('First follow-up')).toBeVisible();

    held.release();
    await expect(today.step('First follow-up')).toBeHidden();
  });

  test('a refused board move puts the card back in its column and says why', async ({ page, api }) => {
    const application = await api.createApplication({ companyName: 'Goneco', jobTitle: 'Gone role' });
    const board = new BoardPage(page);
    await board.goto();
    await expect(board.cardIn('applied', 'Gone role')).toBeVisible();
    await api.deleteApplication(application.id);
    const held = await holdRequests(page, /\/api\/applications\/cards(\?|$)/);

    await board.dragTo('Gone role', 'screening');
    await expect(new AppShell(page).notices).toContainText(
      `Could not move “Gone role”: No application with id ${application.id}`,
    );
    await expect(board.cardIn('applied', 'Gone role')).toBeVisible();
    await expect(board.cardIn('screening', 'Gone role')).toBeHidden();

    held.release();
    await expect(board.card('Gone role')).toBeHidden();
  });
});

/**
 * Holds the page's requests to `pattern` until `release()`: what the screen shows between a refusal and the
 * refetch that follows it can then be checked without racing the network.
 */
async function holdRequests(page: Page, pattern: RegExp) {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return { release: open };
}
