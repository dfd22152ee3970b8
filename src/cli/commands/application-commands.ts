import fs from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { Application } from '../../core/application.js';
import { applicationSortKeys, readApplicationListQuery } from '../../core/application-list-filter.js';
import { remoteTypes, sourceKinds } from '../../core/application-values.js';
import { AppError } from '../../core/errors.js';
import type { TimelineEvent } from '../../core/event.js';
import {
  followUpKindLabels,
  followUpStatusLabels,
  remoteLabels,
  roundLabels,
  sourceLabels,
} from '../../core/labels.js';
import {
  activeStages,
  closedReasons,
  describeStage,
  outcomes,
  stageLabels,
  stages,
} from '../../core/pipeline-values.js';
import {
  type CliContext,
  inCliTransaction,
  parseInput,
  resolveId,
  resolveOrCreateCompany,
  runCommand,
  withFlagNames,
} from '../context.js';
import { choices, formatFields, formatTable, localDateTime, localDay, safeText, shortId } from '../output.js';
import { ask, canPrompt, confirm } from '../prompts.js';

// Loaded when a command runs, so `hearback --version` and `--help` load none of it, and `list` not the
// schemas of the changes (issue 12, item 11).
const loadSchemas = () => import('../../core/application.js');
const loadListQuery = () => import('../../core/application-list-query.js');
const loadApplications = () => import('../../services/applications.js');
const loadEvents = () => import('../../services/events.js');
const loadFollowUps = () => import('../../services/follow-ups.js');
const loadInterviews = () => import('../../services/interviews.js');
const loadPostings = () => import('../../services/postings.js');

const moveFlags = { outcome: '--outcome', closedReason: '--reason', note: '--note', occurredAt: '--at' };

const applicationFlags = {
  companyName: '--company',
  companyId: '--company',
  jobTitle: '--title',
  postingUrl: '--url',
  stage: '--stage',
  stageAt: '--at',
  priority: '--priority',
  tags: '--tag',
  notes: '--notes',
  source: '--source',
};

type ApplicationOptions = {
  company?: string;
  title?: string;
  url?: string;
  stage?: string;
  at?: string;
  priority?: string;
  tag?: string[];
  notes?: string;
  source?: string;
  sourceDetail?: string;
  location?: string;
  remote?: string;
  description?: string;
  force?: boolean;
  fromUrl?: string;
  fromPage?: string;
};

