/**
 * Recognises posting URLs hosted by an applicant tracking system whose public API gives the posting as data,
 * which beats reading its page. Only the documented public, unauthenticated endpoints are used.
 */
export type AtsVendor = 'greenhouse' | 'lever' | 'ashby';

export type AtsReference = {
  readonly vendor: AtsVendor;
  /** Greenhouse board token, Lever site name, Ashby job board name. */
  readonly board: string;
  readonly jobId: string;
  readonly region: 'global' | 'eu';
};

/** Base URLs of the vendors' APIs; tests point these at a local server. */
export type AtsApiBases = Partial<Record<AtsVendor, string>>;

const defaultBases: Readonly<Record<AtsVendor, Record<AtsReference['region'], string>>> = {
  greenhouse: { global: 'https://boards-api.greenhouse.io', eu: 'https://boards-api.eu.greenhouse.io' },
  lever: { global: 'https://api.lever.co', eu: 'https://api.eu.lever.co' },
  ashby: { global: 'https://api.ashbyhq.com', eu: 'https://api.ashbyhq.com' },
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function recognizeAtsUrl(raw: string): AtsReference | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  const segments = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => safeDecode(s));
  const greenhouse = /^(?:job-)?boards(\.eu)?\.greenhouse\.io$/.exec(host);
  if (greenhouse) {
    const region = greenhouse[1] ? 'eu' : 'global';
    const [board, jobs, id] = segments;
    if (board && board !== 'embed' && jobs === 'jobs' && id && /^\d+$/.test(id)) {
      return { vendor: 'greenhouse', board, jobId: id, region };
    }
    const forBoard = url.searchParams.get('for');
    const token = url.searchParams.get('token') ?? url.searchParams.get('gh_jid');
    if (board === 'embed' && forBoard && token && /^\d+$/.test(token)) {
      return { vendor: 'greenhouse', board: forBoard, jobId: token, region };
    }
    return null;
  }
  const lever = /^jobs(\.eu)?\.lever\.co$/.exec(host);
  if (lever) {
    const [site, id] = segments;
    return site && id && uuid.test(id)
      ? { vendor: 'lever', board: site, jobId: id.toLowerCase(), region: lever[1] ? 'eu' : 'global' }
      : null;
  }
  if (host === 'jobs.ashbyhq.com') {
    const [board, id] = segments;
    return board && id && uuid.test(id)
      ? { vendor: 'ashby', board, jobId: id.toLowerCase(), region: 'global' }
      : null;
  }
  return null;
}

export function atsApiUrl(ref: AtsReference, bases: AtsApiBases = {}): string {
  const base = (bases[ref.vendor] ?? defaultBases[ref.vendor][ref.region]).replace(/\/+$/, '');
  const board = encodeURIComponent(ref.board);
  const id = encodeURIComponent(ref.jobId);
  switch (ref.vendor) {
    case 'greenhouse':
      return `${base}/v1/boards/${board}/jobs/${id}?pay_transparency=true`;
    case 'lever':
      return `${base}/v0/postings/${board}/${id}?mode=json`;
    case 'ashby':
      return `${base}/posting-api/job-board/${board}?includeCompensation=true`;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Lever and Ashby do not give the employer's name, and Greenhouse not always: the board name the employer
 * chose is used instead, which is usually right but not always spelled as the company spells itself.
 */
export function boardNameWarning(companyName: string): string {
  return `The company name "${companyName}" comes from the job board's address; please check its spelling.`;
}
