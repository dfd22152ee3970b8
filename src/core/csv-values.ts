import type { RemoteType, SourceKind } from './application.js';
import { type employmentTypes, type salaryPeriods, sourceKinds } from './application.js';
import { type CompanySizeBand, companySizeBands, smallestHeadcount } from './company.js';
import { mapForeignStatus } from './csv-foreign-status.js';
import { type ActiveStage, activeStages } from './pipeline.js';

type EmploymentType = (typeof employmentTypes)[number];
type SalaryPeriod = (typeof salaryPeriods)[number];

export type ParsedSalary = {
  readonly min: number | null;
  readonly max: number | null;
  readonly currency: string | null;
  readonly period: SalaryPeriod | null;
};

const currencySymbols: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
  ['AU$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₪', 'ILS'],
  ['zł', 'PLN'],
  ['CHF', 'CHF'],
];

const isoCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

const periodWords: ReadonlyArray<readonly [RegExp, SalaryPeriod]> = [
  [/(?:\/|\bper\s+|\ban?\s+|\bp\.?\s*)(?:h|hr|hour)\b|\bhourly\b/i, 'hour'],
  [/(?:\/|\bper\s+|\ba\s+|\bp\.?\s*)(?:d|day)\b|\bdaily\b/i, 'day'],
  [/(?:\/|\bper\s+|\ba\s+|\bp\.?\s*)(?:w|wk|week)\b|\bweekly\b/i, 'week'],
  [/(?:\/|\bper\s+|\ba\s+|\bp\.?\s*)(?:m|mo|month)\b|\bmonthly\b/i, 'month'],
  [/(?:\/|\bper\s+|\ba\s+|\bp\.?\s*)(?:y|yr|year|annum|a)\b|\bannual(?:ly)?\b|\byearly\b/i, 'year'],
];

/**
 * Reads salary text the way people type it: "$120k - $150k", "120,000–150,000 USD", "€60.000 per year",
 * "45/hr". Returns null when no amount can be read, so the caller keeps the text in the notes instead.
 */