export function registerApplicationCommands(program: Command): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const withApplicationOptions = (command: Command) =>
    command
      .option('-c, --company <name>', 'company name (created if new)')
      .option('-t, --title <title>', 'job title')
      .option('-u, --url <url>', 'posting URL')
      .option('--priority <1-5>', 'how much you want it, 1 to 5')
      .option('--tag <tag>', 'a tag (repeat for several)', collect)
      .option('--notes <text>', 'notes')
      .option('--source <kind>', choices(sourceKinds))
      .option('--source-detail <text>', 'where exactly, e.g. "LinkedIn" or who referred you')
      .option('--location <text>', 'where the job is')
      .option('--remote <type>', choices(remoteTypes))
      .option('--description <text>', 'the posting text');

  withApplicationOptions(
    program
      .command('add')
      .description('Track a new application (asks for what is missing when run in a terminal)')
      .option('-s, --stage <stage>', choices(activeStages), 'applied')
      .option('--at <date-time>', 'when it reached that stage (ISO 8601), default now')
      .option('-f, --force', 'add even if it looks like a duplicate')
      .option(
        '--from-url <url>',
        'read the posting from this URL (JSON-LD, Greenhouse, Lever, Ashby, or the page text)',
      )
      .option('--from-page <file>', 'read the posting from a saved page (HTML) or text file'),
  ).action((options: ApplicationOptions, command: Command) =>
    runCommand(command, async (ctx) => {
      const { createApplication } = await loadApplications();
      if (options.fromUrl || options.fromPage) return addFromPosting(ctx, options);
      const { applicationCreateSchema } = await loadSchemas();
      if (canPrompt() && !ctx.out.isJson) {
        options.company ??= await ask('Company');
        options.title ??= await ask('Job title');
        options.url ??= await ask('Posting URL (optional)');
      }
      const input = parseInput(
        applicationCreateSchema,
        { ...toFields(options), companyName: options.company, allowDuplicate: options.force || undefined },
        applicationFlags,
      );
      const application = await createApplication(ctx.deps, input);
      if (ctx.out.isJson) return ctx.out.json(application);
      ctx.out.line(`Added ${nameOf(application)}  ${pc.dim(`(${shortId(application.id)})`)}`);
    }),
  );

  program
    .command('list')
    .alias('ls')
    .description('List applications')
    .option('-s, --stage <stages>', 'only these stages, comma-separated')
    .option('--outcome <outcome>', 'only ended with this outcome')
    .option('--company <company>', 'only this company (id or name)')
    .option('--tag <tag>', 'only with this tag')
    .option('-q, --search <text>', 'search title, company, notes and tags')
    .option('--sort <key>', choices(applicationSortKeys), 'createdAt')
    .option('--order <order>', 'asc | desc', 'desc')
    .option('-n, --limit <n>', 'how many', '50')
    .option('--all', 'every page')
    .action((options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { listApplications } = await loadApplications();
        const companyId = options.company ? await resolveId(ctx, 'companies', options.company) : undefined;
        const query = {
          stage: options.stage,
          outcome: options.outcome,
          companyId,
          tag: options.tag,
          q: options.search,
          sort: options.sort,
          order: options.order,
          limit: options.limit,
        };
        // Valid options are read without zod; anything else goes to the schema, which names the problem.
        const filter =
          readApplicationListQuery(query) ??
          parseInput((await loadListQuery()).applicationListQuerySchema, query, {
            stage: '--stage',
            q: '--search',
            limit: '--limit',
            sort: '--sort',
            order: '--order',
          });
        const items: Application[] = [];
        let cursor: string | undefined;
        do {
          const page = await listApplications(ctx.deps, { ...filter, cursor });
          items.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (options.all && cursor);
        if (ctx.out.isJson) return ctx.out.json(items);
        if (items.length === 0) return ctx.out.line('No applications match. Add one with: hearback add');
        ctx.out.line(
          formatTable(
            items,
            [
              { header: 'ID', value: (a) => shortId(a.id) },
              { header: 'COMPANY', value: (a) => a.company.name, max: 24 },
              { header: 'TITLE', value: (a) => a.jobTitle, max: 36 },
              {
                header: 'STAGE',
                value: (a) =>
                  describeStage({ toStage: a.stage, outcome: a.outcome, closedReason: a.closedReason }),
              },
              { header: 'APPLIED', value: (a) => localDay(a.appliedAt, ctx.settings.timeZone) },
              { header: 'TAGS', value: (a) => a.tags.join(', '), max: 24 },
            ],
            ctx.out.color,
          ),
        );
        if (!options.all && cursor) ctx.out.line(pc.dim('More results: use --all or a larger --limit'));
      }),
    );

  program
    .command('show <application>')
    .description('Show an application with its timeline, interviews and follow-up steps')
    .action((ref: string, _options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { getApplication, getTimeline } = await loadApplications();
        const { listInterviews } = await loadInterviews();
        const { listFollowUps } = await loadFollowUps();
        const id = await resolveId(ctx, 'applications', ref);
        const application = await getApplication(ctx.deps, id);
        const timeline = await getTimeline(ctx.deps, id);
        const interviews = await listInterviews(ctx.deps, { applicationId: id });
        const steps = await listFollowUps(ctx.deps, {
          applicationId: id,
          limit: 200,
        });
        if (ctx.out.isJson) return ctx.out.json({ application, timeline, interviews, followUps: steps });
        printApplication(ctx, application, timeline);
        if (interviews.length > 0) {
          ctx.out.line(`\n${heading(ctx, 'Interviews')}`);
          for (const i of interviews) {
            // On the user's clock like every other time; the interview's own zone after, when it differs.
            const own =
              i.timeZone === ctx.settings.timeZone
                ? ''
                : ` (${localDateTime(i.startsAt, i.timeZone).slice(11)} ${i.timeZone})`;
            ctx.out.line(
              `  ${localDateTime(i.startsAt, ctx.settings.timeZone)}${own}  ${roundLabels[i.round]}  (${shortId(i.id)})`,
            );
          }
        }
        if (steps.length > 0) {
          ctx.out.line(`\n${heading(ctx, 'Follow-ups')}`);
          for (const s of steps) {
            ctx.out.line(
              `  ${localDay(s.dueAt, ctx.settings.timeZone)}  ${followUpKindLabels[s.kind]}  ${followUpStatusLabels[s.status]}  ${safeText(s.reason)}  (${shortId(s.id)})`,
            );
          }
        }
      }),
    );

  withApplicationOptions(program.command('edit <application>').description('Change an application')).action(
    (ref: string, options: ApplicationOptions, command: Command) =>
      runCommand(command, async (ctx) => {
        const { updateApplication } = await loadApplications();
        const { applicationUpdateSchema } = await loadSchemas();
        const id = await resolveId(ctx, 'applications', ref);
        const { stage: _stage, stageAt: _stageAt, ...fields } = toFields(options);
        // A new company named with --company is added with the change, or not at all.
        const application = await inCliTransaction(ctx, async (txCtx) => {
          const companyId = options.company
            ? await resolveOrCreateCompany(txCtx, options.company)
            : undefined;
          const input = parseInput(applicationUpdateSchema, { ...fields, companyId }, applicationFlags);
          return updateApplication(txCtx.deps, id, input);
        });
        if (ctx.out.isJson) return ctx.out.json(application);
        ctx.out.line(`Updated ${nameOf(application)}`);
      }),
  );

  program
    .command('rm <application>')
    .description('Delete an application and everything on it')
    .option('-y, --yes', 'do not ask')
    .action((ref: string, options: { yes?: boolean }, command: Command) =>
      runCommand(command, async (ctx) => {
        const { getApplication, deleteApplication } = await loadApplications();
        const id = await resolveId(ctx, 'applications', ref);
        const application = await getApplication(ctx.deps, id);
        if (
          !options.yes &&
          canPrompt() &&
          !(await confirm(`Delete ${nameOf(application)} and its history?`))
        ) {
          return ctx.out.line('Nothing deleted.');
        }
        await deleteApplication(ctx.deps, id);
        if (ctx.out.isJson) return ctx.out.json({ deleted: id });
        ctx.out.line(`Deleted ${nameOf(application)}`);
      }),
    );

  program
    .command('move <application> [stage]')
    .description(
      `Move an application to a stage (${stages.join(', ')}), or take its latest move back with --undo`,
    )
    .option('-o, --outcome <outcome>', `when ending: ${choices(outcomes)}`)
    .option('-r, --reason <reason>', `when position_closed: ${choices(closedReasons)}`)
    .option('--note <text>', 'a note kept with the change')
    .option('--at <date-time>', 'when it happened (ISO 8601), default now')
    .option(
      '--undo',
      'take back the latest move, as the web app’s Undo does: it leaves the history and the stage goes back',
    )
    .action((ref: string, stage: string | undefined, options, command: Command) =>
      runCommand(command, async (ctx) => {
        if (options.undo) return undoLatestMove(ctx, ref, stage, options);
        if (stage === undefined) {
          throw new AppError(
            'VALIDATION_FAILED',
            `stage: say where to move it (${stages.join(', ')}), or --undo to take the latest move back`,
            { issues: [{ field: 'stage', message: 'is required, unless --undo' }] },
          );
        }
        const { moveApplication } = await loadApplications();
        const { stageChangeInputSchema } = await loadSchemas();
        const id = await resolveId(ctx, 'applications', ref);
        const input = parseInput(
          stageChangeInputSchema,
          {
            stage,
            outcome: options.outcome,
            closedReason: options.reason,
            note: options.note,
            occurredAt: options.at,
          },
          moveFlags,
        );
        const application = await moveApplication(ctx.deps, id, input).catch((error: unknown) => {
          throw withFlagNames(error, moveFlags);
        });
        if (ctx.out.isJson) return ctx.out.json(application);
        ctx.out.line(
          `${nameOf(application)}: now ${describeStage({ toStage: application.stage, outcome: application.outcome, closedReason: application.closedReason })} (furthest: ${stageLabels[application.furthestStage].toLowerCase()})`,
        );
      }),
    );

  program
    .command('note <application> <text>')
    .description('Add a note to an application’s timeline')
    .action((ref: string, text: string, _options, command: Command) =>
      runCommand(command, async (ctx) => {
        const applicationId = await resolveId(ctx, 'applications', ref);
        const { createEvent } = await loadEvents();
        const event = await createEvent(ctx.deps, { kind: 'note', applicationId, text });
        if (ctx.out.isJson) return ctx.out.json(event);
        ctx.out.line(`Noted (${shortId(event.id)})`);
      }),
    );
}

