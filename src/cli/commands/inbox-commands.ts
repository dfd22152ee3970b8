import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import type { InboxStatus, InboxSyncReport } from '../../core/inbox-account.js';
import type { InboxMessageView } from '../../core/inbox-review.js';
import { type CliContext, resolveId, runCommand } from '../context.js';
import { formatFields, formatTable, localDateTime, safeText, shortId } from '../output.js';
import { ask, canPrompt } from '../prompts.js';
import { print } from './people-commands.js';

// Loaded when a command runs, so `hearback --help` loads none of it (issue 12, item 11).
const loadInbox = () => import('../../services/inbox.js');

/** `hearback inbox …`: replies read from your mailbox (docs/inbox.md). */
export function registerInboxCommands(program: Command): void {
  const inbox = program
    .command('inbox')
    .description('Read employers’ replies from your mailbox (IMAP, read-only) onto the timeline');

  inbox
    .command('connect')
    .description('Connect your mailbox; asks for the server, user and app password unless --url is given')
    .option(
      '--url <imap-url>',
      'imaps://user:app-password@imap.example.com:993 (imap:// only to a loopback host)',
    )
    .option('--folder <name...>', 'folders to read (default INBOX)')
    .option('--days <n>', 'how far back the first sync reads (default 60)')
    .action((options: { url?: string; folder?: string[]; days?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const url = options.url ?? (await promptForUrl());
        const { connectInbox } = await loadInbox();
        const status = await connectInbox(ctx.deps, {
          imapUrl: url,
          ...(options.folder && { folders: options.folder }),
          ...(options.days !== undefined && { windowDays: Number(options.days) }),
        });
        print(ctx, status, `Connected as ${status.account}. Run \`hearback inbox sync\` to read new mail.`);
      }),
    );

  inbox
    .command('status')
    .description('Whether a mailbox is connected, the last sync, and how many messages wait for review')
    .action((_options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { getInboxStatus } = await loadInbox();
        showStatus(ctx, await getInboxStatus(ctx.deps));
      }),
    );

  inbox
    .command('sync')
    .description('Read new mail once: fetched, matched, queued for review, ignored')
    .action((_options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { syncInbox } = await loadInbox();
        const report = await syncInbox(ctx.deps);
        print(ctx, report, describeReport(report));
        if (report.failed.length > 0) process.exitCode = 1;
      }),
    );

  inbox
    .command('review')
    .description('The messages waiting for you to confirm, correct or ignore')
    .action((_options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { listReviewQueue } = await loadInbox();
        const items = await listReviewQueue(ctx.deps);
        if (ctx.out.isJson) return ctx.out.json({ items });
        if (items.length === 0) return ctx.out.line('Nothing waits for review.');
        ctx.out.line(
          formatTable<InboxMessageView>(
            items,
            [
              { header: 'ID', value: (m) => shortId(m.id) },
              { header: 'RECEIVED', value: (m) => localDateTime(m.receivedAt, ctx.settings.timeZone) },
              { header: 'FROM', value: (m) => safeText(m.from), max: 30 },
              { header: 'SUBJECT', value: (m) => safeText(m.subject), max: 40 },
              { header: 'KIND', value: (m) => m.kind },
              { header: 'WHY', value: (m) => safeText(m.reason ?? ''), max: 50 },
            ],
            ctx.out.color,
          ),
        );
        ctx.out.line(
          '\n`hearback inbox confirm <id> [--application <ref>] [--kind <kind>]` or `hearback inbox ignore <id>`',
        );
      }),
    );

  inbox
    .command('confirm <id>')
    .description('Apply a queued message to an application (the suggested one, or --application)')
    .option('--application <ref>', 'the application it is about')
    .option(
      '--kind <kind>',
      'rejection, interview_invitation, availability_request, offer, acknowledgement or other_reply',
    )
    .action((ref: string, options: { application?: string; kind?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const { confirmReviewItem } = await loadInbox();
        const { inboxReviewInputSchema } = await import('../../core/inbox-review.js');
        const { parseInput } = await import('../context.js');
        const input = parseInput(
          inboxReviewInputSchema,
          {
            ...(options.application && {
              applicationId: await resolveId(ctx, 'applications', options.application),
            }),
            ...(options.kind && { kind: options.kind }),
          },
          { applicationId: '--application', kind: '--kind' },
        );
        const applied = await confirmReviewItem(ctx.deps, await reviewIdOf(ctx, ref), input);
        print(
          ctx,
          applied,
          `Applied: "${safeText(applied.subject)}" is on the timeline.${
            applied.bodyNotFetched
              ? ` Its full text could not be fetched (${safeText(applied.bodyNotFetched)}); the excerpt is kept.`
              : ' Its full text is kept with it.'
          }`,
        );
      }),
    );

  inbox
    .command('ignore <id>')
    .description('Ignore a queued message: it is deleted and leaves no trace')
    .action((ref: string, _options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { ignoreReviewItem } = await loadInbox();
        await ignoreReviewItem(ctx.deps, await reviewIdOf(ctx, ref));
        print(ctx, { ignored: true }, 'Ignored.');
      }),
    );

  inbox
    .command('forget')
    .description('Forget the mailbox: its password, its folder positions and every message kept from it')
    .action((_options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { forgetInbox } = await loadInbox();
        print(
          ctx,
          await forgetInbox(ctx.deps),
          'Forgotten: no mailbox is connected, and nothing read from it is kept.',
        );
      }),
    );
}

