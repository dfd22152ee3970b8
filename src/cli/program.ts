import { Command } from 'commander';
import { appVersion } from '../version.js';
import { registerAnalysisCommands } from './commands/analysis-commands.js';
import { registerApplicationCommands } from './commands/application-commands.js';
import { registerCalendarCommands } from './commands/calendar-commands.js';
import { registerInitCommand } from './commands/init-command.js';
import { registerInterviewCommands } from './commands/interview-commands.js';
import { registerPeopleCommands } from './commands/people-commands.js';
import { registerSystemCommands } from './commands/system-commands.js';
import { registerTimelineCommands } from './commands/timeline-commands.js';
import { registerTodayCommands } from './commands/today-commands.js';
import { registerWatchCommands } from './commands/watch-commands.js';

/** Where the CLI writes; commands read it back from their command (`configureOutput()`), so tests can capture it. */
export type CliIo = { writeOut(text: string): void; writeErr(text: string): void };

export function buildProgram(io?: CliIo): Command {
  const program = new Command()
    .name('hearback')
    .description('Track applications and interviews, and know whom to thank, call or nudge today.')
    .version(appVersion)
    .option('-d, --data-dir <dir>', 'where the SQLite database lives (default ./data, or HEARBACK_DATA_DIR)')
    .option('--json', 'print JSON instead of tables')
    .showHelpAfterError('(run with --help for usage)');
  // Set before the commands are added: commander copies the output settings into each subcommand.
  if (io) program.configureOutput(io).exitOverride();
  registerInitCommand(program);
  registerTodayCommands(program);
  registerApplicationCommands(program);
  registerAnalysisCommands(program);
  registerInterviewCommands(program);
  registerPeopleCommands(program);
  registerTimelineCommands(program);
  registerCalendarCommands(program);
  registerWatchCommands(program);
  registerSystemCommands(program);
  return program;
}

/**
 * Runs one `hearback …` command in this process, its output captured, and answers the exit code it would
 * have had (commands set `process.exitCode`; it is restored afterwards). For tests.
 */
export async function runCli(
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const program = buildProgram({ writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) });
  const before = process.exitCode;
  process.exitCode = undefined;
  let code = 0;
  try {
    await program.parseAsync(['node', 'hearback', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    const exit = (error as { exitCode?: number }).exitCode;
    if (exit === undefined) throw error;
    code = exit;
  } finally {
    process.exitCode = before;
  }
  return { code, stdout, stderr };
}
