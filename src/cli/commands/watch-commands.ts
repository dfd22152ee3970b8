import type { Command } from 'commander';
import pc from 'picocolors';
import { watchStateLabels } from '../../core/labels.js';
import type { PostingWatchView } from '../../core/posting-watch.js';
import { type CliContext, resolveId, runCommand } from '../context.js';
import { formatFields, localDateTime, safeText } from '../output.js';

// Loaded when a command runs, so `hearback --version` and `--help` load none of it (issue 12, item 11).
const loadPostingWatch = () => import('../../services/posting-watch.js');

/** `hearback watch check|status <application>`: the posting watch of one application. */
export function registerWatchCommands(program: Command): void {
  const watch = program.command('watch').description('The posting watch: is the posting still online?');

  watch
    .command('check <application>')
    .description('Check the posting now; a removal, expiry, edit or re-post goes on the timeline')
    .action((ref: string, _options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { checkPosting } = await loadPostingWatch();
        const id = await resolveId(ctx, 'applications', ref);
        const result = await checkPosting(ctx.deps, id);
        if (ctx.out.isJson) return ctx.out.json(result);
        printWatch(ctx, result.watch);
        ctx.out.line(
          result.event?.kind === 'posting_change'
            ? `\n${ctx.out.color ? pc.yellow('New:') : 'New:'} ${result.event.change} — ${safeText(result.event.detail ?? '')}`
            : '\nNothing new.',
        );
      }),
    );

  watch
    .command('status <application>')
    .description('What hearback last saw of the posting, and when it looks again')
    .action((ref: string, _options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { getPostingWatch } = await loadPostingWatch();
        const id = await resolveId(ctx, 'applications', ref);
        const view = await getPostingWatch(ctx.deps, id);
        if (ctx.out.isJson) return ctx.out.json(view);
        if (view === null) return ctx.out.line('This application has no posting URL to watch.');
        printWatch(ctx, view);
      }),
    );
}

function printWatch(ctx: CliContext, view: PostingWatchView): void {
  const zone = ctx.settings.timeZone;
  const paused =
    view.pausedBecause === 'switched_off'
      ? 'scheduled checks are switched off in settings'
      : view.pausedBecause === 'application_ended'
        ? 'the application has ended'
        : null;
  ctx.out.line(
    formatFields(
      [
        ['Posting', safeText(view.url)],
        ['Title', safeText(view.title)],
        ['State', watchStateLabels[view.state]],
        [
          'Followed on',
          view.ats
            ? `${view.ats.vendor} (${safeText(view.ats.board)}, job ${safeText(view.ats.jobId)})`
            : null,
        ],
        ['Closes', view.validThrough],
        ['Last checked', view.lastCheckedAt ? localDateTime(view.lastCheckedAt, zone) : 'never'],
        ['Next check', paused ? `paused: ${paused}` : localDateTime(view.nextCheckAt, zone)],
        [
          'Last error',
          view.lastError
            ? `${safeText(view.lastError.message)} (${view.lastError.code}; ${view.failures} in a row)`
            : null,
        ],
      ],
      ctx.out.color,
    ),
  );
}