/** A queued message by its id or the short id the review list shows. */
async function reviewIdOf(ctx: CliContext, ref: string): Promise<string> {
  const { listReviewQueue } = await loadInbox();
  const wanted = ref.toLowerCase();
  const found = (await listReviewQueue(ctx.deps)).filter(
    (m) => m.id.toLowerCase() === wanted || m.id.toLowerCase().endsWith(wanted),
  );
  if (found.length === 1) return found[0]!.id;
  if (found.length > 1)
    throw new AppError(
      'AMBIGUOUS_ID',
      `"${ref}" matches ${found.length} queued messages; type more characters`,
    );
  throw new AppError('INBOX_MESSAGE_NOT_FOUND', `No message "${ref}" waits for review`, { id: ref });
}

export function showStatus(ctx: CliContext, status: InboxStatus) {
  if (ctx.out.isJson) return ctx.out.json(status);
  if (!status.connected)
    return ctx.out.line('No mailbox is connected. `hearback inbox connect` connects one.');
  const zone = ctx.settings.timeZone;
  ctx.out.line(
    formatFields(
      [
        ['Connected as', status.account],
        ['Folders', status.folders.join(', ')],
        ['Last sync', status.lastSyncAt ? localDateTime(status.lastSyncAt, zone) : 'never'],
        ['Last error', status.lastSyncError],
        ['To review', String(status.reviewCount)],
      ],
      ctx.out.color,
    ),
  );
}

export function describeReport(report: InboxSyncReport): string {
  const lines = [
    `Fetched ${report.fetched}: ${report.matched} on the timeline, ${report.queued} queued for review, ${report.ignored} ignored.`,
  ];
  for (const f of report.failed)
    lines.push(`  ${f.folder}${f.uid === null ? '' : ` #${f.uid}`}: ${f.message}`);
  return lines.join('\n');
}

/** Asks for the server, user and app password; the password is not echoed. */
async function promptForUrl(): Promise<string> {
  if (!canPrompt()) {
    throw new AppError(
      'VALIDATION_FAILED',
      '--url: give the mailbox as --url imaps://user:app-password@host:993',
      {
        issues: [{ field: '--url', message: 'give the mailbox as imaps://user:app-password@host:993' }],
      },
    );
  }
  const host = await ask('IMAP server (e.g. imap.gmail.com)');
  const port = await ask('Port', '993');
  const user = await ask('User (usually your email address)');
  const password = await askHidden('App password (or OAuth access token)');
  if (!host || !user || !password) {
    throw new AppError('VALIDATION_FAILED', 'imapUrl: the server, the user and the password are all needed', {
      issues: [{ field: 'imapUrl', message: 'the server, the user and the password are all needed' }],
    });
  }
  const scheme = host === '127.0.0.1' || host === 'localhost' ? 'imap' : 'imaps';
  return `${scheme}://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}`;
}

async function askHidden(question: string): Promise<string | undefined> {
  const readline = await import('node:readline/promises');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput(text: string): void };
  let asked = false;
  const write = muted._writeToOutput.bind(rl);
  muted._writeToOutput = (text: string) => {
    if (!asked) write(text);
  };
  try {
    const answer = rl.question(`${question}: `);
    asked = true;
    const value = (await answer).trim();
    process.stdout.write('\n');
    return value || undefined;
  } finally {
    rl.close();
  }
}
