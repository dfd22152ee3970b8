import { describe, expect, it } from 'vitest';
import { inProcessCli } from '../../../test/support/in-process-cli.js';

const { hearback, json } = inProcessCli('follow-ups');

describe('hearback follow-ups', { timeout: 60_000 }, () => {
  it('is spelled follow-ups, with followups kept as an alias in the help', async () => {
    const help = await hearback('--help');
    expect(help.stdout).toMatch(/^\s+follow-ups\|followups\s/m);
    expect(help.stdout).not.toMatch(/^\s+followups\|/m);
  });

  it('does the same under either spelling', async () => {
    const application = await json('add', '-c', 'Acme', '-t', 'Engineer');
    const added = await json('follow-ups', 'add', application.id, '--due', '2026-04-01', '--kind', 'custom');
    const canonical = await json('follow-ups', 'list', '--application', application.id);
    expect(await json('followups', 'list', '--application', application.id)).toEqual(canonical);
    expect(canonical.map((s: { id: string }) => s.id)).toContain(added.id);
    expect((await json('followups', 'done', added.id, '--note', 'called')).status).toBe('done');
  });

  it('shows each step by its label', async () => {
    const application = await json('add', '-c', 'Globex', '-t', 'Designer');
    const step = await json(
      'follow-ups',
      'add',
      application.id,
      '--due',
      '2026-04-02',
      '--kind',
      'offer_check',
    );
    const table = await hearback('follow-ups', 'list', '--application', application.id);
    expect(table.stdout).toContain('Check on the written offer');
    const skipped = await hearback('follow-ups', 'skip', step.id);
    expect(skipped.stdout).toContain('Skipped: Check on the written offer');
  });
});
