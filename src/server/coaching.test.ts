import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openServerModeApp,
  type ServerModeApp,
  sessionCookieOf,
  signUpAccount,
  type TestAccount,
} from '../../test/support/server-mode.js';
import { postgresFlavour } from '../../test/support/test-runtime.js';
import { ensureFirstAdmin } from '../services/coaching.js';

const label = `(${postgresFlavour()})`;

describe(`server mode roles and shares ${label}`, () => {
  let server: ServerModeApp;
  let seeker: TestAccount;
  let coach: TestAccount;
  let otherCoach: TestAccount;
  let admin: TestAccount;

  async function makeRole(account: TestAccount, role: string): Promise<void> {
    await sql`update auth_users set role = ${role} where id = ${account.id}`.execute(server.runtime.deps.db);
  }
  const as = (
    account: TestAccount,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => server.send({ method, url, payload: payload as Record<string, unknown>, cookie: account.cookie });

  beforeAll(async () => {
    server = await openServerModeApp();
    seeker = await signUpAccount(server, 'seeker@example.org');
    coach = await signUpAccount(server, 'coach@example.org');
    otherCoach = await signUpAccount(server, 'other-coach@example.org');
    admin = await signUpAccount(server, 'admin@example.org');
    await makeRole(coach, 'coach');
    await makeRole(otherCoach, 'coach');
    await makeRole(admin, 'admin');
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it('shares chosen applications with one coach, who reads them and comments onto the timeline, until revoked', async () => {
    const shared = (
      await as(seeker, 'POST', '/api/applications', { companyName: 'Shared Co', jobTitle: 'Shared role' })
    ).json().id as string;
    const privateOne = (
      await as(seeker, 'POST', '/api/applications', { companyName: 'Private Co', jobTitle: 'Private role' })
    ).json().id as string;

    // Only an account with the coach role can be shared with; a job seeker's email is refused by field.
    const notACoach = await as(seeker, 'POST', '/api/shares', { coachEmail: admin.email });
    expect(notACoach.statusCode).toBe(400);
    expect(notACoach.json().error.details.issues[0].field).toBe('coachEmail');

    const share = await as(seeker, 'POST', '/api/shares', {
      coachEmail: 'Coach@Example.org',
      applicationIds: [shared],
    });
    expect(share.statusCode).toBe(201);
    expect(share.json()).toMatchObject({ allApplications: false, applicationIds: [shared] });

    const dashboard = await as(coach, 'GET', '/api/coach/job-seekers');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.json()).toMatchObject([
      { id: seeker.id, email: seeker.email, sharedApplications: 1, allApplications: false },
    ]);
    const list = await as(coach, 'GET', `/api/coach/job-seekers/${seeker.id}/applications`);
    expect(list.json().map((a: { id: string }) => a.id)).toEqual([shared]);
    expect(list.body).not.toContain('Private role');

    expect((await as(coach, 'GET', `/api/coach/applications/${shared}`)).statusCode).toBe(200);
    expect((await as(coach, 'GET', `/api/coach/applications/${privateOne}`)).statusCode).toBe(404);
    // The coach's own routes are their own data: the job seeker's ids are not found there.
    expect((await as(coach, 'GET', `/api/applications/${shared}`)).statusCode).toBe(404);
    expect((await as(coach, 'PATCH', `/api/applications/${shared}`, { notes: 'x' })).statusCode).toBe(404);
    // Another coach sees nothing.
    expect((await as(otherCoach, 'GET', `/api/coach/applications/${shared}`)).statusCode).toBe(404);
    expect((await as(otherCoach, 'GET', '/api/coach/job-seekers')).json()).toEqual([]);

    const comment = await as(coach, 'POST', `/api/coach/applications/${shared}/comments`, {
      text: 'Follow up with the recruiter on Monday',
    });
    expect(comment.statusCode).toBe(201);
    const timeline = await as(seeker, 'GET', `/api/applications/${shared}/timeline`);
    expect(timeline.body).toContain('Comment from your coach coach: Follow up with the recruiter on Monday');

    const revoked = await as(seeker, 'DELETE', `/api/shares/${share.json().id}`);
    expect(revoked.statusCode).toBe(204);
    expect((await as(coach, 'GET', `/api/coach/applications/${shared}`)).statusCode).toBe(404);
    expect((await as(coach, 'GET', `/api/coach/job-seekers/${seeker.id}/applications`)).statusCode).toBe(404);
    expect((await as(coach, 'GET', '/api/coach/job-seekers')).json()).toEqual([]);
    expect((await as(seeker, 'DELETE', `/api/shares/${share.json().id}`)).statusCode).toBe(404);
  });

  it('shares everything, later applications included', async () => {
    const share = await as(seeker, 'POST', '/api/shares', { coachEmail: coach.email });
    expect(share.json().allApplications).toBe(true);
    const later = (
      await as(seeker, 'POST', '/api/applications', { companyName: 'Later Co', jobTitle: 'Later role' })
    ).json().id as string;
    expect((await as(coach, 'GET', `/api/coach/applications/${later}`)).statusCode).toBe(200);
    expect((await as(seeker, 'GET', '/api/shares')).json()).toHaveLength(1);
  });

  it('keeps job seekers and coaches off the admin routes, and admins off content', async () => {
    expect((await as(seeker, 'GET', '/api/admin/users')).statusCode).toBe(403);
    expect((await as(coach, 'GET', '/api/admin/users')).statusCode).toBe(403);
    expect((await as(seeker, 'GET', '/api/coach/job-seekers')).statusCode).toBe(403);
    expect((await as(admin, 'GET', '/api/coach/job-seekers')).statusCode).toBe(403);

    const users = await as(admin, 'GET', '/api/admin/users');
    expect(users.statusCode).toBe(200);
    const seekerRow = users.json().find((u: { id: string }) => u.id === seeker.id);
    expect(seekerRow).toMatchObject({ role: 'job_seeker', sharesGiven: 1 });
    expect(seekerRow.applications).toBeGreaterThanOrEqual(3);
    expect(users.body).not.toMatch(/Shared role|Private role|Later role|Shared Co/);
    expect(users.body).not.toMatch(/argon2/);

    // Coach assignments: who shares with whom, and how many applications; never which ones nor their content.
    expect((await as(seeker, 'GET', '/api/admin/coach-assignments')).statusCode).toBe(403);
    expect((await as(coach, 'GET', '/api/admin/coach-assignments')).statusCode).toBe(403);
    const assignments = await as(admin, 'GET', '/api/admin/coach-assignments');
    expect(assignments.statusCode).toBe(200);
    expect(assignments.json()).toEqual([
      {
        jobSeeker: { id: seeker.id, name: seeker.email.split('@')[0], email: seeker.email },
        coach: { id: coach.id, name: coach.email.split('@')[0], email: coach.email },
        allApplications: true,
        sharedApplications: seekerRow.applications,
        createdAt: expect.any(String),
      },
    ]);
    expect(assignments.body).not.toMatch(/Shared role|Private role|Later role|Shared Co/);

    const promoted = await as(admin, 'PATCH', `/api/admin/users/${otherCoach.id}`, { role: 'job_seeker' });
    expect(promoted.json().role).toBe('job_seeker');
    expect((await as(otherCoach, 'GET', '/api/coach/job-seekers')).statusCode).toBe(403);
    expect((await as(admin, 'PATCH', '/api/admin/users/nobody', { role: 'coach' })).statusCode).toBe(404);
    expect((await as(admin, 'PATCH', `/api/admin/users/${seeker.id}`, { role: 'root' })).statusCode).toBe(
      400,
    );
  });

  it('makes the first admin from the environment once, who can sign in', async () => {
    const input = { email: 'first-admin@example.org', password: 'an admin password' };
    // An admin exists already (admin@example.org): nothing is made.
    expect(await ensureFirstAdmin(server.runtime.deps, server.accounts, input)).toBe('exists');
    await makeRole(admin, 'job_seeker');
    expect(await ensureFirstAdmin(server.runtime.deps, server.accounts, input)).toBe('created');
    const signIn = await server.send({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: input,
      remoteAddress: '192.0.2.250',
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = sessionCookieOf(signIn);
    const users = await server.send({ method: 'GET', url: '/api/admin/users', cookie });
    expect(users.statusCode).toBe(200);
    expect(await ensureFirstAdmin(server.runtime.deps, server.accounts, input)).toBe('exists');
  });

  it('makes one first admin when two app servers start at the same moment', async () => {
    await sql`update auth_users set role = 'job_seeker' where role = 'admin'`.execute(server.runtime.deps.db);
    const input = { email: 'racing-admin@example.org', password: 'an admin password' };
    // Both see no admin and no account with the email; one insert wins, the other must not fail the start.
    const outcomes = await Promise.all([
      ensureFirstAdmin(server.runtime.deps, server.accounts, input),
      ensureFirstAdmin(server.runtime.deps, server.accounts, input),
    ]);
    expect(outcomes).toContain('created');
    const { rows } = await sql<{ email: string }>`
      select email from auth_users where role = 'admin'`.execute(server.runtime.deps.db);
    expect(rows.map((r) => r.email)).toEqual([input.email]);
  });
});
