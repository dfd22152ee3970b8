import { z } from 'zod';
import { monthName } from './date-words.js';
import type { Insights } from './insights.js';
import { anonymizeText, type NamesToHide } from './insights-anonymize.js';
import { describeSankey, toSankeyMatic, toSankeySvg } from './insights-sankey.js';
import { retrospectiveQuestions } from './labels.js';
import { type ActiveStage, type Outcome, outcomeLabels, stageLabels } from './pipeline.js';
import { svgDataUri } from './story-image.js';

/**
 * The story of the search (docs/insights.md): the headline figures, the Sankey as a picture (its SVG, embedded)
 * and as a SankeyMATIC block, a
 * month-by-month timeline and the lessons of the retrospectives, as Markdown the user edits and shares.
 * Anonymised, months become "Month 1, 2…" and every known company, job title and person (and any date) is
 * taken out of the lessons by the insights' anonymiser.
 */
export const storyQuerySchema = z.strictObject({
  anonymize: z
    .enum(['true', 'false'])
    .optional()
    .describe('leave out companies, job titles, people and dates, for sharing'),
});

export type StoryQuery = z.infer<typeof storyQuerySchema>;

export const storySchema = z
  .object({
    isAnonymized: z.boolean(),
    markdown: z.string().describe('the story as Markdown'),
  })
  .meta({ id: 'Story' });

export type Story = z.infer<typeof storySchema>;

export type StoryMonth = {
  /** `YYYY-MM` in the user's time zone. */
  readonly month: string;
  readonly applications: number;
  readonly interviews: number;
  readonly offers: number;
};

export type StoryLesson = {
  readonly companyName: string;
  readonly jobTitle: string;
  readonly furthestStage: ActiveStage;
  readonly outcome: Outcome | null;
  /** `YYYY-MM-DD` in the user's time zone. */
  readonly endedOn: string;
  readonly wentWell: string;
  readonly wouldChange: string;
  readonly theySaid: string;
};

export type StoryInput = {
  readonly insights: Insights;
  readonly months: readonly StoryMonth[];
  readonly lessons: readonly StoryLesson[];
  /** Set to anonymise: what to take out of free text. */
  readonly hide: NamesToHide | null;
};

/** Markdown-significant characters in user text are escaped, so a lesson can never become a link or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

export function storyMarkdown(input: StoryInput): string {
  const { insights, hide } = input;
  const isAnonymized = hide !== null;
  const scrub = (text: string) =>
    escapeMarkdown(hide === null ? text.trim() : anonymizeText(text.trim(), hide));
  const lines: string[] = ['# My job search', ''];
  const first = input.months[0]?.month;
  const last = input.months.at(-1)?.month;
  const span = input.months.length;
  if (isAnonymized || first === undefined || last === undefined) {
    lines.push(`${insights.applications} applications${span > 0 ? ` over ${span} months` : ''}.`);
  } else {
    lines.push(`${insights.applications} applications, from ${monthText(first)} to ${monthText(last)}.`);
  }
  lines.push('', '## Headline figures', '');
  for (const h of insights.headlines) lines.push(`- ${h.label}: ${h.text}`);
  lines.push('', '## How the applications went', '');
  if (insights.sankey.links.length === 0) {
    lines.push('No applications yet.');
  } else {
    lines.push(
      `![${escapeMarkdown(describeSankey(insights.sankey))}](${svgDataUri(toSankeySvg(insights.sankey))})`,
      '',
      'From source, through the furthest stage, to the outcome (paste into sankeymatic.com/build to draw it):',
      '',
      '```sankeymatic',
      toSankeyMatic(insights.sankey).trimEnd(),
      '```',
    );
  }
  lines.push('', '## Timeline', '');
  if (input.months.length === 0) {
    lines.push('Nothing yet.');
  } else {
    lines.push('| Month | Applications | Interviews | Offers |', '| --- | ---: | ---: | ---: |');
    input.months.forEach((m, i) => {
      const label = isAnonymized ? `Month ${i + 1}` : monthText(m.month);
      lines.push(`| ${label} | ${m.applications} | ${m.interviews} | ${m.offers} |`);
    });
  }
  lines.push('', '## Lessons', '');
  const lessons = input.lessons.filter((l) => `${l.wentWell}${l.wouldChange}${l.theySaid}`.trim() !== '');
  if (lessons.length === 0) lines.push('No retrospectives written yet.');
  for (const l of lessons) {
    const reached = `reached ${stageLabels[l.furthestStage].toLowerCase()}`;
    const ended = l.outcome === null ? '' : `, ${outcomeLabels[l.outcome].toLowerCase()}`;
    const where = isAnonymized
      ? `An application that ${reached}${ended}`
      : `${escapeMarkdown(l.jobTitle)} at ${escapeMarkdown(l.companyName)} (${reached}${ended}, ${l.endedOn})`;
    lines.push(`- **${where}**`);
    for (const [field, label] of retrospectiveQuestions) {
      if (l[field].trim()) lines.push(`  - ${label}: ${scrub(l[field])}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function monthText(month: string): string {
  const [year, m] = month.split('-');
  return `${monthName(Number(m))} ${year}`;
}