/** `hearback move <application> --undo`: the latest move taken back; nothing else may come with it. */
async function undoLatestMove(
  ctx: CliContext,
  ref: string,
  stage: string | undefined,
  options: { outcome?: string; reason?: string; note?: string; at?: string },
): Promise<void> {
  const extra = [
    stage === undefined ? null : `the stage (${stage})`,
    ...(['outcome', 'reason', 'note', 'at'] as const).map((key) =>
      options[key] === undefined ? null : `--${key}`,
    ),
  ].filter((part) => part !== null);
  if (extra.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `--undo takes back the latest move as it was made: leave out ${extra.join(', ')}`,
      { issues: [{ field: '--undo', message: `comes alone, without ${extra.join(', ')}` }] },
    );
  }
  const { getApplication, undoLatestMove: undo } = await loadApplications();
  const id = await resolveId(ctx, 'applications', ref);
  const before = await getApplication(ctx.deps, id);
  const application = await undo(ctx.deps, id);
  if (ctx.out.isJson) return ctx.out.json(application);
  ctx.out.line(
    `${nameOf(application)}: took back the move to ${describeStage({ toStage: before.stage, outcome: before.outcome, closedReason: before.closedReason })}; now ${describeStage({ toStage: application.stage, outcome: application.outcome, closedReason: application.closedReason })}`,
  );
}

