import fs from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import { type CliContext, resolveId, runCommand } from '../context.js';
import { localDateTime, safeText } from '../output.js';
import { print } from './people-commands.js';

// Loaded when a command runs, so `hearback --version` and `--help` load none of it (issue 12, item 11).
const loadConfigModule = () => import('../../config.js');
const loadCalendarFeed = () => import('../../services/calendar-feed.js');
const loadDigest = () => import('../../services/digest.js');

/** `hearback calendar …` (the private feed) and `hearback digest preview` (the morning email). */
export function registerCalendarCommands(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('Your private calendar feed: interviews and follow-up steps in your calendar app');

  calendar
    .command('status', { isDefault: true })
    .description('Whether a feed URL is issued')
    .action((_o, command: Command) =>
      runCommand(command, async (ctx) => {
        const { getCalendarFeedStatus } = await loadCalendarFeed();
        const status = await getCalendarFeedStatus(ctx.deps);
        print(
          ctx,
          status,
          status.createdAt
            ? `A feed URL was issued on ${localDateTime(status.createdAt, ctx.settings.timeZone)}. It is shown only when issued: run \`hearback calendar token --reissue\` for a new one.`
            : 'No feed URL yet: run `hearback calendar token` and subscribe to it in your calendar app.',
        );
      }),
    );

  calendar
    .command('token')
    .description(
      'Issue the private feed URL (shown once); --reissue replaces it and the old URL stops working',
    )
    .option('--reissue', 'replace the current URL')
    .action((options: { reissue?: boolean }, command: Command) =>
      runCommand(command, async (ctx) => {
        const { issueCalendarFeed } = await loadCalendarFeed();
        const issued = await issueCalendarFeed(
          ctx.deps,
          { reissue: Boolean(options.reissue) },
          await links(),
        );
        if (ctx.out.isJson) return ctx.out.json(issued);
        ctx.out.line(issued.url);
        ctx.out.line(
          pc.dim(
            `\nSubscribe to it in your calendar app (Apple Calendar: ${issued.webcalUrl}).\nKeep it secret: anyone with it can read your interviews. It is not shown again; \`hearback calendar revoke\` stops it.`,
          ),
        );
      }),
    );

  calendar
    .command('revoke')
    .description('Revoke the feed URL; it answers 404 from now on')
    .action((_o, command: Command) =>
      runCommand(command, async (ctx) => {
        const { revokeCalendarFeed } = await loadCalendarFeed();
        await revokeCalendarFeed(ctx.deps);
        print(ctx, { revoked: true }, 'Revoked: the feed URL no longer works.');
      }),
    );

  calendar
    .command('export')
    .description('Write the feed (or one interview) as an .ics file, or to standard output')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--interview <id>', 'only this interview, as a file to open in any calendar app')
    .action((options: { out?: string; interview?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const { buildInterviewCalendarFile, buildUserCalendarFeed } = await loadCalendarFeed();
        const text = options.interview
          ? await buildInterviewCalendarFile(
              ctx.deps,
              await resolveId(ctx, 'interviews', options.interview),
              await links(),
            )
          : await buildUserCalendarFeed(ctx.deps, await links());
        if (!options.out) {
          process.stdout.write(text);
          return;
        }
        fs.writeFileSync(options.out, text);
        print(ctx, { written: options.out }, `Wrote ${options.out}; open or import it in your calendar app.`);
      }),
    );

  program
    .command('digest')
    .description('The morning digest email (turn it on with `hearback settings set --digest on`)')
    .command('preview', { isDefault: true })
    .description('Show the digest email that would be sent now (nothing is sent or recorded)')
    .action((_o, command: Command) =>
      runCommand(command, async (ctx: CliContext) => {
        const { previewDigest } = await loadDigest();
        const email = await previewDigest(ctx.deps, await links());
        if (ctx.out.isJson) return ctx.out.json(email);
        if (!email) return ctx.out.line('Nothing is overdue or due today: no digest would be sent.');
        ctx.out.line(`${pc.dim('Subject:')} ${safeText(email.subject)}\n`);
        ctx.out.line(safeText(email.text));
      }),
    );
}

async function links(): Promise<{ publicUrl: string }> {
  const config = await loadConfigModule();
  return { publicUrl: config.loadConfig(config.processEnvironment()).publicUrl };
}
