import { describe, expect, it } from 'vitest';
import { inProcessCli } from '../../../test/support/in-process-cli.js';

const { hearback, json } = inProcessCli('move');

describe('hearback move --undo', { timeout: 60_000 }, () => {
  it('takes back the latest move: the stage goes back and the move leaves the history', async () => {
    const added = await json('add', '-c', 'Undoco', '-t', 'Engineer');
    await json('move', added.id, 'screening');
    await json('move', added.id, 'interviewing');

    const undone = await json('move', added.id, '--undo');
    expect(undone).toMatchObject({ id: added.id, stage: 'screening', furthestStage: 'screening' });
    const shown = await json('show', added.id);
    expect(shown.application).toMatchObject({ stage: 'screening' });
    const moves = (shown.timeline as { kind: string; fromStage: string | null; toStage: string }[]).filter(
      (e) => e.kind === 'stage_change',
    );
    expect(moves.map((m) => [m.fromStage, m.toStage])).toEqual([
      [null, 'applied'],
      ['applied', 'screening'],
    ]);
  });

  it('reopens an ended application and says what it took back', async () => {
    const added = await json('add', '-c', 'Endco', '-t', 'Designer');
    await json('move', added.id, 'ended', '--outcome', 'no_response');
    const result = await hearback('move', added.id, '--undo');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('took back the move to ended: no response');
    expect(result.stdout).toContain('now applied');
    const again = await hearback('--json', 'move', added.id, '--undo');
    expect(JSON.parse(again.stdout).error).toMatchObject({ code: 'STAGE_CHANGE_NOT_LATEST' });
  });

  it('refuses when there is no move to take back, and changes nothing', async () => {
    const added = await json('add', '-c', 'Neverco', '-t', 'Analyst');
    const result = await hearback('--json', 'move', added.id, '--undo');
    expect(result.code).not.toBe(0);
    expect(JSON.parse(result.stdout).error).toMatchObject({ code: 'STAGE_CHANGE_NOT_LATEST' });
    expect((await json('show', added.id)).application.stage).toBe('applied');
  });

  it('takes --undo alone, and a move without --undo still needs its stage', async () => {
    const added = await json('add', '-c', 'Flagco', '-t', 'Tester');
    await json('move', added.id, 'screening');
    const withStage = await hearback('move', added.id, 'offer', '--undo');
    expect(withStage.code).not.toBe(0);
    expect(withStage.stdout + withStage.stderr).toContain('leave out the stage (offer)');
    const withNote = await hearback('move', added.id, '--undo', '--note', 'oops');
    expect(withNote.stdout + withNote.stderr).toContain('leave out --note');
    const noStage = await hearback('move', added.id);
    expect(noStage.code).not.toBe(0);
    expect(noStage.stdout + noStage.stderr).toContain('or --undo to take the latest move back');
    expect((await json('move', added.id, '--undo')).stage).toBe('applied');
  });

  it('is described in the command’s help', async () => {
    const help = await hearback('move', '--help');
    expect(help.stdout).toContain('--undo');
    expect(help.stdout).toContain('take back the latest move');
  });
});