/** `hearback add --from-url`: read the posting, ask for what it did not say, then add it. */
async function addFromPosting(ctx: CliContext, options: ApplicationOptions): Promise<void> {
  const page = options.fromPage ? fs.readFileSync(options.fromPage, 'utf8') : undefined;
  const { previewPosting, addApplicationFromPosting } = await loadPostings();
  const { extract, duplicates } = await previewPosting(ctx.deps, {
    url: options.fromUrl,
    page,
  });
  if (!ctx.out.isJson) {
    for (const warning of extract.warnings) ctx.out.error(pc.dim(`note: ${warning}`));
  }
  if (canPrompt() && !ctx.out.isJson) {
    options.company ??= extract.companyName ?? (await ask('Company (the posting does not say)'));
    options.title ??= extract.jobTitle ?? (await ask('Job title (the posting does not say)'));
  }
  if (duplicates.length > 0 && !options.force && !ctx.out.isJson && canPrompt()) {
    const first = duplicates[0]!;
    if (
      !(await confirm(
        `You already track "${safeText(first.jobTitle)}" at ${safeText(first.companyName)}. Add it anyway?`,
      ))
    ) {
      return ctx.out.line('Nothing added.');
    }
    options.force = true;
  }
  const { stage, stageAt, tags, notes, priority } = toFields(options);
  const overrides = Object.fromEntries(
    Object.entries({
      companyName: options.company,
      jobTitle: options.title,
      stage,
      stageAt,
      tags,
      notes,
      priority,
      allowDuplicate: options.force || undefined,
    }).filter(([, v]) => v !== undefined),
  );
  const { application } = await addApplicationFromPosting(ctx.deps, { extract, overrides }).catch(
    (error: unknown) => {
      throw withFlagNames(error, { companyName: '--company', jobTitle: '--title' });
    },
  );
  if (ctx.out.isJson) return ctx.out.json({ application, extract });
  ctx.out.line(
    `Added ${nameOf(application)} from ${extract.source}${extract.status === 'partial' ? ' (partly read: check it)' : ''}  ${pc.dim(`(${shortId(application.id)})`)}`,
  );
}

