import fs from 'node:fs';
import type { Command } from 'commander';
import { fieldError, isAppError } from '../../core/errors.js';
import { interviewCreateSchema, interviewRounds, interviewUpdateSchema } from '../../core/interview.js';
import { interviewTitle, roundLabels } from '../../core/labels.js';
import { readDateTime } from '../../core/local-time.js';
import { type CliContext, parseInput, resolveId, runCommand } from '../context.js';
import { choices, formatFields, formatTable, localDateTime, safeText, shortId } from '../output.js';
import { print } from './people-commands.js';

// Loaded when a command runs, so `hearback --version` and `--help` load none of it (issue 12, item 11).
const loadApplications = () => import('../../services/applications.js');
const loadContacts = () => import('../../services/contacts.js');
const loadIcsImport = () => import('../../services/ics-import.js');
const loadDeps = () => import('../../services/deps.js');
const loadInterviews = () => import('../../services/interviews.js');

const interviewFlags = {
  startsAt: '--start',
  endsAt: '--end',
  timeZone: '--tz',
  round: '--round',
  interviewerIds: '--with',
  decisionDate: '--decision-date',
  location: '--location',
  videoLink: '--link',
  notes: '--notes',
  topics: '--topics',
  selfRating: '--rating',
};

type InterviewOptions = {
  start?: string;
  end?: string;
  duration?: string;
  tz?: string;
  round?: string;
  with?: string[];
  decisionDate?: string;
  location?: string;
  link?: string;
  notes?: string;
  topics?: string;
  rating?: string;
};

export function registerInterviewCommands(program: Command): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const interview = program.command('interview').description('Interviews: log, list, change');
  const withOptions = (c: Command) =>
    c
      .option('--start <when>', 'start: "2026-03-05 14:00" in --tz, or ISO 8601 with offset')
      .option('--end <when>', 'end (or use --duration)')
      .option('--duration <minutes>', 'length in minutes', undefined)
      .option('--tz <zone>', 'IANA time zone it was scheduled in (default: yours)')
      .option('--round <round>', choices(interviewRounds))
      .option(
        '--with <interviewer>',
        'an interviewer: contact id, or a name (added as a contact if new); repeat',
        collect,
      )
      .option('--decision-date <YYYY-MM-DD>', 'when they said they would decide')
      .option('--location <place>', 'where')
      .option('--link <url>', 'video link')
      .option('--notes <text>', 'notes')
      .option('--topics <text>', 'what you discussed (thank-you notes cite it)')
      .option('--rating <1-5>', 'how you think it went');

  withOptions(
    interview.command('add <application>').alias('log').description('Log an interview on an application'),
  ).action((ref: string, options: InterviewOptions, command: Command) =>
    runCommand(command, async (ctx) => {
      const { getApplication } = await loadApplications();
      const { inTransaction } = await loadDeps();
      const { createInterview } = await loadInterviews();
      const applicationId = await resolveId(ctx, 'applications', ref);
      const application = await getApplication(ctx.deps, applicationId);
      // New interviewers named on the command line are created with the interview, or not at all; the one
      // transaction helper also replaces the data version, so a server on the same data sees the change.
      const created = await inTransaction(ctx.deps, async (tx) => {
        const txCtx = { ...ctx, deps: tx };
        const fields = await interviewFields(txCtx, options, application.company.id);
        const input = parseInput(
          interviewCreateSchema,
          { applicationId, ...fields, round: fields.round ?? 'other' },
          interviewFlags,
        );
        return createInterview(txCtx.deps, input);
      });
      print(
        ctx,
        created,
        `Logged an interview (${roundLabels[created.round]}) on ${localDateTime(created.startsAt, created.timeZone)} ${created.timeZone} (${shortId(created.id)})`,
      );
    }),
  );

  interview
    .command('list')
    .option('--application <application>', 'only this application')
    .action((options: { application?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const { listInterviews } = await loadInterviews();
        const applicationId = options.application
          ? await resolveId(ctx, 'applications', options.application)
          : undefined;
        const interviews = await listInterviews(ctx.deps, { applicationId });
        if (ctx.out.isJson) return ctx.out.json(interviews);
        if (interviews.length === 0)
          return ctx.out.line(
            'No interviews yet. Log one with: hearback interview add <application> --start …',
          );
        ctx.out.line(
          formatTable(
            interviews,
            [
              { header: 'ID', value: (i) => shortId(i.id) },
              { header: 'WHEN', value: (i) => `${localDateTime(i.startsAt, i.timeZone)} ${i.timeZone}` },
              { header: 'ROUND', value: (i) => roundLabels[i.round] },
              { header: 'APPLICATION', value: (i) => shortId(i.applicationId) },
              { header: 'DECISION BY', value: (i) => i.decisionDate ?? '' },
            ],
            ctx.out.color,
          ),
        );
      }),
    );

  interview.command('show <interview>').action((ref: string, _o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { getInterview } = await loadInterviews();
      const i = await getInterview(ctx.deps, await resolveId(ctx, 'interviews', ref));
      print(
        ctx,
        i,
        formatFields(
          [
            ['id', i.id],
            ['round', roundLabels[i.round]],
            ['starts', `${localDateTime(i.startsAt, i.timeZone)} ${i.timeZone}`],
            ['ends', `${localDateTime(i.endsAt, i.timeZone)} ${i.timeZone}`],
            ['location', i.location && safeText(i.location)],
            ['link', i.videoLink],
            ['interviewers', i.interviewerIds.map(shortId).join(', ')],
            ['decision by', i.decisionDate],
            ['topics', safeText(i.topics)],
            ['notes', safeText(i.notes)],
            ['rating', i.selfRating === null ? null : String(i.selfRating)],
          ],
          ctx.out.color,
        ),
      );
    }),
  );

  withOptions(
    interview.command('edit <interview>').description('Change an interview, or add notes after it'),
  ).action((ref: string, options: InterviewOptions, command: Command) =>
    runCommand(command, async (ctx) => {
      const { getInterview, updateInterview } = await loadInterviews();
      const { getApplication } = await loadApplications();
      const id = await resolveId(ctx, 'interviews', ref);
      const current = await getInterview(ctx.deps, id);
      const application = await getApplication(ctx.deps, current.applicationId);
      const fields = await interviewFields(
        ctx,
        { tz: current.timeZone, ...options },
        application.company.id,
        current,
      );
      const updated = await updateInterview(
        ctx.deps,
        id,
        parseInput(interviewUpdateSchema, fields, interviewFlags),
      );
      print(ctx, updated, 'Updated the interview');
    }),
  );

  interview
    .command('import <file>')
    .description('Import an interview invitation (.ics from Google, Outlook or a scheduling tool)')
    .option('--application <application>', 'the application it belongs to (default: matched by company)')
    .option('--event <n>', 'which event of a file with several (0 is the first)')
    .option('--dry-run', 'show what would happen, change nothing')
    .action(
      (file: string, options: { application?: string; event?: string; dryRun?: boolean }, command: Command) =>
        runCommand(command, async (ctx) => {
          const { previewInvitationImport, importInvitation } = await loadIcsImport();
          const ics = fs.readFileSync(file, 'utf8');
          const importOptions = {
            ...(options.application && {
              applicationId: await resolveId(ctx, 'applications', options.application),
            }),
            ...(options.event !== undefined && { eventIndex: Number(options.event) }),
          };
          if (options.dryRun) {
            const preview = await previewInvitationImport(ctx.deps, ics, importOptions);
            if (ctx.out.isJson) return ctx.out.json(preview);
            const where = preview.application
              ? `"${safeText(preview.application.jobTitle)}" at ${safeText(preview.application.companyName)}`
              : 'no application (choose one with --application)';
            ctx.out.line(
              `${safeText(preview.invitation.summary ?? 'Interview')} on ${localDateTime(preview.invitation.startsAt, preview.invitation.timeZone)} ${preview.invitation.timeZone} → ${where}`,
            );
            for (const warning of preview.warnings) ctx.out.line(`  note: ${safeText(warning)}`);
            return;
          }
          const result = await importInvitation(ctx.deps, ics, importOptions);
          print(
            ctx,
            result,
            `${result.created ? 'Imported' : 'Already imported'}: ${interviewTitle(result.interview.round)} on ${localDateTime(result.interview.startsAt, result.interview.timeZone)} ${result.interview.timeZone} (${shortId(result.interview.id)}), ${result.createdContacts.length} new contact(s)`,
          );
        }),
    );

  interview.command('rm <interview>').action((ref: string, _o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { deleteInterview } = await loadInterviews();
      const id = await resolveId(ctx, 'interviews', ref);
      await deleteInterview(ctx.deps, id);
      print(ctx, { deleted: id }, 'Deleted the interview');
    }),
  );
}

