import { describe, expect, it } from 'vitest';
import { inProcessCli } from '../../test/support/in-process-cli.js';

const { hearback, json } = inProcessCli('ids');

describe('id-or-name arguments of the CLI', { timeout: 60_000 }, () => {
  it('takes a company by name, id or id tail wherever a company is asked for, adding a new one by name', async () => {
    const application = await json('add', '-c', 'Acme', '-t', 'Backend Engineer');
    const acme = application.company.id as string;

    const dana = await json('contact', 'add', '--name', 'Dana', '--company', 'acme');
    expect(dana.companyId).toBe(acme);
    const byTail = await json('contact', 'add', '--name', 'Lee', '--company', acme.slice(-6).toLowerCase());
    expect(byTail.companyId).toBe(acme);

    const newcomer = await json('contact', 'add', '--name', 'Kim', '--company', 'Globex');
    const globex = await json('company', 'show', 'Globex');
    expect(newcomer.companyId).toBe(globex.id);

    expect(
      (await json('contact', 'list', '--company', 'ACME')).map((c: { name: string }) => c.name).sort(),
    ).toEqual(['Dana', 'Lee']);
    expect((await json('list', '--company', 'Acme')).map((a: { id: string }) => a.id)).toEqual([
      application.id,
    ]);

    const moved = await json('edit', application.id, '--company', 'Initech');
    expect(moved.company.name).toBe('Initech');
    expect((await json('company', 'show', 'initech')).id).toBe(moved.company.id);
  });

  it('takes a contact by name for --contact and --with', async () => {
    const application = await json('add', '-c', 'Hooli', '-t', 'Designer');
    const gavin = await json('contact', 'add', '--name', 'Gavin Belson', '--company', 'Hooli');
    const event = await json(
      'event',
      'add',
      application.id,
      '--kind',
      'message_sent',
      '--channel',
      'email',
      '--contact',
      'gavin belson',
    );
    expect(event.contactId).toBe(gavin.id);
    const interview = await json(
      'interview',
      'add',
      application.id,
      '--start',
      '2026-03-05T14:00:00Z',
      '--duration',
      '45',
      '--with',
      gavin.id.slice(-5),
      '--with',
      'Richard',
    );
    const richard = await json('contact', 'show', 'richard');
    expect(interview.interviewerIds).toEqual([gavin.id, richard.id]);
    expect((await json('contact', 'show', 'GAVIN BELSON')).id).toBe(gavin.id);
  });

  it('names what it could not find in the singular, and refuses an ambiguous name', async () => {
    const company = await hearback('company', 'show', 'Nowhere Ltd');
    expect(company).toMatchObject({
      code: 1,
      stderr: 'error: No company named "Nowhere Ltd" or with an id ending in it\n',
    });
    const step = await hearback('followups', 'done', 'ZZZZZ');
    expect(step.stderr).toBe('error: No follow-up with an id ending in "ZZZZZ"\n');
    const interview = await hearback('interview', 'show', 'ab');
    expect(interview.stderr).toBe('error: No interview "ab": give at least 4 characters of its id\n');

    await json('contact', 'add', '--name', 'Sam');
    await json('contact', 'add', '--name', 'sam');
    const ambiguous = await hearback('--json', 'contact', 'show', 'Sam');
    expect(ambiguous.code).toBe(1);
    expect(JSON.parse(ambiguous.stdout).error).toMatchObject({
      code: 'AMBIGUOUS_ID',
      message: '"Sam" matches 2 contacts; give more of the id',
    });
  });
});
