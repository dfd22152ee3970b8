/**
 * Which application an email is about, most certain first (docs/inbox.md, "Matching"):
 *
 * 1. `thread`: its In-Reply-To or References name a message hearback sent or composed.
 * 2. `contact`: the sender is a contact of the application's company; `company-domain`: the sender's
 *    domain is the company's website domain.
 * 3. `ats`: the sender is an applicant tracking system (Greenhouse, Lever, …) and the company's name is in
 *    the sender's name, the subject or the text.
 *
 * A match is certain when one application is left: by thread always; otherwise when exactly one open
 * application fits, or the job title picks one among several. Anything else is a list of candidates for
 * the review queue. Pure: the service loads the applications and contacts once per sync.
 */

export type MatchVia = 'thread' | 'contact' | 'company-domain' | 'ats';

export type MatchableApplication = {
  readonly id: string;
  readonly companyName: string;
  readonly companyDomain: string | null;
  readonly jobTitle: string;
  readonly postingHost: string | null;
  readonly contactEmails: readonly string[];
  readonly isOpen: boolean;
};

export type MatchableMail = {
  readonly fromAddress: string;
  readonly fromName: string | null;
  readonly subject: string;
  readonly text: string;
  /** Applications named by the mail's In-Reply-To/References (looked up in outgoing_messages). */
  readonly threadApplicationIds: readonly string[];
};

export type MailMatch =
  | {
      readonly certain: true;
      readonly applicationId: string;
      readonly via: MatchVia;
      readonly reason: string;
    }
  | {
      readonly certain: false;
      readonly candidates: readonly string[];
      readonly via: MatchVia | null;
      readonly reason: string;
    };

/**
 * Mail domains of applicant tracking systems, with the posting hosts of each: a rejection from
 * `no-reply@us.greenhouse-mail.io` fits an application whose posting is on `boards.greenhouse.io`.
 */
export const atsSenders: Readonly<
  Record<string, { readonly mail: readonly string[]; readonly postings: readonly string[] }>
> = {
  greenhouse: { mail: ['greenhouse.io', 'greenhouse-mail.io'], postings: ['greenhouse.io'] },
  lever: { mail: ['lever.co', 'hire.lever.co'], postings: ['lever.co'] },
  ashby: { mail: ['ashbyhq.com'], postings: ['ashbyhq.com'] },
  workday: {
    mail: ['myworkday.com', 'workday.com', 'myworkdayjobs.com'],
    postings: ['myworkdayjobs.com', 'myworkday.com'],
  },
  smartrecruiters: {
    mail: ['smartrecruiters.com', 'smartrecruiters-mail.com'],
    postings: ['smartrecruiters.com'],
  },
  icims: { mail: ['icims.com'], postings: ['icims.com'] },
  workable: { mail: ['workablemail.com', 'workable.com'], postings: ['workable.com'] },
  personio: { mail: ['personio.de', 'personio.com'], postings: ['jobs.personio.de', 'jobs.personio.com'] },
  teamtailor: { mail: ['teamtailor.com', 'teamtailor-mail.com'], postings: ['teamtailor.com'] },
  recruitee: { mail: ['recruitee.com'], postings: ['recruitee.com'] },
  join: { mail: ['join.com'], postings: ['join.com'] },
  bamboohr: { mail: ['bamboohr.com'], postings: ['bamboohr.com'] },
};

/** Free mail providers: a shared domain says nothing about the company. */
const sharedDomains = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'proton.me',
  'protonmail.com',
  'aol.com',
  'mail.com',
  'posteo.de',
]);

export function domainOf(address: string): string {
  return (address.split('@').pop() ?? '').toLowerCase().replace(/\.$/, '');
}

function isOnDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The ATS a mail domain belongs to, or null. */
export function atsOfDomain(domain: string): string | null {
  for (const [name, ats] of Object.entries(atsSenders))
    if (ats.mail.some((d) => isOnDomain(domain, d))) return name;
  return null;
}

