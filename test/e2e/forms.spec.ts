import { addDays, todayIn, zonedToInstant } from '../../src/web/zoned-time.js';
import { AppShell } from './pages/app-shell.js';
import { QuickAddForm } from './pages/quick-add-dialog.js';
import { expect, test } from './support/fixtures.js';

test.use({ freshServer: true });

test.describe('forms', () => {
  test('quick add warns about a duplicate before saving, and saves only when confirmed', async ({
    page,
    api,
  }) => {
    const existing = await api.createApplication({
      companyName: 'Acme',
      jobTitle: 'Engineer',
      postingUrl: 'https://jobs.acme.example/1?utm_source=x',
    });
    const shell = new AppShell(page);
    await shell.goto('/board');
    await shell.openQuickAdd();
    const form = new QuickAddForm(page);
    await form.fill({ company: 'Acme', jobTitle: 'Senior engineer', posting: 'https://jobs.acme.example/1' });
    await form.save();

    await expect(form.duplicateWarning).toContainText('You may already track this job');
    await expect(form.duplicateWarning.getByRole('link', { name: 'Engineer at Acme' })).toHaveAttribute(
      'href',
      `/applications/${existing.id}`,
    );
    await expect(form.duplicateWarning).toContainText('same posting link');
    expect((await api.listAllApplications()).length).toBe(1);

    await form.duplicateWarning.getByRole('button', { name: 'Don’t add' }).click();
    await expect(form.duplicateWarning).toBeHidden();
    await expect(form.root.getByLabel('Job title')).toHaveValue('Senior engineer');
    await form.save();
    await form.duplicateWarning.getByRole('button', { name: 'Add it anyway' }).click();
    await expect(shell.notices).toContainText('Added “Senior engineer” at Acme');
    expect((await api.listAllApplications()).length).toBe(2);
  });

  test('shows each problem beside its field and keeps what was typed', async ({ page, api }) => {
    const shell = new AppShell(page);
    await shell.goto('/add');
    const form = new QuickAddForm(page, page.locator('main'));
    await form.root.getByLabel('Posting link or text').fill('Some posting text');
    await form.root.getByText('More details').click();
    await form.root.getByLabel('Salary from').fill('90000');
    await form.root.getByLabel('Salary to').fill('80000');
    await form.save();

    await expect(form.errorFor('Company')).toHaveText('must not be blank');
    await expect(form.errorFor('Job title')).toHaveText('must not be blank');
    await expect(form.errorFor('Salary to')).toHaveText('must not be below salaryMin');
    await expect(form.root.getByLabel('Company')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.root.getByLabel('Posting link or text')).toHaveValue('Some posting text');
    await expect(form.root.getByLabel('Salary from')).toHaveValue('90000');
    expect((await api.listAllApplications()).length).toBe(0);
  });

  test('an error the server finds is shown next to its field and the note typed is kept', async ({
    page,
    api,
  }) => {
    const app = await api.createApplication({ companyName: 'Acme', jobTitle: 'Ghosted role' });
    await api.moveApplication(app.id, { stage: 'ended', outcome: 'no_response' });
    await page.goto(`/applications/${app.id}`);
    await page.getByLabel('Stage', { exact: true }).selectOption('ended');
    await page.getByRole('button', { name: 'Change outcome…' }).click();
    const dialog = new AppShell(page).openDialog;
    await dialog.getByRole('radio', { name: /^No response/ }).check();
    await dialog.getByLabel('Note').fill('Still nothing after three nudges');
    await dialog.getByRole('button', { name: 'End application' }).click();

    await expect(dialog.locator('fieldset .field-error')).toContainText('already ended: no response');
    await expect(dialog.getByLabel('Note')).toHaveValue('Still nothing after three nudges');
    await dialog.getByRole('radio', { name: /^Position closed/ }).check();
    await dialog.getByLabel('Why was it closed?').selectOption('hiring_freeze');
    await dialog.getByRole('button', { name: 'End application' }).click();
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect(page.locator('.application-status')).toContainText('Position closed (hiring freeze)');
    expect(await api.getApplication(app.id)).toMatchObject({
      outcome: 'position_closed',
      closedReason: 'hiring_freeze',
    });
  });

  test('the post-interview prompt on Today saves how it went onto the interview', async ({ page, api }) => {
    const app = await api.createApplication({ companyName: 'Acme', jobTitle: 'Engineer' });
    const start = new Date(Date.now() - 3 * 3_600_000);
    const interview = await api.createInterview({
      applicationId: app.id,
      round: 'onsite',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      timeZone: 'Europe/Berlin',
    });
    await page.goto('/');
    const decisionDate = addDays(todayIn('Europe/Berlin', new Date()), 10);
    await page.getByRole('button', { name: 'Tell hearback how the interview went' }).click();
    const dialog = new AppShell(page).openDialog;
    await dialog.getByRole('radio', { name: /^5 ·/ }).check();
    await dialog.getByLabel('What did you discuss?').fill('Scaling the search index');
    await dialog.getByLabel('Did they give a decision date?').fill(decisionDate);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'How did it go?' })).toBeHidden();
    expect(await api.getApplication(app.id)).toMatchObject({ stage: 'interviewing' });
    const [saved] = await api.listInterviews({ applicationId: app.id });
    expect(saved).toMatchObject({
      id: interview.id,
      selfRating: 5,
      topics: 'Scaling the search index',
      decisionDate,
    });
  });

  test('edits an interview from its application: time, interviewers and notes after', async ({
    page,
    api,
  }) => {
    const app = await api.createApplication({ companyName: 'Acme', jobTitle: 'Engineer' });
    const ana = await api.createContact({ name: 'Ana', role: 'interviewer', companyId: app.company.id });
    const day = addDays(todayIn('Asia/Tokyo', new Date()), 2);
    await api.createInterview({
      applicationId: app.id,
      round: 'technical',
      startsAt: zonedToInstant(day, '10:00', 'Asia/Tokyo'),
      endsAt: zonedToInstant(day, '11:00', 'Asia/Tokyo'),
      timeZone: 'Asia/Tokyo',
    });
    await page.goto(`/applications/${app.id}`);
    await page.getByRole('button', { name: 'Edit interview' }).click();
    const dialog = new AppShell(page).openDialog;
    await expect(dialog.getByLabel('From')).toHaveValue('10:00');
    await expect(dialog.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
    await dialog.getByLabel('To').fill('11:30');
    await dialog.getByRole('checkbox', { name: 'Ana' }).check();
    await dialog.getByLabel('Notes', { exact: true }).fill('Bring the portfolio');
    await dialog.getByRole('button', { name: 'Save interview' }).click();
    await expect(page.locator('dialog[open]')).toHaveCount(0);
    const [saved] = await api.listInterviews({ applicationId: app.id });
    expect(saved).toMatchObject({
      interviewerIds: [ana.id],
      notes: 'Bring the portfolio',
      endsAt: zonedToInstant(day, '11:30', 'Asia/Tokyo'),
    });
    await expect(page.locator('.interview')).toContainText('With Ana');
  });

  test('saves notes, a timeline note and the documents sent on the application page', async ({
    page,
    api,
  }) => {
    const app = await api.createApplication({ companyName: 'Acme', jobTitle: 'Engineer' });
    await page.goto(`/applications/${app.id}`);
    const notes = page.locator('section[aria-labelledby="notes-title"]');
    await notes.getByLabel('Notes').fill('Referral from Sam');
    await notes.getByRole('button', { name: 'Save notes' }).click();
    await expect.poll(async () => (await api.getApplication(app.id)).notes).toBe('Referral from Sam');

    const timeline = page.locator('section[aria-labelledby="timeline-title"]');
    await timeline.getByLabel('Note', { exact: true }).fill('Recruiter said two more rounds');
    await timeline.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(timeline.locator('.timeline-item').first()).toContainText('Recruiter said two more rounds');

    const documents = page.locator('section[aria-labelledby="documents-title"]');
    await documents.getByLabel('Version or file name').first().fill('resume-2026-v3.pdf');
    await documents.getByRole('button', { name: 'Save documents' }).click();
    await expect
      .poll(async () => (await api.getApplication(app.id)).resume)
      .toEqual({ name: 'resume-2026-v3.pdf', text: null, fileRef: null });
  });

  test('settings refuse an empty working week next to the field, then save', async ({ page, api }) => {
    await page.goto('/settings');
    const days = page.getByRole('group', { name: 'Working days' });
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
      await days.getByRole('checkbox', { name: day }).uncheck();
    }
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(days.locator('.field-error')).toHaveText('must name at least one working day');

    for (const day of ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday']) {
      await days.getByRole('checkbox', { name: day }).check();
    }
    await page.getByLabel('Time zone').selectOption('Asia/Jerusalem');
    await page.getByLabel('Country').selectOption('IL');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(new AppShell(page).notices).toContainText('Settings saved');
    expect(await api.getSettings()).toMatchObject({
      timeZone: 'Asia/Jerusalem',
      country: 'IL',
      workingDays: [1, 2, 3, 4, 7],
    });
  });

  test('adds and edits contacts and companies, and says why a company in use cannot go', async ({
    page,
    api,
  }) => {
    await api.createApplication({ companyName: 'Busy Corp', jobTitle: 'Engineer' });
    page.on('dialog', (dialog) => dialog.accept());
    await page.goto('/companies');
    await page.getByRole('button', { name: 'Add company' }).click();
    let dialog = new AppShell(page).openDialog;
    await dialog.getByLabel('Name').fill('Quiet Corp');
    await dialog.getByLabel('Website').fill('https://quiet.example');
    await dialog.getByLabel('Size').selectOption({ label: '10,000 or more people' });
    await dialog.getByLabel('Industry').fill('Government');
    await dialog.getByRole('button', { name: 'Add company' }).click();
    await expect(page.getByRole('cell', { name: 'Quiet Corp', exact: true })).toBeVisible();
    expect((await api.listCompanies()).find((c) => c.name === 'Quiet Corp')).toMatchObject({
      sizeBand: '10000+',
      industry: 'Government',
    });
    await page.getByRole('button', { name: 'Delete Busy Corp' }).click();
    await expect(new AppShell(page).notices).toContainText('The company has 1 application(s)');

    await page.goto('/contacts');
    await page.getByRole('button', { name: 'Add contact' }).click();
    dialog = new AppShell(page).openDialog;
    await dialog.getByLabel('Name').fill('Rita');
    await dialog.getByLabel('Email').fill('not an email');
    await dialog.getByLabel('Company').selectOption({ label: 'Quiet Corp' });
    await dialog.getByRole('button', { name: 'Add contact' }).click();
    await expect(
      dialog.locator('.field', { has: page.getByLabel('Email') }).locator('.field-error'),
    ).toHaveText('must be an email address');
    await dialog.getByLabel('Email').fill('rita@quiet.example');
    await dialog.getByRole('button', { name: 'Add contact' }).click();
    await expect(page.getByRole('row', { name: /Rita/ })).toContainText('Quiet Corp');
    await page.getByRole('button', { name: 'Edit Rita' }).click();
    await new AppShell(page).openDialog.getByLabel('Role').selectOption('hiring_manager');
    await new AppShell(page).openDialog.getByRole('button', { name: 'Save contact' }).click();
    await expect(page.getByRole('row', { name: /Rita/ })).toContainText('Hiring manager');
    expect((await api.listContacts())[0]).toMatchObject({ name: 'Rita', role: 'hiring_manager' });
  });

  test('edits the playbook and a message template, with errors beside the field', async ({ page, api }) => {
    await page.goto('/settings');
    const playbook = page.locator('section[aria-labelledby="playbook-title"]');
    const amount = playbook.getByLabel('Thank-you note: how many');
    await amount.fill('999');
    await playbook.getByRole('button', { name: 'Save playbook' }).click();
    const thankYouRow = playbook.locator('tr', { has: page.getByLabel('Thank-you note: how many') });
    await expect(thankYouRow.locator('.field-error')).toHaveText('must be at most 336 hours');
    await amount.fill('12');
    await playbook.getByLabel('Plan: Ask for feedback').uncheck();
    await playbook.getByRole('button', { name: 'Save playbook' }).click();
    await expect(new AppShell(page).notices).toContainText('Playbook saved');
    const saved = await api.getPlaybook();
    expect(saved.rules.thank_you.delay).toEqual({ amount: 12, unit: 'hours' });
    expect(saved.rules.feedback_request.enabled).toBe(false);

    const templates = page.locator('section[aria-labelledby="templates-title"]');
    await templates.getByText('Thank-you note', { exact: true }).click();
    const thankYou = templates.locator('details[open]');
    await thankYou.getByLabel('Subject').fill('Thanks, {{contact.firstName}} {{nope}}');
    await thankYou.getByRole('button', { name: 'Save template' }).click();
    await expect(
      thankYou.locator('.field', { has: page.getByLabel('Subject') }).locator('.field-error'),
    ).toContainText('unknown merge field {{nope}}');
    await thankYou.getByLabel('Subject').fill('Thanks for today, {{contact.firstName}}');
    await thankYou.getByRole('button', { name: 'Preview' }).click();
    await expect(thankYou.getByRole('region', { name: 'Preview' })).toContainText('Thanks for today,');
    await thankYou.getByRole('button', { name: 'Save template' }).click();
    await expect(new AppShell(page).notices).toContainText('Saved the thank-you note template');
    const stored = (await api.listTemplates()).find((t) => t.kind === 'thank_you');
    expect(stored).toMatchObject({ subject: 'Thanks for today, {{contact.firstName}}', isDefault: false });
  });

  test('quick add reads a pasted posting page and saves what it found', async ({ page, api }) => {
    const posting = {
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Site reliability engineer',
      hiringOrganization: { '@type': 'Organization', name: 'Globex' },
      jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Lisbon' } },
      description: '<p>Keep our services up.</p>',
      datePosted: '2026-03-01',
      employmentType: 'FULL_TIME',
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(posting)}</script></head><body><h1>Site reliability engineer</h1></body></html>`;
    await page.goto('/add');
    const form = page.locator('main form');
    await form.getByLabel('Posting link or text').fill(html);
    await form.getByRole('button', { name: 'Read the posting' }).click();
    await expect(form.getByRole('combobox', { name: 'Company' })).toHaveValue('Globex');
    await expect(form.getByLabel('Job title')).toHaveValue('Site reliability engineer');
    await expect(form.getByLabel('Location')).toHaveValue('Lisbon');
    await form.getByRole('button', { name: 'Add application' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added:' })).toContainText(
      'Site reliability engineer',
    );
    const [saved] = await api.listAllApplications();
    expect(saved).toMatchObject({ jobTitle: 'Site reliability engineer', company: { name: 'Globex' } });
    expect(saved?.posting).toMatchObject({
      location: 'Lisbon',
      datePosted: '2026-03-01',
      employmentType: 'full_time',
    });
    expect(saved?.posting.descriptionText).toContain('Keep our services up.');
  });
});
