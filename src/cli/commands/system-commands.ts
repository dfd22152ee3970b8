import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { csvFormatIds } from '../../core/csv-import.js';
import { weekdayName } from '../../core/date-words.js';
import { AppError, fieldError } from '../../core/errors.js';
import {
  describeQuietApplications,
  type HistoryChoice,
  historyChoiceLabels,
  historyChoiceResults,
  historyChoices,
} from '../../core/history-choice.js';
import { type Settings, settingsUpdateSchema } from '../../core/settings.js';
import { validate } from '../../core/validate.js';
import { type CliContext, parseInput, runCommand, withFlagNames } from '../context.js';
import { choices, formatFields, safeText } from '../output.js';
import { ask, canPrompt } from '../prompts.js';
import { print } from './people-commands.js';

// Loaded when a command runs, so `hearback --version` and `--help` load none of it (issue 12, item 11).
const loadCliProgress = () => import('cli-progress');
const loadBackup = () => import('../../services/backup.js');
const loadCsvExport = () => import('../../services/csv-export.js');
const loadCsvImport = () => import('../../services/csv-import.js');
const loadSettings = () => import('../../services/settings.js');

/** Settings, backup and restore, migrations and the server. */
export function registerSystemCommands(program: Command): void {
  const settings = program
    .command('settings')
    .description('Your time zone, holidays, working days and profile');
  settings.command('show', { isDefault: true }).action((_o, command: Command) =>
    runCommand(command, async (ctx) => {
      const s = ctx.settings;
      print(
        ctx,
        s,
        formatFields(
          [
            ['time zone', s.timeZone],
            ['country', s.country ?? '(none: no public holidays)'],
            ['region', s.region],
            ['working days', s.workingDays.map((d) => weekdayName(d, 'short')).join(' ')],
            ['locale', s.locale],
            ['name', s.name],
            ['email', s.email],
            [
              'mail server',
              s.smtp.configured ? `set${s.smtp.from ? `, sending as ${s.smtp.from}` : ''}` : 'not set',
            ],
            [
              'calendar',
              `leave ${s.travelBufferMinutes} min early; steps ${s.calendarStepsAllDay ? 'all-day' : 'at their time'}`,
            ],
            ['digest', s.digestEnabled ? `on, at ${s.digestTime}` : 'off'],
            ['posting watch', s.postingWatchEnabled ? 'on' : 'off'],
            ['weekly goal', describeWeeklyGoal(s.weeklyGoal)],
          ],
          ctx.out.color,
        ),
      );
    }),
  );
  settings
    .command('set')
    .option('--time-zone <zone>', 'IANA time zone, e.g. Europe/Berlin')
    .option('--country <code>', 'two-letter country code for public holidays, e.g. US')
    .option('--region <code>', 'state or province code, e.g. CA')
    .option('--working-days <days>', 'ISO weekdays, e.g. 1,2,3,4,5 for Monday to Friday')
    .option('--locale <locale>', 'e.g. en-US')
    .option('--name <name>', 'your name, to sign drafts')
    .option('--email <email>', 'your email')
    .option(
      '--smtp-url <url>',
      'your outgoing mail server, e.g. smtps://me:app-password@mail.example.com:465 ("none" removes it)',
    )
    .option('--smtp-from <email>', 'the address mail is sent from (default: your email)')
    .option(
      '--imap-url <url>',
      'your mailbox, to read replies: imaps://me:app-password@imap.example.com:993 ("none" forgets it; docs/inbox.md)',
    )
    .option('--travel-buffer <minutes>', 'calendar: leave this long before an interview (default 30)')
    .option('--calendar-all-day <yes|no>', 'calendar: follow-up steps as all-day events')
    .option('--digest <on|off>', 'a morning email with what is due')
    .option('--digest-time <HH:MM>', 'when the morning email goes out, your time')
    .option('--posting-watch <on|off>', 're-check posting URLs for removal or changes')
    .option('--goal-applications <n|none>', 'weekly goal: applications a week (insights; "none" removes it)')
    .option('--goal-interviews <n|none>', 'weekly goal: interviews a week')
    .option('--goal-follow-ups <n|none>', 'weekly goal: follow-ups done a week')
    .action((o, command: Command) =>
      runCommand(command, async (ctx) => {
        const { updateSettings } = await loadSettings();
        const input = parseInput(
          settingsUpdateSchema,
          {
            timeZone: o.timeZone,
            country: o.country,
            region: o.region,
            workingDays: o.workingDays?.split(',').map((d: string) => Number(d.trim())),
            locale: o.locale,
            name: o.name,
            email: o.email,
            smtpUrl: o.smtpUrl === 'none' ? null : o.smtpUrl,
            smtpFrom: o.smtpFrom,
            travelBufferMinutes: o.travelBuffer === undefined ? undefined : Number(o.travelBuffer),
            calendarStepsAllDay: yesNo(o.calendarAllDay),
            digestEnabled: yesNo(o.digest),
            digestTime: o.digestTime,
            postingWatchEnabled: yesNo(o.postingWatch),
            weeklyGoal: weeklyGoalOf(o),
          },
          settingsFlags,
        );
        if (o.imapUrl !== undefined) {
          const inbox = await import('../../services/inbox.js');
          await (o.imapUrl === 'none'
            ? inbox.forgetInbox(ctx.deps)
            : inbox.connectInbox(ctx.deps, { imapUrl: o.imapUrl })
          ).catch((error: unknown) => {
            throw withFlagNames(error, { imapUrl: '--imap-url' });
          });
        }
        const saved = await updateSettings(ctx.deps, input).catch((error: unknown) => {
          throw withFlagNames(error, settingsFlags);
        });
        print(ctx, saved, 'Settings saved.');
      }),
    );

  program
    .command('export')
    .description('Write a full backup of every record as JSON, or your applications as CSV')
    .option('--json', 'a full JSON backup (the default)')
    .option('--csv', 'applications as CSV, safe to open in a spreadsheet')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action((options: { out?: string; csv?: boolean }, command: Command) =>
      runCommand(command, async (ctx) => {
        const text = options.csv ? await csvExport(ctx) : await backupJson(ctx);
        if (!options.out) return void process.stdout.write(text);
        fs.writeFileSync(options.out, text);
        ctx.out.error(`${options.csv ? 'CSV' : 'Backup'} written to ${path.resolve(options.out)}`);
      }),
    );

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  program
    .command('import <file>')
    .description(
      'Restore a JSON backup (all or nothing), or import a CSV from a spreadsheet, Huntr, Teal, LinkedIn or JobSync',
    )
    .option('--json', 'the file is a JSON backup (the default for .json files)')
    .option('--csv', 'the file is a CSV (the default for other files)')
    .option('--replace', 'backup: delete everything here first (in the same transaction)')
    .option('--dry-run', 'CSV: show the mapping and what each row would do; change nothing')
    .option('--map <column=field>', 'CSV: map a column yourself, e.g. "Firm=companyName" (repeat)', collect)
    .option('--format <format>', `CSV: read as ${choices(csvFormatIds)}`)
    .option(
      '--date-order <order>',
      'CSV: mdy or dmy for dates like 03/04/2025 (default: decided from the file)',
    )
    .option('--skip-invalid', 'CSV: import the good rows of a file that has bad ones')
    .option('--allow-duplicates', 'CSV: import rows that repeat applications you already have')
    .option(
      '--history <choice>',
      `CSV: applications with no news for more than 30 days: ${choices([...historyFlags.keys()])} (asked in a terminal; else keep: open, without reminders)`,
    )
    .action((file: string, options: ImportOptions, command: Command) =>
      runCommand(command, async (ctx) => {
        const { restoreBackup } = await loadBackup();
        const isCsv = options.csv ?? (!options.json && !file.toLowerCase().endsWith('.json'));
        if (isCsv) return importCsvFile(ctx, file, options);
        let raw: unknown;
        try {
          raw = JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch (error) {
          throw new AppError(
            'INVALID_BACKUP',
            `${file}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        const report = await restoreBackup(ctx.deps, raw, { replace: options.replace });
        print(
          ctx,
          report,
          `Restored ${report.applications} applications, ${report.companies} companies, ${report.contacts} contacts, ${report.interviews} interviews, ${report.events} events, ${report.followUps} follow-up steps.`,
        );
      }),
    );

  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Bring the database schema up to date (the server also does this on start)')
    .action((_o, command: Command) =>
      runCommand(command, async (ctx) => {
        const { applied, current } = ctx.runtime.migrations;
        print(
          ctx,
          { applied, current, dialect: ctx.runtime.dialect },
          applied.length > 0 ? `Applied: ${applied.join(', ')}` : `Already up to date (${current}).`,
        );
      }),
    );

  program
    .command('serve')
    .description('Start the web app and API')
    .option('-p, --port <port>', 'port (default 4600, or PORT)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1, or HOST)')
    .action(async (options: { port?: string; host?: string }, command: Command) => {
      const globals = command.optsWithGlobals<{ dataDir?: string }>();
      const { main } = await import('../../main.js');
      const { processEnvironment } = await import('../../config.js');
      await main({
        ...processEnvironment(),
        ...(options.port && { PORT: options.port }),
        ...(options.host && { HOST: options.host }),
        ...(globals.dataDir && { HEARBACK_DATA_DIR: globals.dataDir }),
      });
    });
}

const settingsFlags: Record<string, string> = {
  timeZone: '--time-zone',
  workingDays: '--working-days',
  country: '--country',
  region: '--region',
  locale: '--locale',
  name: '--name',
  email: '--email',
  smtpUrl: '--smtp-url',
  smtpFrom: '--smtp-from',
  travelBufferMinutes: '--travel-buffer',
  calendarStepsAllDay: '--calendar-all-day',
  digestEnabled: '--digest',
  digestTime: '--digest-time',
  postingWatchEnabled: '--posting-watch',
  'weeklyGoal.applications': '--goal-applications',
  'weeklyGoal.interviews': '--goal-interviews',
  'weeklyGoal.followUps': '--goal-follow-ups',
};

/** The goal flags given, each "none" to remove that part; a word that is not a number is left for zod to name. */
function weeklyGoalOf(o: { goalApplications?: string; goalInterviews?: string; goalFollowUps?: string }) {
  const read = (value: string | undefined) =>
    value === undefined ? undefined : value === 'none' ? null : /^\d+$/.test(value) ? Number(value) : value;
  const goal = {
    applications: read(o.goalApplications),
    interviews: read(o.goalInterviews),
    followUps: read(o.goalFollowUps),
  };
  return Object.values(goal).every((value) => value === undefined) ? undefined : goal;
}

function describeWeeklyGoal(goal: Settings['weeklyGoal']): string {
  const parts = [
    goal.applications === null ? null : `${goal.applications} applications`,
    goal.interviews === null ? null : `${goal.interviews} interviews`,
    goal.followUps === null ? null : `${goal.followUps} follow-ups`,
  ].filter((part) => part !== null);
  return parts.length === 0 ? 'none' : `${parts.join(', ')} a week`;
}

export type ImportOptions = {
  json?: boolean;
  csv?: boolean;
  replace?: boolean;
  dryRun?: boolean;
  map?: string[];
  format?: string;
  dateOrder?: string;
  skipInvalid?: boolean;
  allowDuplicates?: boolean;
  history?: string;
};

/** `--history` in the CLI's spelling, and the choice it stands for. */
const historyFlags: ReadonlyMap<string, HistoryChoice> = new Map([
  ['keep', 'keep'],
  ['no-response', 'no_response'],
  ['plan-from-today', 'plan_from_today'],
]);

/** The person at the terminal, when there is one; a test answers in their place. */
export type Terminal = {
  canPrompt(): boolean;
  ask(question: string, fallback?: string): Promise<string | undefined>;
};

const processTerminal: Terminal = { canPrompt, ask };

/**
 * `hearback import file.csv`: a preview with --dry-run, else an all-or-nothing import with a progress bar.
 * Without --history, a person at a terminal is asked what to do with applications that have had no news
 * for a long time (when the file has any); a script gets the default, which never creates overdue work.
 */
export async function importCsvFile(
  ctx: CliContext,
  file: string,
  options: ImportOptions,
  terminal: Terminal = processTerminal,
): Promise<void> {
  const { previewCsvImport, importCsv } = await loadCsvImport();
  const { SingleBar, Presets } = await loadCliProgress();
  const mapping = Object.fromEntries(
    (options.map ?? []).map((pair) => {
      const at = pair.lastIndexOf('=');
      if (at <= 0) throw fieldError('--map', `"${pair}" is not column=field`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
  const importOptions = validate(csvOptionsSchema, {
    timeZone: ctx.settings.timeZone,
    mapping: options.map ? mapping : undefined,
    format: options.format,
    dateOrder: options.dateOrder,
    allowDuplicates: options.allowDuplicates,
    skipInvalidRows: options.skipInvalid,
    history: historyFlagOf(options.history),
  });
  const bytes = fs.readFileSync(file);
  if (options.dryRun) {
    const preview = await previewCsvImport(ctx.deps, bytes, importOptions);
    if (ctx.out.isJson) return ctx.out.json(preview);
    if (preview.counts.total === 0) return ctx.out.line('The file has a header row but no rows to import.');
    ctx.out.line(`Format: ${preview.format.label}; dates read as ${preview.dateOrder ?? 'ISO'}`);
    ctx.out.line(
      `Columns: ${Object.entries(preview.mapping)
        .map(([column, field]) => `${safeText(column)} → ${field}`)
        .join(', ')}`,
    );
    for (const issue of [...preview.errors, ...preview.warnings])
      ctx.out.line(`  ${safeText(issue.message)}`);
    ctx.out.line(`Rows: ${JSON.stringify(preview.counts)}`);
    for (const row of preview.rows.filter((r) => r.errors.length > 0).slice(0, 50)) {
      for (const e of row.errors) ctx.out.line(`  row ${row.row}: ${e.field}: ${safeText(e.message)}`);
    }
    const { applications, choice } = preview.history;
    if (applications > 0) {
      ctx.out.line(`${describeQuietApplications(applications)}: would be ${historyChoiceResults[choice]}`);
    }
    return;
  }
  if (!importOptions.history && terminal.canPrompt() && !ctx.out.isJson) {
    const { history } = await previewCsvImport(ctx.deps, bytes, importOptions);
    if (history.applications > 0) {
      importOptions.history = await askHistoryChoice(terminal, history.applications);
    }
  }
  const bar = new SingleBar(
    { format: 'importing [{bar}] {value}/{total} rows', noTTYOutput: true, stream: process.stderr },
    Presets.shades_classic,
  );
  let started = false;
  const result = await importCsv(ctx.deps, bytes, {
    ...importOptions,
    onProgress: ctx.out.isJson
      ? undefined
      : (done, total) => {
          if (!started) {
            bar.start(total, 0);
            started = true;
          }
          bar.update(done);
        },
  }).finally(() => {
    if (started) bar.stop();
  });
  if (result.failed.length > 0 && result.created === 0) process.exitCode = 1;
  if (ctx.out.isJson) return ctx.out.json(result);
  ctx.out.line(
    `Created ${result.created}, skipped ${result.duplicates} duplicate(s), ${result.failed.length} row error(s).`,
  );
  for (const warning of result.warnings) ctx.out.line(`  ${safeText(warning.message)}`);
  if (result.history.applications > 0) {
    const { applications, choice } = result.history;
    ctx.out.line(`${describeQuietApplications(applications)}: ${historyChoiceResults[choice]}.`);
  }
  for (const f of result.failed.slice(0, 50))
    ctx.out.line(`  row ${f.row}: ${f.field}: ${safeText(f.message)}`);
  if (result.failed.length > 0 && result.created === 0) {
    ctx.out.error('Nothing was imported: fix the rows above, or add --skip-invalid to import the others.');
  }
}

function historyFlagOf(flag: string | undefined): HistoryChoice | undefined {
  if (flag === undefined) return undefined;
  const choice = historyFlags.get(flag);
  if (!choice) throw fieldError('--history', `must be one of ${[...historyFlags.keys()].join(', ')}`);
  return choice;
}

/** Asks until the answer is one of the choices (by number or name); no answer takes the default, keep. */
async function askHistoryChoice(terminal: Terminal, count: number): Promise<HistoryChoice> {
  const menu = historyChoices.map((choice, i) => `  ${i + 1}. ${historyChoiceLabels[choice]}`).join('\n');
  let question = `${describeQuietApplications(count)}. What should hearback do with them?\n${menu}\nChoose`;
  for (;;) {
    const answer = (await terminal.ask(question, '1'))?.trim().toLowerCase() ?? '1';
    const choice = historyChoices[Number(answer) - 1] ?? historyFlags.get(answer);
    if (choice) return choice;
    question = `Please answer 1, 2 or 3`;
  }
}

const csvOptionsSchema = z.object({
  timeZone: z.string(),
  mapping: z.record(z.string(), z.string()).optional(),
  format: z.enum(csvFormatIds).optional(),
  dateOrder: z.enum(['mdy', 'dmy']).optional(),
  allowDuplicates: z.boolean().optional(),
  skipInvalidRows: z.boolean().optional(),
  history: z.enum(historyChoices).optional(),
});

/** "on", "yes", "true" and "off", "no", "false"; anything else is passed on for the schema to refuse by name. */
function yesNo(value: string | undefined): boolean | string | undefined {
  if (value === undefined) return undefined;
  if (/^(on|yes|true|1)$/i.test(value)) return true;
  if (/^(off|no|false|0)$/i.test(value)) return false;
  return value;
}

async function csvExport(ctx: CliContext): Promise<string> {
  const { exportApplicationsCsv } = await loadCsvExport();
  return exportApplicationsCsv(ctx.deps);
}

async function backupJson(ctx: CliContext): Promise<string> {
  const { exportBackup } = await loadBackup();
  return `${JSON.stringify(await exportBackup(ctx.deps), null, 2)}\n`;
}