function atsOfPostingHost(host: string | null): string | null {
  if (!host) return null;
  for (const [name, ats] of Object.entries(atsSenders))
    if (ats.postings.some((d) => isOnDomain(host, d))) return name;
  return null;
}

/** Lower case, accents dropped, punctuation as spaces, company suffixes (GmbH, Inc.) removed. */
export function normalizeForMatch(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(gmbh|ag|inc|llc|ltd|se|co|kg|corp|corporation|limited|plc|sa|bv|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

function mentions(haystack: string, needle: string): boolean {
  const n = normalizeForMatch(needle);
  return n.trim().length >= 2 && haystack.includes(n);
}

export function matchMail(mail: MatchableMail, applications: readonly MatchableApplication[]): MailMatch {
  const byId = new Map(applications.map((a) => [a.id, a]));
  const threaded = [...new Set(mail.threadApplicationIds)].filter((id) => byId.has(id));
  if (threaded.length === 1) {
    return {
      certain: true,
      applicationId: threaded[0]!,
      via: 'thread',
      reason: 'a reply to a message you sent through hearback',
    };
  }
  const text = normalizeForMatch(`${mail.fromName ?? ''}\n${mail.subject}\n${mail.text.slice(0, 5_000)}`);
  const subjectAndText = normalizeForMatch(`${mail.subject}\n${mail.text.slice(0, 5_000)}`);
  if (threaded.length > 1)
    return pick(
      threaded.map((id) => byId.get(id)!),
      subjectAndText,
      'thread',
      'a reply in a thread of several applications',
    );

  const address = mail.fromAddress.toLowerCase();
  const byContact = applications.filter((a) => a.contactEmails.includes(address));
  if (byContact.length > 0)
    return pick(
      byContact,
      subjectAndText,
      'contact',
      `from ${address}, a contact at ${byContact[0]!.companyName}`,
    );

  const domain = domainOf(address);
  if (!sharedDomains.has(domain)) {
    const byDomain = applications.filter((a) => a.companyDomain && isOnDomain(domain, a.companyDomain));
    if (byDomain.length > 0)
      return pick(
        byDomain,
        subjectAndText,
        'company-domain',
        `from ${domain}, ${byDomain[0]!.companyName}'s domain`,
      );
  }

  const ats = atsOfDomain(domain);
  if (ats) {
    const named = applications.filter((a) => mentions(text, a.companyName));
    // The posting's own ATS first: a Greenhouse mail naming Acme fits Acme's Greenhouse posting best.
    const onThisAts = named.filter((a) => atsOfPostingHost(a.postingHost) === ats);
    const pool = onThisAts.length > 0 ? onThisAts : named;
    if (pool.length > 0) {
      return pick(
        pool,
        subjectAndText,
        'ats',
        `from ${ats} (an applicant tracking system) naming ${pool[0]!.companyName}`,
      );
    }
    return {
      certain: false,
      candidates: [],
      via: 'ats',
      reason: `from ${ats}, naming no company you applied to`,
    };
  }
  return {
    certain: false,
    candidates: [],
    via: null,
    reason: 'no application matches the sender or the thread',
  };
}

/**
 * One application among those that fit: the only open one, or the one whose job title the mail names.
 * Several left: the candidates, for the user to choose.
 */
function pick(
  fitting: readonly MatchableApplication[],
  text: string,
  via: MatchVia,
  reason: string,
): MailMatch {
  const open = fitting.filter((a) => a.isOpen);
  const pool = open.length > 0 ? open : fitting;
  if (pool.length === 1) return { certain: true, applicationId: pool[0]!.id, via, reason };
  const titled = pool.filter((a) => mentions(text, a.jobTitle));
  if (titled.length === 1) {
    return {
      certain: true,
      applicationId: titled[0]!.id,
      via,
      reason: `${reason}, about the ${titled[0]!.jobTitle} role`,
    };
  }
  return {
    certain: false,
    candidates: pool.map((a) => a.id),
    via,
    reason: `${reason}; ${pool.length} applications fit`,
  };
}
