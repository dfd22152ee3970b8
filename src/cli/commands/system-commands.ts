import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import { settingsUpdateSchema } from '../../core/settings.js';
import { exportBackup, restoreBackup } from '../../services/backup.js';
import { updateSettings } from '../../services/settings.js';
import { parseInput, runCommand } from '../context.js';
import { formatFields } from '../output.js';
import { print } from './people-commands.js';

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
            [
              'working days',
              s.workingDays.map((d) => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d - 1]).join(' '),
            ],
            ['locale', s.locale],
            ['name', s.name],
            ['email', s.email],
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
    .action((o, command: Command) =>
      runCommand(command, async (ctx) => {
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
          },
          {
            timeZone: '--time-zone',
            workingDays: '--working-days',
            country: '--country',
            region: '--region',
          },
        );
        print(ctx, await updateSettings(ctx.deps, input), 'Settings saved.');
      }),
    );

  program
    .command('export')
    .description('Write a full backup of every record as JSON')
    .option('--json', 'JSON format (the only one for a full backup; CSV export has its own command)')
    .option('-o, --out <file>', 'write to this file instead of standard output')
    .action((options: { out?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const text = `${JSON.stringify(await exportBackup(ctx.deps), null, 2)}\n`;
        if (!options.out) return void process.stdout.write(text);
        fs.writeFileSync(options.out, text);
        ctx.out.error(`Backup written to ${path.resolve(options.out)}`);
      }),
    );

  program
    .command('import <file>')
    .description('Restore a JSON backup into an empty database, all or nothing')
    .option('--json', 'the file is a JSON backup')
    .option('--replace', 'delete everything here first (in the same transaction)')
    .action((file: string, options: { replace?: boolean }, command: Command) =>
      runCommand(command, async (ctx) => {
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
      await main({
        ...process.env,
        ...(options.port && { PORT: options.port }),
        ...(options.host && { HOST: options.host }),
        ...(globals.dataDir && { HEARBACK_DATA_DIR: globals.dataDir }),
      });
    });
}
