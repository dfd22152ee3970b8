import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openServerModeApp,
  type ServerModeApp,
  signUpAccount,
  type TestAccount,
} from '../../test/support/server-mode.js';
import { postgresFlavour } from '../../test/support/test-runtime.js';

/** Rows of every table of the public schema where any text column holds one of the values. */
async function rowsMentioning(server: ServerModeApp, values: readonly string[]): Promise<string[]> {
  const db = server.runtime.deps.db;
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.data_type in ('text', 'character varying')`.execute(
    db,
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const value of values) {
      const { rows } = await sql<{
        n: string;
      }>`select count(*) as n from ${sql.table(table_name)} where ${sql.ref(
        column_name,
      )} like ${`%${value}%`}`.execute(db);
      if (Number(rows[0]!.n) > 0) found.push(`${table_name}.${column_name} holds ${value}`);
    }
  }
  return found;
}

describe(`server mode: delete my account ${postgresFlavour()}`, () => {
  let server: ServerModeApp;
  let leaving: TestAccount;
  let staying: TestAccount;
  let coach: TestAccount;

  beforeAll(async () => {
    server = await openServerModeApp();
    leaving = await signUpAccount(server, 'leaving@example.org');
    staying = await signUpAccount(server, 'staying@example.org');
    coach = await signUpAccount(server, 'the-coach@example.org');
    await sql`update auth_users set role = 'coach' where id = ${coach.id}`.execute(server.runtime.deps.db);
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  const as = (
    account: TestAccount,
    method: 'GET' | 'POST' | 'DELETE' | 'PATCH',
    url: string,
    payload?: unknown,
  ) => server.send({ method, url, payload: payload as Record<string, unknown>, cookie: account.cookie });

  /** A setup step that must succeed, so the deletion is tried on every kind of record. */
  const made = async (account: TestAccount, method: 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const answer = await as(account, method, url, payload);
    if (answer.statusCode >= 300) expect.fail(`${method} ${url}: ${answer.statusCode} ${answer.body}`);
    return answer;
  };

  it('deletes the account and every row of it, in every table, and nothing of anyone else', async () => {
    for (const account of [leaving, staying]) {
      const application = (
        await made(account, 'POST', '/api/applications', {
          companyName: 'Co',
          jobTitle: 'Role',
          stage: 'applied',
        })
      ).json();
      await made(account, 'POST', '/api/contacts', { name: 'A contact', email: 'contact@example.org' });
      await made(account, 'POST', '/api/interviews', {
        applicationId: application.id,
        startsAt: '2026-03-10T10:00:00Z',
        endsAt: '2026-03-10T11:00:00Z',
        timeZone: 'UTC',
      });
      await made(account, 'POST', '/api/events', {
        kind: 'note',
        applicationId: application.id,
        text: 'a note',
      });
      await made(account, 'POST', '/api/calendar/token');
      await made(account, 'PATCH', '/api/playbook', {});
      expect((await as(account, 'POST', '/api/shares', { coachEmail: coach.email })).statusCode).toBe(201);
    }
    expect(await rowsMentioning(server, [leaving.id])).not.toEqual([]);

    const wrong = await as(leaving, 'DELETE', '/api/account', { confirmEmail: 'staying@example.org' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].field).toBe('confirmEmail');

    const deleted = await as(leaving, 'DELETE', '/api/account', { confirmEmail: 'Leaving@example.org' });
    expect(deleted.statusCode).toBe(204);
    expect(await rowsMentioning(server, [leaving.id, leaving.email])).toEqual([]);

    // The session is gone with the account, and the other account keeps all of its data.
    expect((await as(leaving, 'GET', '/api/applications')).statusCode).toBe(401);
    expect((await as(staying, 'GET', '/api/applications')).json().items).toHaveLength(1);
    expect(
      (await as(coach, 'GET', '/api/coach/job-seekers')).json().map((s: { id: string }) => s.id),
    ).toEqual([staying.id]);
    expect(await rowsMentioning(server, [staying.id])).not.toEqual([]);
  });
});
