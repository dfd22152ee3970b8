import { Command } from 'commander';
import { appVersion } from '../version.js';
import { registerAnalysisCommands } from './commands/analysis-commands.js';
import { registerApplicationCommands } from './commands/application-commands.js';
import { registerCalendarCommands } from './commands/calendar-commands.js';
import { registerInterviewCommands } from './commands/interview-commands.js';
import { registerPeopleCommands } from './commands/people-commands.js';
import { registerSystemCommands } from './commands/system-commands.js';
import { registerTimelineCommands } from './commands/timeline-commands.js';
import { registerTodayCommands } from './commands/today-commands.js';
import { registerWatchCommands } from './commands/watch-commands.js';

/** The `hearback` command, ready to parse; main.ts runs it on the process's arguments, tests in-process. */
export function buildProgram(): Command {
  const program = new Command()
    .name('hearback')
    .description('Track applications and interviews, and know whom to thank, call or nudge today.')
    .version(appVersion)
    .option('-d, --data-dir <dir>', 'where the SQLite database lives (default ./data, or HEARBACK_DATA_DIR)')
    .option('--json', 'print JSON instead of tables')
    .showHelpAfterError('(run with --help for usage)');
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
