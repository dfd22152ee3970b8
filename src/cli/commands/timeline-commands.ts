import type { Command } from 'commander';
import {
  channels,
  eventCreateSchema,
  eventUpdateSchema,
  postingChanges,
  sentiments,
  userEventKinds,
} from '../../core/event.js';
import {
  dueWindows,
  followUpCreateSchema,
  followUpDoneSchema,
  followUpKinds,
  followUpListQuerySchema,
  followUpSkipSchema,
  followUpSnoozeSchema,
  followUpStatuses,
  followUpUpdateSchema,
} from '../../core/follow-up.js';
import { followUpKindLabels, followUpStatusLabels } from '../../core/labels.js';
import { readDateTime } from '../../core/local-time.js';
import { type CliContext, parseInput, resolveId, runCommand } from '../context.js';
import { choices, formatTable, localDateTime, safeText, shortId } from '../output.js';
import { describeEvent } from './application-commands.js';
import { print } from './people-commands.js';

// Loaded when a command runs, so `hearback --version` and `--help` load none of it (issue 12, item 11).
const loadEvents = () => import('../../services/events.js');
const loadFollowUps = () => import('../../services/follow-ups.js');

const eventFlags = {
  kind: '--kind',
  occurredAt: '--at',
  text: '--text',
  channel: '--channel',
  contactId: '--contact',
  subject: '--subject',
  body: '--body',
  sentiment: '--sentiment',
  summary: '--summary',
  newDecisionDate: '--decision-date',
  change: '--change',
  detail: '--detail',
};

type EventOptions = Partial<
  Record<
    | 'kind'
    | 'at'
    | 'text'
    | 'channel'
    | 'contact'
    | 'subject'
    | 'body'
    | 'sentiment'
    | 'summary'
    | 'decisionDate'
    | 'change'
    | 'detail',
    string
  >
>;

