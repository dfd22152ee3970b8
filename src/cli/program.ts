import { Command } from 'commander';
import { appVersion } from '../version.js';

/** Where the CLI writes; commands read it back from their command (`configureOutput()`), so tests can capture it. */
export type CliIo = { writeOut(text: string): void; writeErr(text: string): void };

type RegisterCommands = (program: Command) => void;

/**
 * The command files, in the order help lists them, with the top-level names (and aliases) each registers.
 * A command line that names one of them loads only that file, so `hearback list` does not evaluate the
 * schemas and option lists of every other command (issue 12, item 11); `program.test.ts` checks the names.
 */
export const commandFiles: ReadonlyArray<{
  readonly names: readonly string[];
  readonly load: () => Promise<RegisterCommands>;
}> = [
  {
    names: ['init'],
    load: async () => (await import('./commands/init-command.js')).registerInitCommand,
  },
  {
    names: ['today', 'draft', 'playbook', 'templates'],
    load: async () => (await import('./commands/today-commands.js')).registerTodayCommands,
  },
  {
    names: ['add', 'list', 'ls', 'show', 'edit', 'rm', 'move', 'note'],
    load: async () => (await import('./commands/application-commands.js')).registerApplicationCommands,
  },
  {
    names: ['why', 'retro', 'tailor'],
    load: async () => (await import('./commands/analysis-commands.js')).registerAnalysisCommands,
  },
  {
    names: ['insights', 'story'],
    load: async () => (await import('./commands/insights-command.js')).registerInsightsCommand,
  },
  {
    names: ['interview'],
    load: async () => (await import('./commands/interview-commands.js')).registerInterviewCommands,
  },
  {
    names: ['company', 'contact'],
    load: async () => (await import('./commands/people-commands.js')).registerPeopleCommands,
  },
  {
    names: ['event', 'followups', 'follow-ups'],
    load: async () => (await import('./commands/timeline-commands.js')).registerTimelineCommands,
  },
  {
    names: ['calendar', 'digest'],
    load: async () => (await import('./commands/calendar-commands.js')).registerCalendarCommands,
  },
  {
    names: ['link'],
    load: async () => (await import('./commands/link-commands.js')).registerLinkCommands,
  },
  {
    names: ['watch'],
    load: async () => (await import('./commands/watch-commands.js')).registerWatchCommands,
  },
  {
    names: ['inbox'],
    load: async () => (await import('./commands/inbox-commands.js')).registerInboxCommands,
  },
  {
    names: ['admin'],
    load: async () => (await import('./commands/admin-commands.js')).registerAdminCommands,
  },
  {
    names: ['settings', 'export', 'import', 'db', 'serve'],
    load: async () => (await import('./commands/system-commands.js')).registerSystemCommands,
  },
];

/**
 * The program for a command line (the arguments after `hearback`): with only the command file of the command
 * it names when that is plain to see, with every command otherwise (help, no command, a misspelt one, an
 * option before the command other than the global ones), so commander's answers stay the same.
 */
export async function buildProgram(io?: CliIo, args?: readonly string[]): Promise<Command> {
  const program = new Command()
    .name('hearback')
    .description('Track applications and interviews, and know whom to thank, call or nudge today.')
    .version(appVersion)
    .option('-d, --data-dir <dir>', 'where the SQLite database lives (default ./data, or HEARBACK_DATA_DIR)')
    .option('--json', 'print JSON instead of tables')
    .showHelpAfterError('(run with --help for usage)');
  // Set before the commands are added: commander copies the output settings into each subcommand.
  if (io) program.configureOutput(io).exitOverride();
  const name = args && commandNameOf(args);
  const named = commandFiles.find((file) => name !== undefined && file.names.includes(name));
  const registers = await Promise.all((named ? [named] : commandFiles).map((file) => file.load()));
  for (const register of registers) register(program);
  return program;
}

/** The command a command line names, past the global options; undefined when it is not plain. */
function commandNameOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json' || arg.startsWith('--data-dir=')) continue;
    if (arg === '-d' || arg === '--data-dir') {
      i++;
      continue;
    }
    return arg.startsWith('-') ? undefined : arg;
  }
  return undefined;
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
  const program = await buildProgram(
    { writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) },
    args,
  );
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
