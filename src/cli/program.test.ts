import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, commandFiles } from './program.js';

/** The top-level command names and aliases a program answers to. */
function namesOf(program: Command): string[] {
  return program.commands.flatMap((command) => [command.name(), ...command.aliases()]).sort();
}

describe('the command files of the CLI', () => {
  it('name exactly the commands each file registers, and together every command', async () => {
    for (const file of commandFiles) {
      const program = new Command();
      (await file.load())(program);
      expect(namesOf(program)).toEqual([...file.names].sort());
    }
    const everything = await buildProgram();
    expect(namesOf(everything)).toEqual(commandFiles.flatMap((file) => file.names).sort());
  });

  it('registers only the file of the command a command line names', async () => {
    const list = commandFiles.find((file) => file.names.includes('list'))!;
    for (const args of [
      ['list'],
      ['ls', '--all'],
      ['--json', 'list'],
      ['-d', '/tmp/x', 'list'],
      ['--data-dir', '/tmp/x', '--json', 'list'],
      ['--data-dir=/tmp/x', 'list'],
    ]) {
      expect(namesOf(await buildProgram(undefined, args))).toEqual([...list.names].sort());
    }
  });

  it('registers every command when the command line names none plainly', async () => {
    const all = commandFiles.flatMap((file) => file.names).sort();
    for (const args of [[], ['--help'], ['help', 'list'], ['lst'], ['--verbose', 'list'], ['-d']]) {
      expect(namesOf(await buildProgram(undefined, args))).toEqual(all);
    }
  });
});
