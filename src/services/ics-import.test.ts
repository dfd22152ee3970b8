import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/test-runtime.js';
import type { AppError } from '../core/errors.js';
import { createApplication, getApplication } from './applications.js';
import { createCompany } from './companies.js';
import { createContact, listContacts } from './contacts.js';
import type { Deps } from './deps.js';
import { guessInterviewRound, importInvitation, previewInvitationImport } from './ics-import.js';
import { listInterviews } from './interviews.js';
import { updateSettings } from './settings.js';

function fixture(name: string): string {
  return fs.readFileSync(path.join(import.meta.dirname, '../integrations/ics/fixtures', name), 'utf8');
}

function invitation(...lines: string[]): string {
  return `${[
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    'UID:inline-1',
    'DTSTAMP:20260301T000000Z',
    'DTSTART:20260311T150000Z',
    'DTEND:20260311T160000Z',
    ...lines,
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n')}\r\n`;
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the promise to fail');
}

describeEachDialect('importing interview invitations', (ctx) => {
  async function setUp(deps: Deps = ctx.deps) {
    await updateSettings(deps, { email: 'jordan.smith@example.com', timeZone: 'America/Chicago' });
    const acme = await createCompany(deps, { name: 'Acme Corp', website: 'https://www.acme-corp.com' });
    await createCompany(deps, { name: 'Acme Bakery' });
    const backend = await createApplication(deps, { companyId: acme.id, jobTitle: 'Backend Engineer' });
    const contoso = await createApplication(deps, {
      companyName: 'Contoso Ltd',
      jobTitle: 'Platform Engineer',
    });
    const initech = await createApplication(deps, { companyName: 'Initech', jobTitle: 'Data Engineer' });
    return { acme, backend, contoso, initech };
  }

  async function counts() {
    return {
      contacts: (await listContacts(ctx.deps)).length,
      interviews: (await listInterviews(ctx.deps)).length,
    };
  }

  it('imports a Google invitation into the application whose company the guests write from', async () => {
    const { acme, backend } = await setUp();
    const result = await importInvitation(ctx.deps, fixture('google-invite.ics'));
    expect(result.created).toBe(true);
    expect(result.interview).toMatchObject({
      applicationId: backend.id,
      round: 'technical',
      startsAt: '2026-03-10T14:00:00.000Z',
      endsAt: '2026-03-10T15:00:00.000Z',
      timeZone: 'America/New_York',
      location: null,
      videoLink: 'https://meet.google.com/abc-defg-hij',
    });
    expect(result.interview.notes).toMatch(
      /^Imported from a calendar invitation: Technical interview – Jordan Smith/,
    );
    expect(result.createdContacts.map((c) => [c.name, c.email, c.role, c.companyId])).toEqual([
      ['Dana Lee', 'dana.lee@acme-corp.com', 'interviewer', acme.id],
      ['Sam Patel', 'sam.patel@acme-corp.com', 'interviewer', acme.id],
    ]);
    expect(result.interview.interviewerIds).toEqual(result.createdContacts.map((c) => c.id));
    expect((await getApplication(ctx.deps, backend.id)).stage).toBe('interviewing');
    expect(await listInterviews(ctx.deps, { applicationId: backend.id })).toEqual([result.interview]);
  });

  it('reuses a contact already on file with the same email, whatever its case', async () => {
    const { contoso } = await setUp();
    const lars = await createContact(ctx.deps, { name: 'Lars B.', email: 'LARS.BERG@contoso.de' });
    const result = await importInvitation(ctx.deps, fixture('outlook-invite.ics'));
    expect(result.interview).toMatchObject({
      applicationId: contoso.id,
      round: 'panel',
      startsAt: '2026-03-30T08:00:00.000Z',
      timeZone: 'Europe/Berlin',
    });
    expect(result.reusedContactIds).toEqual([lars.id]);
    expect(result.createdContacts.map((c) => c.email)).toEqual(['kim.weber@contoso.de']);
    expect(result.interview.interviewerIds).toEqual([lars.id, result.createdContacts[0]!.id]);
    expect((await listContacts(ctx.deps)).map((c) => c.email).sort()).toEqual([
      'LARS.BERG@contoso.de',
      'kim.weber@contoso.de',
    ]);
  });

  it('matches by the company named in the title when the addresses are personal ones', async () => {
    const { initech } = await setUp();
    const text = invitation(
      'SUMMARY:Phone screen with Initech',
      'ORGANIZER;CN=Alex Rivera:mailto:alex.rivera.recruits@gmail.com',
    );
    const preview = await previewInvitationImport(ctx.deps, text);
    expect(preview.application).toMatchObject({ applicationId: initech.id, reason: 'company_name' });
    expect(preview.contacts).toEqual([
      {
        name: 'Alex Rivera',
        email: 'alex.rivera.recruits@gmail.com',
        role: 'recruiter',
        existingContactId: null,
        isInterviewer: false,
      },
    ]);
    const result = await importInvitation(ctx.deps, text);
    expect(result.interview).toMatchObject({
      applicationId: initech.id,
      round: 'phone_screen',
      interviewerIds: [],
    });
    expect(result.interview.timeZone).toBe('America/Chicago');
    expect((await getApplication(ctx.deps, initech.id)).stage).toBe('screening');
  });

  it('uses the application the user chose when nothing matches', async () => {
    const { initech } = await setUp();
    const text = fixture('calendly-invite.ics');
    expect((await errorOf(importInvitation(ctx.deps, text))).message).toBe(
      'applicationId: no application matches this invitation by email domain or company name; choose the application',
    );
    const result = await importInvitation(ctx.deps, text, { applicationId: initech.id });
    expect(result.interview).toMatchObject({
      applicationId: initech.id,
      round: 'phone_screen',
      videoLink: 'https://us02web.zoom.us/j/81234567890?pwd=QWxhZGRpbjpvcGVu',
      startsAt: '2026-03-12T17:00:00.000Z',
    });
    expect(result.createdContacts.map((c) => c.name)).toEqual(['Priya Shah']);
  });

  it('asks the user to choose when several open applications match, and writes nothing', async () => {
    const { acme, backend } = await setUp();
    const frontend = await createApplication(ctx.deps, { companyId: acme.id, jobTitle: 'Frontend Engineer' });
    const error = await errorOf(
      importInvitation(ctx.deps, fixture('google-invite.ics').replace('Backend Engin', 'Some Engin')),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('applicationId: the invitation matches 2 applications; choose one');
    const candidates = error.details?.candidates ?? [];
    expect(candidates.map((c) => c.applicationId).sort()).toEqual([backend.id, frontend.id].sort());
    expect(await counts()).toEqual({ contacts: 0, interviews: 0 });
  });

  it('picks the open application named in the invitation when the company has several', async () => {
    const { acme, backend } = await setUp();
    await createApplication(ctx.deps, { companyId: acme.id, jobTitle: 'Frontend Engineer' });
    const preview = await previewInvitationImport(ctx.deps, fixture('google-invite.ics'));
    expect(preview.application?.applicationId).toBe(backend.id);
    expect(preview.candidates).toHaveLength(2);
  });

  it('previews the plan without writing anything', async () => {
    const { backend } = await setUp();
    const preview = await previewInvitationImport(ctx.deps, fixture('google-invite.ics'));
    expect(preview).toMatchObject({
      application: { applicationId: backend.id, companyName: 'Acme Corp', reason: 'email_domain' },
      round: 'technical',
      existingInterviewId: null,
      warnings: [],
    });
    expect(preview.contacts.map((c) => [c.email, c.role, c.isInterviewer])).toEqual([
      ['dana.lee@acme-corp.com', 'interviewer', true],
      ['sam.patel@acme-corp.com', 'interviewer', true],
    ]);
    expect(await counts()).toEqual({ contacts: 0, interviews: 0 });
  });

  it('imports the same invitation only once', async () => {
    await setUp();
    const first = await importInvitation(ctx.deps, fixture('google-invite.ics'));
    const again = await importInvitation(ctx.deps, fixture('google-invite.ics'));
    expect(again.created).toBe(false);
    expect(again.interview.id).toBe(first.interview.id);
    expect(again.warnings).toContain('this invitation was already imported; nothing was changed');
    expect(await counts()).toEqual({ contacts: 2, interviews: 1 });
  });

  it('refuses a cancellation and points at the interview it cancels', async () => {
    const { initech } = await setUp();
    const request = fixture('outlook-cancel.ics')
      .replace('METHOD:CANCEL', 'METHOD:REQUEST')
      .replace('STATUS:CANCELLED', 'STATUS:CONFIRMED');
    const imported = await importInvitation(ctx.deps, request);
    expect(imported.interview).toMatchObject({
      applicationId: initech.id,
      round: 'final',
      location: 'Initech HQ, 4120 Freidrich Ln, Austin',
    });
    const error = await errorOf(importInvitation(ctx.deps, fixture('outlook-cancel.ics')));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe(
      `ics: this file cancels "Canceled: Final interview – Initech"; there is nothing to add. It matches interview ${imported.interview.id}; delete that interview instead.`,
    );
    expect(await counts()).toEqual({ contacts: 1, interviews: 1 });
  });

  it('refuses garbage and oversized files with a clear error and writes nothing', async () => {
    await setUp();
    const garbage = await errorOf(importInvitation(ctx.deps, '\u0000\u0001PK\u0003\u0004'));
    expect(garbage.message).toBe('ics: not an iCalendar file: it contains binary data');
    const html = await errorOf(importInvitation(ctx.deps, '<!doctype html><p>Your interview</p>'));
    expect(html.message).toBe('ics: not an iCalendar file: it should start with BEGIN:VCALENDAR');
    const huge = invitation('SUMMARY:Interview', `DESCRIPTION:${'x'.repeat(1_100_000)}`);
    expect((await errorOf(importInvitation(ctx.deps, huge))).message).toMatch(
      /an invitation may be at most 1000000 bytes/,
    );
    expect(await counts()).toEqual({ contacts: 0, interviews: 0 });
  });

  it('leaves no contact behind when the import fails half-way', async () => {
    const { backend } = await setUp();
    // An id generator that repeats itself makes the second contact's insert fail after the first one's.
    const failing: Deps = { ...ctx.deps, ids: { next: () => 'same-id-every-time' } };
    await expect(importInvitation(failing, fixture('google-invite.ics'))).rejects.toThrow();
    expect(await counts()).toEqual({ contacts: 0, interviews: 0 });
    expect((await getApplication(ctx.deps, backend.id)).stage).toBe('applied');
  });
});

it('guesses the round from the title', () => {
  expect(guessInterviewRound('Phone Screen between Jordan and Priya')).toBe('phone_screen');
  expect(guessInterviewRound('Recruiter call – Acme')).toBe('phone_screen');
  expect(guessInterviewRound('Technical phone screen')).toBe('technical');
  expect(guessInterviewRound('System design with Sam')).toBe('technical');
  expect(guessInterviewRound('On-site interview loop')).toBe('onsite');
  expect(guessInterviewRound('Panel interview – Contoso')).toBe('panel');
  expect(guessInterviewRound('Final onsite')).toBe('final');
  expect(guessInterviewRound('Coffee with the team')).toBe('other');
  expect(guessInterviewRound('Screenplay reading')).toBe('other');
});
