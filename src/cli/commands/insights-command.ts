import fs from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import { type Insights, type InsightsGroupRow, insightsQuerySchema, percent } from '../../core/insights.js';
import { storyQuerySchema } from '../../core/story.js';
import { parseInput, runCommand } from '../context.js';
import { formatTable, type Output, safeText } from '../output.js';

// Loaded when the command runs, so `hearback --version` and `--help` load none of it (issue 12, item 11).
const loadInsights = () => import('../../services/insights.js');
const loadSankey = () => import('../../core/insights-sankey.js');
const loadPng = () => import('../../integrations/charts/sankey-png.js');
const loadStory = () => import('../../services/story.js');
const loadStoryHtml = () => import('../../core/story-html.js');

type InsightsOptions = {
  from?: string;
  to?: string;
  asOf?: string;
  goalApplications?: string;
  goalInterviews?: string;
  goalFollowUps?: string;
  replyDays?: string;
  anonymize?: boolean;
  sankey?: boolean;
  svg?: string;
  png?: string;
};

const flags = {
  from: '--from',
  to: '--to',
  asOf: '--as-of',
  goalApplications: '--goal-applications',
  goalInterviews: '--goal-interviews',
  goalFollowUps: '--goal-follow-ups',
  replyDays: '--reply-days',
};

/** `hearback insights`: what the whole search says, and the Sankey of it as text, SVG or PNG. */
export function registerInsightsCommand(program: Command): void {
  registerStoryCommand(program);
  program
    .command('insights')
    .description(
      'What your whole search says: funnel, response rates, silence, activity, beside public figures',
    )
    .option('--from <date>', 'count applications applied on or after this date')
    .option('--to <date>', '… and on or before this date')
    .option(
      '--as-of <date>',
      'answer as of this date (its end) or instant, leaving out anything recorded later',
    )
    .option(
      '--goal-applications <n>',
      'a weekly goal of applications for this answer (default: `hearback settings set --goal-applications`)',
    )
    .option('--goal-interviews <n>', 'a weekly goal of interviews for this answer (default: the saved one)')
    .option(
      '--goal-follow-ups <n>',
      'a weekly goal of follow-ups done for this answer (default: the saved one)',
    )
    .option('--reply-days <n>', 'a follow-up counts as answered when a reply came within n business days (5)')
    .option('--anonymize', 'drop resume names and dates, for sharing')
    .option('--sankey', 'print the Sankey of the search as SankeyMATIC text (sankeymatic.com/build)')
    .option('--svg <file>', 'write the Sankey as an SVG picture')
    .option('--png <file>', 'write the Sankey as a PNG picture')
    .action((options: InsightsOptions, command: Command) =>
      runCommand(command, async (ctx) => {
        const query = parseInput(
          insightsQuerySchema,
          {
            from: options.from,
            to: options.to,
            asOf: options.asOf,
            goalApplications: options.goalApplications,
            goalInterviews: options.goalInterviews,
            goalFollowUps: options.goalFollowUps,
            replyDays: options.replyDays,
            anonymize: options.anonymize ? 'true' : undefined,
          },
          flags,
        );
        const { getInsights } = await loadInsights();
        const insights = await getInsights(ctx.deps, query);
        if (options.sankey || options.svg || options.png) {
          const { toSankeyMatic, toSankeySvg } = await loadSankey();
          if (options.svg) fs.writeFileSync(options.svg, toSankeySvg(insights.sankey));
          if (options.png) {
            const { svgToPng } = await loadPng();
            fs.writeFileSync(options.png, svgToPng(toSankeySvg(insights.sankey)));
          }
          if (options.sankey) ctx.out.line(toSankeyMatic(insights.sankey).trimEnd());
          else if (!ctx.out.isJson)
            ctx.out.line(`Wrote ${[options.svg, options.png].filter(Boolean).join(' and ')}`);
          return;
        }
        if (ctx.out.isJson) return ctx.out.json(insights);
        printInsights(ctx.out, insights);
      }),
    );
}

type Out = Output;