async function interviewFields(
  ctx: CliContext,
  o: InterviewOptions,
  companyId: string,
  current?: { startsAt: string; endsAt: string },
) {
  const timeZone = o.tz ?? ctx.settings.timeZone;
  const startsAt = o.start === undefined ? undefined : readWhen(o.start, timeZone, '--start');
  let endsAt = o.end === undefined ? undefined : readWhen(o.end, timeZone, '--end');
  const minutes =
    o.duration === undefined
      ? o.end === undefined && o.start !== undefined && !current
        ? 60
        : undefined
      : Number(o.duration);
  if (endsAt === undefined && minutes !== undefined) {
    if (!Number.isFinite(minutes) || minutes <= 0)
      throw fieldError('--duration', 'must be a number of minutes');
    const base = startsAt ?? current?.startsAt;
    if (base) endsAt = new Date(Date.parse(base) + minutes * 60_000).toISOString();
  }
  return {
    startsAt,
    endsAt,
    timeZone: o.tz ?? (current ? undefined : timeZone),
    round: o.round,
    interviewerIds: o.with ? await resolveInterviewers(ctx, o.with, companyId) : undefined,
    decisionDate: o.decisionDate,
    location: o.location,
    videoLink: o.link,
    notes: o.notes,
    topics: o.topics,
    selfRating: o.rating === undefined ? undefined : Number(o.rating),
  };
}

function readWhen(text: string, timeZone: string, flag: string): string {
  const value = readDateTime(text, timeZone);
  if (!value)
    throw fieldError(flag, 'must be a date and time such as "2026-03-05 14:00" or 2026-03-05T14:00:00+01:00');
  return value;
}

/** Interviewers by id, id tail or name: a name we do not know becomes a new interviewer contact at the company. */
async function resolveInterviewers(
  ctx: CliContext,
  refs: readonly string[],
  companyId: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of refs) {
    try {
      ids.push(await resolveId(ctx, 'contacts', ref));
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CONTACT_NOT_FOUND' || /^[0-9A-Za-z]{26}$/.test(ref))
        throw error;
      const { createContact } = await loadContacts();
      ids.push((await createContact(ctx.deps, { name: ref, role: 'interviewer', companyId })).id);
    }
  }
  return ids;
}