function toFields(o: ApplicationOptions) {
  const posting =
    o.location !== undefined || o.remote !== undefined || o.description !== undefined
      ? { location: o.location, remoteType: o.remote, descriptionText: o.description }
      : undefined;
  return {
    jobTitle: o.title,
    postingUrl: o.url || undefined,
    stage: o.stage,
    stageAt: o.at,
    priority: o.priority === undefined ? undefined : Number(o.priority),
    tags: o.tag,
    notes: o.notes,
    source: o.source ? { kind: o.source, detail: o.sourceDetail } : undefined,
    posting,
  };
}

function nameOf(a: Application): string {
  return `"${safeText(a.jobTitle)}" at ${safeText(a.company.name)}`;
}

function heading(ctx: CliContext, text: string): string {
  return ctx.out.color ? pc.bold(text) : text;
}

function printApplication(ctx: CliContext, a: Application, timeline: readonly TimelineEvent[]): void {
  const tz = ctx.settings.timeZone;
  const salary =
    a.posting.salaryMin !== null || a.posting.salaryMax !== null
      ? `${a.posting.salaryMin ?? '?'}–${a.posting.salaryMax ?? '?'} ${a.posting.salaryCurrency ?? ''} ${a.posting.salaryPeriod ? `per ${a.posting.salaryPeriod}` : ''}`.trim()
      : null;
  ctx.out.line(heading(ctx, `${safeText(a.jobTitle)} — ${safeText(a.company.name)}`));
  ctx.out.line(
    formatFields(
      [
        ['id', a.id],
        ['stage', describeStage({ toStage: a.stage, outcome: a.outcome, closedReason: a.closedReason })],
        ['furthest', stageLabels[a.furthestStage]],
        ['applied', localDateTime(a.appliedAt, tz)],
        ['url', a.postingUrl],
        ['location', a.posting.location && safeText(a.posting.location)],
        ['remote', a.posting.remoteType && remoteLabels[a.posting.remoteType]],
        ['salary', salary],
        [
          'source',
          `${sourceLabels[a.source.kind]}${a.source.detail ? ` (${safeText(a.source.detail)})` : ''}`,
        ],
        ['priority', String(a.priority)],
        ['tags', a.tags.map(safeText).join(', ')],
        ['notes', safeText(a.notes)],
      ],
      ctx.out.color,
    ),
  );
  ctx.out.line(`\n${heading(ctx, 'Timeline')}`);
  for (const e of timeline) ctx.out.line(`  ${localDateTime(e.occurredAt, tz)}  ${describeEvent(e)}`);
}

export function describeEvent(e: TimelineEvent): string {
  switch (e.kind) {
    case 'stage_change':
      return `${e.fromStage ? `${e.fromStage} → ` : ''}${describeStage(e)}${e.note ? ` — ${safeText(e.note)}` : ''}`;
    case 'interview':
      return `interview (${shortId(e.interviewId)})`;
    case 'message_sent':
      return `sent ${e.channel}${e.subject ? `: ${safeText(e.subject)}` : ''}`;
    case 'reply_received':
      return `reply (${e.sentiment})${e.summary ? `: ${safeText(e.summary)}` : ''}${e.newDecisionDate ? ` — new date ${e.newDecisionDate}` : ''}`;
    case 'note':
      return `note: ${safeText(e.text)}`;
    case 'posting_change':
      return `posting ${e.change}${e.detail ? `: ${safeText(e.detail)}` : ''}`;
  }
}