/** `hearback event …` (the timeline) and `hearback follow-ups …` (the steps to take). */
export function registerTimelineCommands(program: Command): void {
  const event = program
    .command('event')
    .description('Timeline entries: notes, messages, replies, posting changes');
  const withEventOptions = (c: Command) =>
    c
      .option('--at <when>', 'when it happened (default now)')
      .option('--text <text>', 'note text')
      .option('--channel <channel>', choices(channels))
      .option('--contact <contact>', 'who (contact id or name)')
      .option('--subject <text>', 'message subject')
      .option('--body <text>', 'message body')
      .option('--sentiment <s>', `reply: ${choices(sentiments)}`)
      .option('--summary <text>', 'reply: what they said')
      .option('--decision-date <YYYY-MM-DD>', 'reply: a new date they gave')
      .option('--change <change>', `posting: ${choices(postingChanges)}`)
      .option('--detail <text>', 'posting: detail');
  const eventFields = async (ctx: CliContext, o: EventOptions) => ({
    occurredAt: o.at === undefined ? undefined : (readDateTime(o.at, ctx.settings.timeZone) ?? o.at),
    text: o.text,
    channel: o.channel,
    contactId: o.contact ? await resolveId(ctx, 'contacts', o.contact) : undefined,
    subject: o.subject,
    body: o.body,
    sentiment: o.sentiment,
    summary: o.summary,
    newDecisionDate: o.decisionDate,
    change: o.change,
    detail: o.detail,
  });
  const defined = (value: object) =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

  withEventOptions(
    event
      .command('add <application>')
      .description('Record a note, a message you sent, a reply you got, or a posting change')
      .requiredOption('--kind <kind>', choices(userEventKinds)),
  ).action((ref: string, options: EventOptions, command: Command) =>
    runCommand(command, async (ctx) => {
      const { createEvent } = await loadEvents();
      const applicationId = await resolveId(ctx, 'applications', ref);
      const input = parseInput(
        eventCreateSchema,
        { kind: options.kind, applicationId, ...defined(await eventFields(ctx, options)) },
        eventFlags,
      );
      const created = await createEvent(ctx.deps, input);
      print(ctx, created, `Recorded: ${describeEvent(created)} (${shortId(created.id)})`);
    }),
  );
  event
    .command('list')
    .option('--application <application>', 'only this application')
    .option('--kind <kind>', 'only this kind')
    .action((options: { application?: string; kind?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const { listEvents } = await loadEvents();
        const applicationId = options.application
          ? await resolveId(ctx, 'applications', options.application)
          : undefined;
        const events = await listEvents(ctx.deps, {
          applicationId,
          kind: options.kind as never,
          limit: 1000,
        });
        if (ctx.out.isJson) return ctx.out.json(events);
        if (events.length === 0) return ctx.out.line('No events.');
        ctx.out.line(
          formatTable(
            events,
            [
              { header: 'ID', value: (e) => shortId(e.id) },
              { header: 'WHEN', value: (e) => localDateTime(e.occurredAt, ctx.settings.timeZone) },
              { header: 'APPLICATION', value: (e) => shortId(e.applicationId) },
              { header: 'WHAT', value: (e) => describeEvent(e), max: 60 },
            ],
            ctx.out.color,
          ),
        );
      }),
    );
  event.command('show <event>').action((ref: string, _o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { getEvent } = await loadEvents();
      const e = await getEvent(ctx.deps, await resolveId(ctx, 'events', ref));
      print(ctx, e, `${localDateTime(e.occurredAt, ctx.settings.timeZone)}  ${describeEvent(e)}`);
    }),
  );
  withEventOptions(event.command('edit <event>')).action(
    (ref: string, options: EventOptions, command: Command) =>
      runCommand(command, async (ctx) => {
        const { updateEvent } = await loadEvents();
        const id = await resolveId(ctx, 'events', ref);
        const input = parseInput(eventUpdateSchema, defined(await eventFields(ctx, options)), eventFlags);
        const updated = await updateEvent(ctx.deps, id, input);
        print(ctx, updated, `Updated: ${describeEvent(updated)}`);
      }),
  );
  event.command('rm <event>').action((ref: string, _o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { deleteEvent } = await loadEvents();
      const id = await resolveId(ctx, 'events', ref);
      await deleteEvent(ctx.deps, id);
      print(ctx, { deleted: id }, 'Deleted the event');
    }),
  );

  // `followups`, the first spelling, stays as an alias for scripts that use it (docs/glossary.md).
  const followups = program
    .command('follow-ups')
    .alias('followups')
    .description('Follow-up steps: list, add, done, skip, snooze, reopen');
  followups
    .command('list', { isDefault: true })
    .option('--due <window>', choices(dueWindows))
    .option('--status <status>', choices(followUpStatuses))
    .option('--application <application>', 'only this application')
    .option('--as-of <date>', 'compute "today" as of this date or instant')
    .action(
      (options: { due?: string; status?: string; application?: string; asOf?: string }, command: Command) =>
        runCommand(command, async (ctx) => {
          const { listFollowUps } = await loadFollowUps();
          const applicationId = options.application
            ? await resolveId(ctx, 'applications', options.application)
            : undefined;
          const query = parseInput(
            followUpListQuerySchema,
            { due: options.due, status: options.status, applicationId, asOf: options.asOf, limit: 1000 },
            { due: '--due', status: '--status', asOf: '--as-of' },
          );
          const steps = await listFollowUps(ctx.deps, query);
          if (ctx.out.isJson) return ctx.out.json(steps);
          if (steps.length === 0) return ctx.out.line('Nothing to follow up on here.');
          ctx.out.line(
            formatTable(
              steps,
              [
                { header: 'ID', value: (s) => shortId(s.id) },
                { header: 'DUE', value: (s) => localDateTime(s.dueAt, ctx.settings.timeZone) },
                { header: 'STEP', value: (s) => followUpKindLabels[s.kind] },
                { header: 'STATUS', value: (s) => followUpStatusLabels[s.status] },
                { header: 'APPLICATION', value: (s) => shortId(s.applicationId) },
                { header: 'WHY', value: (s) => safeText(s.reason), max: 60 },
              ],
              ctx.out.color,
            ),
          );
        }),
    );
  const stepFlags = {
    dueAt: '--due',
    channel: '--channel',
    reason: '--reason',
    kind: '--kind',
    contactId: '--contact',
  };
  const stepFields = async (ctx: CliContext, o: Record<string, string | undefined>) => ({
    dueAt: o.due === undefined ? undefined : (readDateTime(o.due, ctx.settings.timeZone) ?? o.due),
    channel: o.channel,
    reason: o.reason,
    kind: o.kind,
    contactId: o.contact ? await resolveId(ctx, 'contacts', o.contact) : undefined,
  });
  const withStepOptions = (c: Command) =>
    c
      .option('--due <when>', 'when it is due: a date (morning) or a date and time')
      .option('--kind <kind>', choices(followUpKinds))
      .option('--channel <channel>', choices(channels))
      .option('--reason <text>', 'why, in your words')
      .option('--contact <contact>', 'who to contact (contact id or name)');
  withStepOptions(followups.command('add <application>').description('Add your own follow-up step')).action(
    (ref: string, options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { createFollowUp } = await loadFollowUps();
        const applicationId = await resolveId(ctx, 'applications', ref);
        const input = parseInput(
          followUpCreateSchema,
          { applicationId, ...defined(await stepFields(ctx, options)) },
          stepFlags,
        );
        const step = await createFollowUp(ctx.deps, input);
        print(
          ctx,
          step,
          `Added a step due ${localDateTime(step.dueAt, ctx.settings.timeZone)} (${shortId(step.id)})`,
        );
      }),
  );
  withStepOptions(followups.command('edit <step>')).action((ref: string, options, command: Command) =>
    runCommand(command, async (ctx) => {
      const { updateFollowUp } = await loadFollowUps();
      const id = await resolveId(ctx, 'follow_ups', ref);
      const input = parseInput(followUpUpdateSchema, defined(await stepFields(ctx, options)), stepFlags);
      print(ctx, await updateFollowUp(ctx.deps, id, input), 'Updated the step');
    }),
  );
  followups
    .command('done <step>')
    .option('--note <text>', 'what you sent or said')
    .option('--at <when>', 'when you did it (default now)')
    .action((ref: string, options: { note?: string; at?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const { markFollowUpDone } = await loadFollowUps();
        const id = await resolveId(ctx, 'follow_ups', ref);
        const input = parseInput(
          followUpDoneSchema,
          { note: options.note, at: readWhen(options.at, ctx.settings.timeZone) },
          { at: '--at', note: '--note' },
        );
        const step = await markFollowUpDone(ctx.deps, id, input);
        print(ctx, step, `Done: ${followUpKindLabels[step.kind]}`);
      }),
    );
  followups
    .command('skip <step>')
    .option('--reason <text>', 'why')
    .option('--at <when>', 'when you decided to skip it (default now)')
    .action((ref: string, options: { reason?: string; at?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const { skipFollowUp } = await loadFollowUps();
        const id = await resolveId(ctx, 'follow_ups', ref);
        const input = parseInput(
          followUpSkipSchema,
          { reason: options.reason, at: readWhen(options.at, ctx.settings.timeZone) },
          { at: '--at', reason: '--reason' },
        );
        const step = await skipFollowUp(ctx.deps, id, input);
        print(ctx, step, `Skipped: ${followUpKindLabels[step.kind]}`);
      }),
    );
  followups
    .command('snooze <step> <until>')
    .description('Move a step to a later date (morning) or date and time')
    .option('--at <when>', 'when you snoozed it (default now)')
    .action((ref: string, until: string, options: { at?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const { snoozeFollowUp } = await loadFollowUps();
        const id = await resolveId(ctx, 'follow_ups', ref);
        const value = /^\d{4}-\d{2}-\d{2}$/.test(until)
          ? until
          : (readDateTime(until, ctx.settings.timeZone) ?? until);
        const step = await snoozeFollowUp(
          ctx.deps,
          id,
          parseInput(
            followUpSnoozeSchema,
            { until: value, at: readWhen(options.at, ctx.settings.timeZone) },
            { until: '<until>', at: '--at' },
          ),
        );
        print(ctx, step, `Snoozed until ${localDateTime(step.dueAt, ctx.settings.timeZone)}`);
      }),
    );
  followups
    .command('reopen <step>')
    .description('Open a done or skipped step again, as it was; a step timed from it is withdrawn until then')
    .action((ref: string, _options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { reopenFollowUp } = await loadFollowUps();
        const step = await reopenFollowUp(ctx.deps, await resolveId(ctx, 'follow_ups', ref));
        print(
          ctx,
          step,
          `Reopened: ${step.kind.replaceAll('_', ' ')}, due ${localDateTime(step.dueAt, ctx.settings.timeZone)}`,
        );
      }),
    );
  followups.command('rm <step>').action((ref: string, _o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { deleteFollowUp } = await loadFollowUps();
      const id = await resolveId(ctx, 'follow_ups', ref);
      await deleteFollowUp(ctx.deps, id);
      print(ctx, { deleted: id }, 'Deleted the step');
    }),
  );
}

/** A `--at` value: a date and time in the user's zone, or ISO 8601 as typed (the schema names what is wrong). */
function readWhen(value: string | undefined, timeZone: string): string | undefined {
  return value === undefined ? undefined : (readDateTime(value, timeZone) ?? value);
}
