/**
 * What the clipper reads from the page the user is on, as plain strings. This function is injected into that
 * page by `scripting.executeScript`, so it must stand alone: no imports, no closures over module values. It
 * reads and returns; it changes nothing on the page. The parsing happens in the popup (read-posting.ts).
 */
export type PageCapture = {
  readonly url: string;
  /** The page's main heading, else its title. */
  readonly title: string;
  readonly documentTitle: string;
  readonly siteName: string | null;
  /** The texts of the page's `application/ld+json` script blocks. */
  readonly jsonLd: readonly string[];
  /** What a known job site's page structure says, field by field (null when not such a page). */
  readonly structure: {
    readonly site: string;
    readonly jobTitle: string | null;
    readonly companyName: string | null;
    readonly location: string | null;
    readonly descriptionHtml: string | null;
  } | null;
  /** The page's main text, for a page with no structure at all. */
  readonly text: string;
};

export function capturePage(): PageCapture {
  const maxChars = 1_000_000;
  const textOf = (selectors: readonly string[]): string | null => {
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      const text = element?.textContent?.replace(/\s+/g, ' ').trim();
      if (text) return text;
    }
    return null;
  };
  const htmlOf = (selectors: readonly string[]): string | null => {
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      if (element?.textContent?.trim()) return element.innerHTML.slice(0, maxChars);
    }
    return null;
  };
  const attrOf = (selector: string, name: string): string | null =>
    document.querySelector(selector)?.getAttribute(name)?.trim() || null;

  const host = location.hostname.toLowerCase();
  const is = (...parts: string[]) => parts.some((part) => host === part || host.endsWith(`.${part}`));
  const hasAny = (...selectors: string[]) => selectors.some((s) => document.querySelector(s) !== null);

  // Each site's markup as its public job pages have it; checked by host, or by markup for custom domains.
  const sites = [
    {
      site: 'Greenhouse',
      match: is('greenhouse.io') || hasAny('#app_body .app-title', '.job__title h1'),
      jobTitle: ['.job__title h1', 'h1.app-title', '#header h1', 'h1'],
      companyName: ['.company-name', '#header .company-name', '.job__title + .company'],
      location: ['.job__location', '#header .location', '.location'],
      description: ['.job__description', '#content', '#app_body'],
    },
    {
      site: 'Lever',
      match: is('lever.co') || hasAny('.posting-headline'),
      jobTitle: ['.posting-headline h2', '.posting-header h2'],
      companyName: [],
      location: ['.posting-categories .location', '.posting-category.location', '.sort-by-location'],
      description: ['[data-qa="job-description"]', '.section-wrapper.page-full-width', '.content .section'],
    },
    {
      site: 'Ashby',
      match: is('ashbyhq.com'),
      jobTitle: ['h1[class*="title"]', 'h1'],
      companyName: [],
      location: ['[class*="location"] p', '[class*="Location"]'],
      description: ['[class*="descriptionText"]', '[class*="description"]'],
    },
    {
      site: 'Workday',
      match: is('myworkdayjobs.com', 'workday.com') || hasAny('[data-automation-id="jobPostingHeader"]'),
      jobTitle: ['[data-automation-id="jobPostingHeader"]', 'h2'],
      companyName: [],
      location: ['[data-automation-id="locations"] dd', '[data-automation-id="locations"]'],
      description: ['[data-automation-id="jobPostingDescription"]'],
    },
    {
      site: 'LinkedIn',
      match: is('linkedin.com'),
      jobTitle: ['.job-details-jobs-unified-top-card__job-title', '.top-card-layout__title', 'h1'],
      companyName: [
        '.job-details-jobs-unified-top-card__company-name',
        '.topcard__org-name-link',
        '.topcard__flavor',
      ],
      location: [
        '.job-details-jobs-unified-top-card__primary-description-container .tvm__text',
        '.topcard__flavor--bullet',
      ],
      description: ['#job-details', '.jobs-description__content', '.show-more-less-html__markup'],
    },
    {
      site: 'Indeed',
      match: is('indeed.com') || hasAny('#jobDescriptionText'),
      jobTitle: ['[data-testid="jobsearch-JobInfoHeader-title"]', 'h1'],
      companyName: ['[data-testid="inlineHeader-companyName"]', '[data-company-name="true"]'],
      location: ['[data-testid="inlineHeader-companyLocation"]', '[data-testid="job-location"]'],
      description: ['#jobDescriptionText'],
    },
  ];
  const known = sites.find((s) => s.match);
  const structure = known
    ? {
        site: known.site,
        jobTitle: textOf(known.jobTitle),
        companyName: textOf(known.companyName),
        location: textOf(known.location),
        descriptionHtml: htmlOf(known.description),
      }
    : null;

  const jsonLd = Array.from(document.querySelectorAll('script'))
    .filter((s) => (s.getAttribute('type') ?? '').trim().toLowerCase().startsWith('application/ld+json'))
    .map((s) => (s.textContent ?? '').slice(0, 2 * maxChars));
  const main = document.querySelector('main, article, [role="main"]') ?? document.body;
  return {
    url: location.href,
    title: (textOf(['h1']) ?? document.title).slice(0, 500),
    documentTitle: document.title.slice(0, 500),
    siteName: attrOf('meta[property="og:site_name"]', 'content'),
    jsonLd,
    structure,
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text keeps line breaks and drops hidden parts
    text: ((main as HTMLElement | null)?.innerText ?? '').slice(0, maxChars),
  };
}