export function parseSalary(raw: string): ParsedSalary | null {
  let text = raw.trim();
  let currency: string | null = null;
  for (const word of text.match(/\b[A-Z]{3}\b/g) ?? []) {
    if (isoCurrencies.has(word)) {
      currency = word;
      break;
    }
  }
  for (const [symbol, iso] of currencySymbols) {
    if (text.includes(symbol)) {
      currency ??= iso;
      text = text.split(symbol).join(' ');
    }
  }
  let period: SalaryPeriod | null = null;
  for (const [pattern, value] of periodWords) {
    if (pattern.test(text)) {
      period = value;
      break;
    }
  }
  const amounts = [...text.matchAll(/(\d[\d,.\s']*\d|\d)\s*([kKmM])?\b/g)]
    .map((m) => toAmount(m[1]!, m[2]))
    .filter((n): n is number => n !== null);
  if (amounts.length === 0 || amounts.length > 2) return null;
  const [min, max] = amounts.length === 2 ? amounts : [amounts[0]!, amounts[0]!];
  return { min: min!, max: max!, currency, period };
}

function toAmount(digits: string, suffix: string | undefined): number | null {
  let text = digits.replace(/[\s']/g, '');
  // "60.000" and "1.200.000" use dots for thousands; "1,200,000" commas; "72.5" and "72,5" are decimals.
  if (/^\d{1,3}(?:\.\d{3})+$/.test(text)) text = text.replace(/\./g, '');
  else if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(text)) text = text.replace(',', '.');
  if (!/^\d+(?:\.\d+)?$/.test(text)) return null;
  const multiplier =
    suffix === 'k' || suffix === 'K' ? 1_000 : suffix === 'm' || suffix === 'M' ? 1_000_000 : 1;
  return Math.round(Number(text) * multiplier * 100) / 100;
}

/** A plain number for the salary-min or salary-max column. */
export function parseAmount(raw: string): number | null {
  const salary = parseSalary(raw);
  return salary && salary.min === salary.max ? salary.min : null;
}

export function parseCurrency(raw: string): string | null {
  const text = raw.trim();
  if (isoCurrencies.has(text.toUpperCase())) return text.toUpperCase();
  return currencySymbols.find(([symbol]) => symbol === text)?.[1] ?? null;
}

const priorityWords: ReadonlyMap<string, number> = new Map([
  ['very high', 5],
  ['highest', 5],
  ['top', 5],
  ['dream', 5],
  ['high', 4],
  ['medium', 3],
  ['med', 3],
  ['normal', 3],
  ['moderate', 3],
  ['average', 3],
  ['low', 2],
  ['very low', 1],
  ['lowest', 1],
]);

/**
 * A priority from 1 to 5: a number (1–5 as is, 0–100 scores in fifths), stars ("★★★"), "3/5", or a word
 * such as high or low.
 */
/**
 * A company size as trackers and profiles write it — a band of ours ("1000-4999", "10000+"), a range
 * ("1,001-5,000 employees"), or a count ("12000") — as the band that holds its first number; null when no
 * number is there.
 */
export function parseCompanySize(raw: string): CompanySizeBand | null {
  const match = /\d[\d,. ]*/.exec(raw.trim());
  if (!match) return null;
  const count = Number(match[0].replace(/[,. ]/g, ''));
  if (!Number.isFinite(count) || count < 1) return null;
  return [...companySizeBands].reverse().find((band) => smallestHeadcount(band) <= count) ?? null;
}

export function parsePriority(raw: string): number | null {
  const text = raw.trim().toLowerCase();
  const stars = [...text].filter((c) => c === '★' || c === '⭐' || c === '*').length;
  if (stars > 0 && stars <= 5 && /^[★⭐*☆\s]+$/.test(text)) return stars;
  const fraction = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+)$/.exec(text);
  if (fraction) return clampPriority((Number(fraction[1]) / Number(fraction[2])) * 5);
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (n <= 5) return clampPriority(n);
    if (n <= 100) return clampPriority(n / 20);
    return null;
  }
  return priorityWords.get(text.replace(/[^a-z ]/g, '').trim()) ?? null;
}

function clampPriority(n: number): number {
  return Math.min(5, Math.max(1, Math.round(n)));
}

const employmentWords: ReadonlyArray<readonly [RegExp, EmploymentType]> = [
  [/^(?:full[\s-]?time|ft|permanent|fte|regular)$/, 'full_time'],
  [/^(?:part[\s-]?time|pt)$/, 'part_time'],
  [/^(?:contract|contractor|freelance|c|1099|c2c|c2h|contract to hire)$/, 'contract'],
  [/^(?:temporary|temp|seasonal)$/, 'temporary'],
  [/^(?:internship|intern|working student|werkstudent)$/, 'internship'],
  [/^other$/, 'other'],
];

/** null for an unknown type; `undefined` for values that mean "not given" (JobSync writes "Unknown"). */
export function parseEmploymentType(raw: string): EmploymentType | null | undefined {
  const text = raw.trim().toLowerCase().replace(/_/g, ' ');
  if (text === 'unknown' || text === '') return undefined;
  for (const [pattern, value] of employmentWords) if (pattern.test(text)) return value;
  return null;
}

export function parseRemoteType(raw: string): RemoteType | null {
  const text = raw.trim().toLowerCase().replace(/[_-]+/g, ' ');
  if (
    /^(?:remote|fully remote|full remote|wfh|work from home|remote ok|yes|telecommute|distributed)$/.test(
      text,
    )
  )
    return 'remote';
  if (/^(?:hybrid|partly remote|partially remote|flexible)$/.test(text)) return 'hybrid';
  if (/^(?:on site|onsite|in office|office|in person|no|on premises)$/.test(text)) return 'on_site';
  return null;
}

const sourceWords: ReadonlyArray<readonly [RegExp, SourceKind]> = [
  [/\brefer(?:ral|red|rer)?\b|\breferred\b/, 'referral'],
  [/\brecruiter\b|\bheadhunter\b|\bagency\b|\bstaffing\b|\brecruitment\b/, 'recruiter'],
  [
    /\blinkedin\b|\bindeed\b|\bglassdoor\b|\bziprecruiter\b|\bmonster\b|\bdice\b|\bwellfound\b|\bangel ?list\b|\botta\b|\bbuilt ?in\b|\bhandshake\b|\bseek\b|\bstepstone\b|\bxing\b|\bhacker ?news\b|\bweworkremotely\b|\bremote ?ok\b|\bjob ?board\b|\bcareer ?builder\b|\bsimply ?hired\b|\bjobright\b|\bhuntr\b/,
    'job_board',
  ],
  [
    /\bcompany (?:site|website|page)\b|\bcareers? (?:site|page)\b|\bwebsite\b|\bdirect\b|\bgreenhouse\b|\blever\b|\bashby\b|\bworkday\b|\bworkable\b|\bsmartrecruiters\b|\bicims\b|\btaleo\b|\bbamboohr\b|\bjobvite\b|\bteamtailor\b|\bpersonio\b|\brecruitee\b/,
    'company_site',
  ],
];

/** The kind of source a free-text value names; hearback's own kinds (`job_board`, …) are taken as they are. */
export function inferSourceKind(raw: string): SourceKind {
  const text = raw.trim().toLowerCase();
  const asKind = text.replace(/[\s-]+/g, '_');
  if ((sourceKinds as readonly string[]).includes(asKind)) return asKind as SourceKind;
  for (const [pattern, kind] of sourceWords) if (pattern.test(text)) return kind;
  return 'other';
}

export function isSourceKind(raw: string): boolean {
  return (sourceKinds as readonly string[]).includes(
    raw
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
}

/** An active stage named the way trackers name stages ("Interview", "phone screen"), or null. */
export function parseActiveStage(raw: string): ActiveStage | null {
  const mapped = mapForeignStatus(raw);
  if (!mapped || mapped.stage === 'ended') return null;
  return (activeStages as readonly string[]).includes(mapped.stage) ? (mapped.stage as ActiveStage) : null;
}

/** Links pasted without a scheme ("www.acme.com/jobs/1", "jobs.lever.co/acme/…") get `https://`. */
export function completeUrl(raw: string): string {
  const text = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
  if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#]|$)/i.test(text)) return `https://${text}`;
  return text;
}

/**
 * Tags as hearback's export joins them (`, `; a tag holds no comma), with their spaces: after each comma
 * exactly one space is the separator's, so ` lead,  both ` is ` lead` and ` both `. A comma typed without
 * the space also separates.
 */
export function splitExportedTags(raw: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  raw.split(',').forEach((part, index) => {
    const tag = index > 0 && part.startsWith(' ') ? part.slice(1) : part;
    if (tag.trim() === '' || seen.has(tag.toLowerCase())) return;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  });
  return tags;
}

export function splitTags(raw: string, separators: RegExp): string[] {
  const parts = raw.split(separators);
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of parts) {
    const tag = part.trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}
