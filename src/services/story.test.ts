import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/test-runtime.js';
import { storyHtmlDocument } from '../core/story-html.js';
import { listAllEvents } from '../storage/event-store.js';
import { createApplication, moveApplication } from './applications.js';
import { createContact } from './contacts.js';
import { saveRetrospective } from './retrospectives.js';
import { getStory } from './story.js';

/** The SVG the story embeds as its picture (base64 hides its text from a plain search of the Markdown). */
function embeddedSvg(markdown: string): string {
  const found = markdown.match(/!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/);
  if (!found) throw new Error('the story embeds no Sankey picture');
  return Buffer.from(found[1]!, 'base64').toString('utf8');
}

describeEachDialect('story', (ctx) => {
  const companies = ['Globex Corporation', 'Initech', 'Hooli'];
  const titles = ['Staff Backend Engineer', 'Data Platform Lead', 'Site Reliability Engineer'];
  const people = ['Priya Raman', 'Joaquín Ortega'];

  async function seed(): Promise<void> {
    const globex = await createApplication(ctx.deps, {
      companyName: companies[0]!,
      jobTitle: titles[0]!,
      stage: 'applied',
      stageAt: '2026-01-05T09:00:00.000Z',
    });
    await moveApplication(ctx.deps, globex.id, {
      stage: 'interviewing',
      occurredAt: '2026-01-20T09:00:00.000Z',
    });
    await moveApplication(ctx.deps, globex.id, {
      stage: 'ended',
      outcome: 'rejected',
      occurredAt: '2026-02-03T09:00:00.000Z',
    });
    await saveRetrospective(ctx.deps, globex.id, {
      wentWell: 'Priya liked the take-home; the Globex Corporation panel on 20 January 2026 went well',
      wouldChange: 'ask initech-style questions about the staff backend engineer scope before 2026-01-20',
      theySaid: 'Joaquín said on Feb 3 that another candidate had more Kafka <script>alert(1)</script>',
    });
    const initech = await createApplication(ctx.deps, {
      companyName: companies[1]!,
      jobTitle: titles[1]!,
      stage: 'applied',
      stageAt: '2026-02-10T09:00:00.000Z',
    });
    await moveApplication(ctx.deps, initech.id, { stage: 'offer', occurredAt: '2026-02-25T09:00:00.000Z' });
    await createApplication(ctx.deps, {
      companyName: companies[2]!,
      jobTitle: titles[2]!,
      stage: 'applied',
      stageAt: '2026-02-27T09:00:00.000Z',
    });
    for (const name of people) await createContact(ctx.deps, { name });
  }

  it('tells the search: headline figures, the Sankey, months and lessons, naming companies when not anonymised', async () => {
    await seed();
    const story = await getStory(ctx.deps);
    expect(story.isAnonymized).toBe(false);
    const md = story.markdown;
    expect(md).toContain('## Headline figures');
    expect(md).toContain('```sankeymatic');
    expect(md).toMatch(/\| January 2026 \| 1 \| 1 \| 0 \|/);
    expect(md).toMatch(/\| February 2026 \| 2 \| 0 \| 1 \|/);
    expect(md).toContain('Globex Corporation');
    expect(md).toContain('Priya liked the take\\-home');
    const html = storyHtmlDocument(md);
    expect(html).toContain('<table>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const svg = embeddedSvg(md);
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('Offer');
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="[^"]*applications/);
    // Only the embedded Sankey survives as an image: one from elsewhere (it would call home) is dropped.
    const edited = storyHtmlDocument(
      `${md}\n\n![pixel](https://tracker.example/p.png) <img src=x onerror="alert(1)"> <img src="data:text/html;base64,PHNjcmlwdD4=">`,
    );
    expect(edited.match(/<img /g)).toHaveLength(1);
    expect(edited).not.toContain('tracker.example');
    expect(edited).not.toContain('onerror');
  });

  it('leaves no company, job title, person or date of the data in the anonymised Markdown and HTML', async () => {
    await seed();
    const story = await getStory(ctx.deps, { anonymize: 'true' });
    expect(story.isAnonymized).toBe(true);
    const events = await listAllEvents(ctx.deps.db, ctx.deps.userId);
    const dates = new Set<string>();
    for (const e of events) {
      const day = e.occurredAt.slice(0, 10);
      const [year, month, date] = day.split('-').map(Number) as [number, number, number];
      const monthName = new Date(Date.UTC(year, month - 1, date)).toLocaleString('en', {
        month: 'long',
        timeZone: 'UTC',
      });
      dates.add(day).add(day.slice(0, 7)).add(`${monthName} ${year}`).add(`${date} ${monthName}`);
      dates.add(`${monthName.slice(0, 3)} ${date}`).add(`${date}.${month}.${year}`);
    }
    expect(dates.size).toBeGreaterThan(10);
    const forbidden = [...companies, ...titles, ...people, ...people.flatMap((p) => p.split(' ')), ...dates];
    const md = story.markdown;
    const html = storyHtmlDocument(md);
    const svg = embeddedSvg(md);
    expect(svg).toMatch(/^<svg /);
    for (const text of [md, html, svg]) {
      for (const word of forbidden) expect(text.toLowerCase(), word).not.toContain(word.toLowerCase());
    }
    expect(md).toContain('| Month 1 | 1 | 1 | 0 |');
    expect(md).toContain('\\[company\\]');
    expect(md).toContain('\\[person\\]');
    expect(md).toContain('\\[date\\]');
    expect(md).toContain('more Kafka');
  });
});
