import fs from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import { draftKinds, type StepDraft } from '../../core/drafts.js';
import { fieldError } from '../../core/errors.js';
import { type Channel, channels } from '../../core/event.js';
import { channelLabels, followUpKindLabels } from '../../core/labels.js';
import { type Delay, delayUnits, describeDelay, playbookRuleKinds } from '../../core/playbook.js';
import { describeLinkAnswer } from '../../core/response-link.js';
import { type TodayItem, todayQuerySchema } from '../../core/today.js';
import { type CliContext, parseInput, resolveId, runCommand } from '../context.js';
import { choices, localDateTime, safeText, shortId } from '../output.js';
import { print } from './people-commands.js';

// Loaded when a command runs, so `hearback --version` and `--help` load none of it (issue 12, item 11).
const loadDrafts = () => import('../../services/drafts.js');
const loadPlaybook = () => import('../../services/playbook.js');
const loadToday = () => import('../../services/today.js');

/** `hearback today`, drafts and sending, the playbook and the templates. */
export function registerTodayCommands(program: Command): void {
  program
    .command('today')
    .description('What to do today: overdue steps, steps due today, and the coming week')
    .option('--as-of <date>', 'as if it were this date (morning) or instant, e.g. next Monday: 2026-03-09')
    .action((options: { asOf?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const { getToday } = await loadToday();
        const { asOf } = parseInput(todayQuerySchema, { asOf: options.asOf }, { asOf: '--as-of' });
        const today = await getToday(ctx.deps, asOf);
        if (ctx.out.isJson) return ctx.out.json(today);
        const total = today.overdue.length + today.today.length + today.week.length;
        ctx.out.line(heading(ctx, `Today, ${today.date} (${today.timeZone})`));
        if (today.answers.length > 0) {
          ctx.out.line(
            `\n${ctx.out.color ? pc.green('Answered through your response link') : 'Answered through your response link'}`,
          );
          for (const item of today.answers) {
            const words = describeLinkAnswer(item);
            ctx.out.line(
              `  ${safeText(item.application.jobTitle)} at ${safeText(item.application.companyName)}: ${words.answer}`,
            );
            if (item.message) ctx.out.line(`    “${safeText(item.message)}”`);
            if (item.suggestedEnding && words.suggestion) ctx.out.line(`    ${words.suggestion}`);
          }
        }
        if (total === 0) {
          return ctx.out.line(
            'Nothing to follow up on this week. Add applications with `hearback add`; steps appear here.',
          );
        }
        section(ctx, 'Overdue', today.overdue, pc.red);
        section(ctx, 'Due today', today.today, pc.yellow);
        section(ctx, 'This week', today.week, pc.cyan);
        ctx.out.line(pc.dim('\nhearback draft <id> · hearback follow-ups done|skip|snooze <id>'));
      }),
    );

  program
    .command('draft <step>')
    .description(
      'Show the message for a follow-up step; save it as .eml, or send it through your SMTP server',
    )
    .option('--to <email>', 'send or address it to this address instead of the contact’s')
    .option('--eml <file>', 'write it as an .eml file to open in your mail program')
    .option('--send', 'send it now (needs smtpUrl in settings); records it and marks the step done')
    .option('--mailto', 'print a mailto: link instead of the text')
    .action(
      (
        ref: string,
        options: { to?: string; eml?: string; send?: boolean; mailto?: boolean },
        command: Command,
      ) =>
        runCommand(command, async (ctx) => {
          const { sendStepEmail, emlForStep, draftForStep } = await loadDrafts();
          const id = await resolveId(ctx, 'follow_ups', ref);
          if (options.send) {
            const result = await sendStepEmail(ctx.deps, id, options.to ? { to: options.to } : {});
            return print(
              ctx,
              result,
              `Sent. ${safeText(result.step.completionNote ?? '')}; the step is done.`,
            );
          }
          if (options.eml) {
            fs.writeFileSync(
              options.eml,
              await emlForStep(ctx.deps, id, options.to ? { to: options.to } : {}),
            );
            return print(
              ctx,
              { written: options.eml },
              `Wrote ${options.eml}; open it in your mail program.`,
            );
          }
          const draft = await draftForStep(ctx.deps, id);
          if (ctx.out.isJson) return ctx.out.json(draft);
          if (options.mailto) return ctx.out.line(draft.mailto);
          ctx.out.line(`${pc.dim('To:')} ${describeAddressee(draft.contact)}`);
          ctx.out.line(`${pc.dim('Subject:')} ${safeText(draft.subject)}\n`);
          ctx.out.line(safeText(draft.body));
          if (draft.missingWords.length > 0) {
            ctx.out.error(`\nFill in before sending: ${safeText(draft.missingWords.join(', '))}`);
          }
        }),
    );

  const playbook = program.command('playbook').description('The rules that plan your follow-ups');
  playbook.command('show', { isDefault: true }).action((_o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { getPlaybook } = await loadPlaybook();
      const current = await getPlaybook(ctx.deps);
      if (ctx.out.isJson) return ctx.out.json(current);
      for (const kind of playbookRuleKinds) {
        const rule = current.rules[kind] as {
          enabled: boolean;
          channel?: Channel | null;
          delay: Delay;
        };
        ctx.out.line(
          `${kind.padEnd(22)} ${rule.enabled ? 'on ' : 'off'}  ${describeDelay(rule.delay).padEnd(16)}${rule.channel ? `  (${channelLabels[rule.channel]})` : ''}`.trimEnd(),
        );
      }
      for (const step of current.customSteps) ctx.out.line(`custom: ${safeText(step.title)} (${step.after})`);
    }),
  );
  playbook
    .command('set <rule>')
    .description(`Change one rule: ${playbookRuleKinds.join(', ')}`)
    .option('--on', 'turn it on')
    .option('--off', 'turn it off')
    .option('--delay <amount>', 'how long after its anchor')
    .option('--unit <unit>', choices(delayUnits))
    .option('--channel <channel>', choices(channels))
    .action(
      (
        rule: string,
        options: { on?: boolean; off?: boolean; delay?: string; unit?: string; channel?: string },
        command: Command,
      ) =>
        runCommand(command, async (ctx) => {
          const { getPlaybook, updatePlaybook } = await loadPlaybook();
          const current = await getPlaybook(ctx.deps);
          const existing = (current.rules as Record<string, { delay: { amount: number; unit: string } }>)[
            rule
          ];
          if (!existing) throw fieldError('<rule>', `must be one of ${playbookRuleKinds.join(', ')}`);
          const change: Record<string, unknown> = {};
          if (options.on || options.off) change.enabled = Boolean(options.on);
          if (options.delay !== undefined || options.unit !== undefined) {
            change.delay = {
              amount: options.delay === undefined ? existing.delay.amount : Number(options.delay),
              unit: options.unit ?? existing.delay.unit,
            };
          }
          if (options.channel !== undefined) change.channel = options.channel;
          const next = await updatePlaybook(ctx.deps, { rules: { [rule]: change } });
          print(ctx, next, `Saved; your follow-ups are re-planned with it.`);
        }),
    );
  playbook.command('reset').action((_o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { resetPlaybook } = await loadPlaybook();
      print(ctx, await resetPlaybook(ctx.deps), 'Back to the default playbook.');
    }),
  );

  const templates = program.command('templates').description(`Message templates: ${draftKinds.join(', ')}`);
  templates.command('list', { isDefault: true }).action((_o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { listTemplates } = await loadDrafts();
      const all = await listTemplates(ctx.deps);
      if (ctx.out.isJson) return ctx.out.json(all);
      for (const t of all)
        ctx.out.line(
          `${t.kind.padEnd(22)} ${t.isDefault ? pc.dim('default') : 'yours  '}  ${safeText(t.subject)}`,
        );
    }),
  );
  templates
    .command('set <kind>')
    .option('--subject <text>', 'subject line, with merge fields such as {{company.name}}')
    .option('--body <text>', 'body text')
    .option('--body-file <file>', 'read the body from a file')
    .action(
      (kind: string, options: { subject?: string; body?: string; bodyFile?: string }, command: Command) =>
        runCommand(command, async (ctx) => {
          const { listTemplates, saveTemplate } = await loadDrafts();
          const current = (await listTemplates(ctx.deps)).find((t) => t.kind === kind);
          if (!current) throw fieldError('<kind>', `must be one of ${draftKinds.join(', ')}`);
          const body = options.bodyFile
            ? fs.readFileSync(options.bodyFile, 'utf8')
            : (options.body ?? current.body);
          const saved = await saveTemplate(ctx.deps, current.kind, {
            subject: options.subject ?? current.subject,
            body,
          });
          print(ctx, saved, `Saved your ${kind} template.`);
        }),
    );
  templates.command('reset <kind>').action((kind: string, _o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { resetTemplate } = await loadDrafts();
      if (!(draftKinds as readonly string[]).includes(kind))
        throw fieldError('<kind>', `must be one of ${draftKinds.join(', ')}`);
      print(
        ctx,
        await resetTemplate(ctx.deps, kind as (typeof draftKinds)[number]),
        `Back to the default ${kind} template.`,
      );
    }),
  );
}

