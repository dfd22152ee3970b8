/**
 * Which site a posting URL belongs to: a job board (where the company name on the page is the board's, not
 * the employer's), an applicant tracking system hosting the company's own careers page, or the company site.
 */
const jobBoards: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|\.)linkedin\.com$/, 'LinkedIn'],
  [/(^|\.)indeed\.[a-z.]+$/, 'Indeed'],
  [/(^|\.)glassdoor\.[a-z.]+$/, 'Glassdoor'],
  [/(^|\.)monster\.[a-z.]+$/, 'Monster'],
  [/(^|\.)ziprecruiter\.com$/, 'ZipRecruiter'],
  [/(^|\.)wellfound\.com$/, 'Wellfound'],
  [/(^|\.)angel\.co$/, 'Wellfound'],
  [/(^|\.)otta\.com$/, 'Otta'],
  [/(^|\.)welcometothejungle\.com$/, 'Welcome to the Jungle'],
  [/(^|\.)stepstone\.[a-z.]+$/, 'StepStone'],
  [/(^|\.)xing\.com$/, 'XING'],
  [/(^|\.)seek\.com\.au$/, 'SEEK'],
  [/(^|\.)seek\.co\.nz$/, 'SEEK'],
  [/(^|\.)dice\.com$/, 'Dice'],
  [/(^|\.)builtin[a-z]*\.com$/, 'Built In'],
  [/(^|\.)remoteok\.(com|io)$/, 'Remote OK'],
  [/(^|\.)weworkremotely\.com$/, 'We Work Remotely'],
  [/(^|\.)simplyhired\.[a-z.]+$/, 'SimplyHired'],
  [/(^|\.)careerbuilder\.com$/, 'CareerBuilder'],
  [/(^|\.)totaljobs\.com$/, 'Totaljobs'],
  [/(^|\.)reed\.co\.uk$/, 'Reed'],
  [/(^|\.)jobs\.ch$/, 'jobs.ch'],
  [/(^|\.)hired\.com$/, 'Hired'],
  [/(^|\.)ycombinator\.com$/, 'Work at a Startup'],
  [/(^|\.)naukri\.com$/, 'Naukri'],
  [/(^|\.)infojobs\.[a-z.]+$/, 'InfoJobs'],
  [/(^|\.)jobindex\.dk$/, 'Jobindex'],
  [/(^|\.)arbeitnow\.com$/, 'Arbeitnow'],
];

const trackers: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|\.)greenhouse\.io$/, 'Greenhouse'],
  [/(^|\.)lever\.co$/, 'Lever'],
  [/(^|\.)ashbyhq\.com$/, 'Ashby'],
  [/(^|\.)myworkdayjobs\.com$/, 'Workday'],
  [/(^|\.)smartrecruiters\.com$/, 'SmartRecruiters'],
  [/(^|\.)workable\.com$/, 'Workable'],
  [/(^|\.)recruitee\.com$/, 'Recruitee'],
  [/(^|\.)teamtailor\.com$/, 'Teamtailor'],
  [/(^|\.)personio\.[a-z]+$/, 'Personio'],
  [/(^|\.)bamboohr\.com$/, 'BambooHR'],
  [/(^|\.)jobvite\.com$/, 'Jobvite'],
  [/(^|\.)icims\.com$/, 'iCIMS'],
  [/(^|\.)breezy\.hr$/, 'Breezy HR'],
  [/(^|\.)jazzhr\.com$/, 'JazzHR'],
  [/(^|\.)applytojob\.com$/, 'JazzHR'],
];

export type PostingSite = {
  readonly kind: 'job_board' | 'company_site';
  /** The board or tracker's name, else the host. */
  readonly name: string;
  readonly isJobBoard: boolean;
};

export function describePostingSite(url: string | null): PostingSite | null {
  const host = hostOf(url);
  if (host === null) return null;
  const board = jobBoards.find(([pattern]) => pattern.test(host));
  if (board) return { kind: 'job_board', name: board[1], isJobBoard: true };
  const tracker = trackers.find(([pattern]) => pattern.test(host));
  if (tracker) return { kind: 'company_site', name: tracker[1], isJobBoard: false };
  return { kind: 'company_site', name: host.replace(/^www\./, ''), isJobBoard: false };
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

const hostPrefixes = new Set([
  'www',
  'jobs',
  'careers',
  'career',
  'apply',
  'join',
  'work',
  'hiring',
  'en',
  'boards',
]);

/**
 * A company name guessed from a company's own host, "careers.acme-labs.co.uk" giving "Acme Labs"; null for
 * job boards and tracker hosts, whose name is not the employer's.
 */
export function companyNameFromHost(url: string | null): string | null {
  const site = describePostingSite(url);
  const host = hostOf(url);
  if (site === null || host === null || site.isJobBoard || site.name !== host.replace(/^www\./, ''))
    return null;
  if (/^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.')) return null;
  const labels = host.split('.').filter((label) => !hostPrefixes.has(label));
  if (labels.length < 2) return null;
  const last = labels[labels.length - 1]!;
  const secondLast = labels[labels.length - 2]!;
  const name =
    secondLast.length <= 3 && last.length <= 3 && labels.length >= 3
      ? labels[labels.length - 3]!
      : secondLast;
  return name
    .split('-')
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
