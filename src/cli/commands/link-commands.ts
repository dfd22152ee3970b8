import type { Command } from 'commander';
import pc from 'picocolors';
import { describeLinkAnswer, responseLinkCreateSchema } from '../../core/response-link.js';
import { parseInput, resolveId, runCommand } from '../context.js';
import { formatFields, localDateTime, safeText } from '../output.js';
import { print } from './people-commands.js';

// Loaded when a command runs, so `hearback --version` and `--help` load none of it (issue 12, item 11).
const loadConfigModule = () => import('../../config.js');
const loadResponseLink = () => import('../../services/response-link.js');

/** `hearback link create|revoke|show <application>`: the employer response link (docs/response-link.md). */
export function registerLinkCommands(program: Command): void {
  const link = program
    .command('link')
    .description('The employer response link: one click for the employer to say where things stand');

  link
    .command('create <application>')
    .description('Create the link (shown once); an active one is replaced and stops working')
    .option('--days <n>', 'how many days the link works (default: your setting, 30)')
    .action((ref: string, options: { days?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const { createResponseLink } = await loadResponseLink();
        const id = await resolveId(ctx, 'applications', ref);
        const input = parseInput(
          responseLinkCreateSchema,
          options.days === undefined ? {} : { days: Number(options.days) },
          { days: '--days' },
        );
        const issued = await createResponseLink(ctx.deps, id, input, await linkOptions());
        if (ctx.out.isJson) return ctx.out.json({ url: issued.url, expiresAt: issued.expiresAt });
        ctx.out.line(issued.url);
        const until = localDateTime(issued.expiresAt, ctx.settings.timeZone);
        const hint = `\nWorks until ${until}. Add it to your follow-up email; it is not shown again. \`hearback link revoke\` stops it.`;
        ctx.out.line(ctx.out.color ? pc.dim(hint) : hint);
      }),
    );

  link
    .command('revoke <application>')
    .description('Revoke the link; it answers like an unknown link from now on')
    .action((ref: string, _options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { revokeResponseLink } = await loadResponseLink();
        const id = await resolveId(ctx, 'applications', ref);
        await revokeResponseLink(ctx.deps, id);
        print(ctx, { revoked: true }, 'Revoked: the response link no longer works.');
      }),
    );

  link
    .command('show <application>')
    .description('Whether a link is active, until when, and the last answer through it')
    .action((ref: string, _options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { getResponseLinkStatus } = await loadResponseLink();
        const id = await resolveId(ctx, 'applications', ref);
        const status = await getResponseLinkStatus(ctx.deps, id, await linkOptions());
        if (ctx.out.isJson) return ctx.out.json(status);
        const zone = ctx.settings.timeZone;
        const answer = status.lastAnswer && describeLinkAnswer(status.lastAnswer);
        ctx.out.line(
          formatFields(
            [
              [
                'Link',
                status.link
                  ? `active since ${localDateTime(status.link.createdAt, zone)}, until ${localDateTime(status.link.expiresAt, zone)}`
                  : 'none active',
              ],
              ['Available', status.available ? 'yes' : (status.explanation ?? 'no')],
              [
                'Last answer',
                status.lastAnswer && answer
                  ? `${answer.answer} (${localDateTime(status.lastAnswer.answeredAt, zone)})`
                  : null,
              ],
              ['Their message', status.lastAnswer?.message ? safeText(status.lastAnswer.message) : null],
              ['Suggestion', answer?.suggestion ?? null],
            ],
            ctx.out.color,
          ),
        );
      }),
    );
}

async function linkOptions(): Promise<{ publicUrl: string | null }> {
  const config = await loadConfigModule();
  return { publicUrl: config.loadConfig(config.processEnvironment()).responseLinkBase };
}