function printInsights(out: Out, insights: Insights): void {
  const bold = (text: string) => (out.color ? pc.bold(text) : text);
  out.line(bold(`Insights: ${insights.applications} applications`));
  if (insights.applications === 0) {
    out.line('Nothing to show yet. Add applications with `hearback add`.');
    return;
  }
  out.line(`\n${bold('You and the market')}`);
  for (const h of insights.headlines) {
    out.line(`  ${h.label}: ${h.text}`);
    if (h.note) out.line(`    (${h.note})`);
    for (const m of h.market) out.line(`    market: ${m.text} — ${m.source}`);
  }
  out.line(`\n${bold('Funnel (by furthest stage)')}`);
  out.line(
    formatTable(
      insights.funnel,
      [
        { header: 'stage', value: (f) => f.label },
        { header: 'reached', value: (f) => String(f.reached) },
        { header: 'from the stage before', value: (f) => f.conversionText ?? '' },
      ],
      out.color,
    ),
  );
  const groups: [string, readonly InsightsGroupRow[]][] = [
    ['By source', insights.groups.source],
    ['By resume', insights.groups.resume],
    ['By company size', insights.groups.companySize],
    ['By week applied', insights.groups.weekApplied],
  ];
  for (const [title, rows] of groups) {
    if (rows.length === 0) continue;
    out.line(`\n${bold(title)}`);
    out.line(
      formatTable(
        rows,
        [
          { header: 'group', value: (r) => safeText(r.label) },
          { header: 'applied', value: (r) => String(r.applications) },
          { header: 'responses', value: (r) => rateText(r.responded, r.applications, r.responseRate) },
          { header: 'interviews', value: (r) => rateText(r.interviewed, r.applications, r.interviewRate) },
          {
            header: 'days to response (median / p75)',
            value: (r) =>
              r.daysToFirstResponse.median === null
                ? '—'
                : `${r.daysToFirstResponse.median} / ${r.daysToFirstResponse.p75}`,
          },
        ],
        out.color,
      ),
    );
  }
  if (Object.values(insights.groups).some((rows) => rows.some((r) => r.isSmall)))
    out.line(
      pc.dim(`Groups of fewer than ${insights.smallGroup} applications show counts, not percentages.`),
    );
  if (insights.followUps.byKind.length > 0) {
    out.line(`\n${bold(`Follow-ups answered within ${insights.followUps.replyDays} business days`)}`);
    out.line(
      formatTable(
        insights.followUps.byKind,
        [
          { header: 'step', value: (k) => k.label },
          { header: 'done', value: (k) => String(k.done) },
          { header: 'answered', value: (k) => rateText(k.answered, k.done, k.rate) },
        ],
        out.color,
      ),
    );
  }
  const s = insights.silence;
  out.line(`\n${bold('Silence')}`);
  out.line(
    `  Ended as no response: ${rateText(s.endedNoResponse, s.applied, s.share)}${s.medianDaysToNoResponse === null ? '' : `, after ${s.medianDaysToNoResponse} days (median)`}`,
  );
  out.line(
    `  Still waiting for a first answer: ${s.stillWaiting}${s.medianDaysWaiting === null ? '' : ` (median ${s.medianDaysWaiting} days so far)`}`,
  );
  const a = insights.activity;
  out.line(`\n${bold('Activity')}`);
  for (const week of a.weeks.slice(-8)) {
    const met =
      week.isGoalMet === null ? '' : week.isGoalMet ? '  goal met' : week.isCurrent ? '' : '  goal missed';
    out.line(
      `  ${week.label}: ${week.applications} applied, ${week.interviews} interviews, ${week.followUps} follow-ups${met}`,
    );
  }
  out.line(
    `  Streak: ${a.streak.days} ${a.streak.days === 1 ? 'day' : 'days'} with activity (weekends and holidays do not break it)`,
  );
}

function rateText(count: number, of: number, rate: number | null): string {
  return rate === null ? `${count} of ${of}` : `${percent(rate)} (${count} of ${of})`;
}

/** `hearback story`: the story of the search as Markdown (or HTML) to edit and share. */
function registerStoryCommand(program: Command): void {
  program
    .command('story')
    .description(
      'The story of your search as Markdown: headline figures, the Sankey, a timeline and your lessons',
    )
    .option('--anonymize', 'leave out companies, job titles, people and dates, for sharing')
    .option('--md <file>', 'write the Markdown to a file instead of printing it')
    .option('--html <file>', 'write the story as an HTML page')
    .action((options: { anonymize?: boolean; md?: string; html?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const query = parseInput(storyQuerySchema, { anonymize: options.anonymize ? 'true' : undefined }, {});
        const { getStory } = await loadStory();
        const story = await getStory(ctx.deps, query);
        if (options.md) fs.writeFileSync(options.md, story.markdown);
        if (options.html) {
          const { storyHtmlDocument } = await loadStoryHtml();
          fs.writeFileSync(options.html, storyHtmlDocument(story.markdown));
        }
        if (ctx.out.isJson) return ctx.out.json(story);
        if (options.md || options.html) {
          ctx.out.line(`Wrote ${[options.md, options.html].filter(Boolean).join(' and ')}`);
          return;
        }
        ctx.out.line(story.markdown.trimEnd());
      }),
    );
}