function heading(ctx: CliContext, text: string): string {
  return ctx.out.color ? pc.bold(text) : text;
}

function section(
  ctx: CliContext,
  title: string,
  items: readonly TodayItem[],
  paint: (s: string) => string,
): void {
  if (items.length === 0) return;
  ctx.out.line(`\n${ctx.out.color ? paint(title) : title} (${items.length})`);
  for (const item of items) {
    const who = item.contact ? ` · ${safeText(item.contact.name)}` : '';
    ctx.out.line(
      `  ${shortId(item.step.id)}  ${localDateTime(item.step.dueAt, ctx.settings.timeZone)}  ${followUpKindLabels[item.step.kind]}${item.step.channel ? ` (${channelLabels[item.step.channel]})` : ''} — ${safeText(item.application.jobTitle)} at ${safeText(item.application.companyName)}${who}`,
    );
    ctx.out.line(`          ${pc.dim(safeText(item.explanation))}`);
  }
}

function describeAddressee(contact: StepDraft['contact']): string {
  if (!contact) return pc.dim('(no contact for this step yet)');
  const reach = [contact.email, contact.phone].filter((value) => value !== null).join(', ');
  return `${safeText(contact.name)}${reach ? ` (${safeText(reach)})` : pc.dim(' (no email or phone)')}`;
}
