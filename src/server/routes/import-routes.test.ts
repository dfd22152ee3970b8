import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { addApplication, call } from '../../../test/support/api.js';
import { describeEachDialect } from '../../../test/support/test-runtime.js';

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../integrations/ics/fixtures', name), 'utf8');

describeEachDialect('importing interview invitations', (ctx) => {
  it('previews, then imports an Outlook invitation as an interview on the chosen application, once', async () => {
    const application = await addApplication(ctx.app, {
      companyName: 'Northwind',
      jobTitle: 'Platform Engineer',
    });
    const ics = fixture('outlook-invite.ics');
    const preview = await call(
      ctx.app,
      'POST',
      '/api/interviews/import-ics/preview',
      { ics, applicationId: application.id },
      200,
    );
    expect(preview.application).toMatchObject({ applicationId: application.id, reason: 'chosen' });
    expect(
      await call(ctx.app, 'GET', `/api/interviews?applicationId=${application.id}`, undefined, 200),
    ).toEqual([]);
    const imported = await call(
      ctx.app,
      'POST',
      '/api/interviews/import-ics',
      { ics, applicationId: application.id },
      201,
    );
    expect(imported.created).toBe(true);
    expect(imported.interview).toMatchObject({
      applicationId: application.id,
      startsAt: preview.invitation.startsAt,
      timeZone: preview.invitation.timeZone,
    });
    const again = await call(
      ctx.app,
      'POST',
      '/api/interviews/import-ics',
      { ics, applicationId: application.id },
      201,
    );
    expect(again).toMatchObject({ created: false, interview: { id: imported.interview.id } });
    const steps = await call(
      ctx.app,
      'GET',
      `/api/follow-ups?applicationId=${application.id}`,
      undefined,
      200,
    );
    expect(steps.length).toBeGreaterThan(0);
  });

  it('refuses garbage with an error naming the file field, and writes nothing', async () => {
    const application = await addApplication(ctx.app);
    const bad = await call(
      ctx.app,
      'POST',
      '/api/interviews/import-ics',
      { ics: 'BEGIN:VCALENDAR\r\ngarbage', applicationId: application.id },
      400,
    );
    expect(bad.error.code).toBe('VALIDATION_FAILED');
    expect(bad.error.details.issues[0].field).toBe('ics');
    expect(await call(ctx.app, 'GET', '/api/interviews', undefined, 200)).toEqual([]);
  });
});
