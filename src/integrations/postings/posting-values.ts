import { decodeHTML } from 'entities';
import type { employmentTypes, RemoteType, salaryPeriods } from '../../core/application.js';
import { isLocalDateInWindow } from '../../core/date-window.js';

/**
 * No cheerio or Node here: the browser extension reads postings with these same readers.
 *
 * Small readers for the values postings spell in many ways: amounts, pay periods, employment types, dates,
 * currencies. Each answers null when it cannot read the value, never a guess dressed up as a fact.
 */
export type SalaryPeriod = (typeof salaryPeriods)[number];
export type EmploymentType = (typeof employmentTypes)[number];

export function readString(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A short single-line value (title, company, place): entities decoded, tags dropped, whitespace collapsed. */
export function readLine(value: unknown): string | null {
  const text = readString(value);
  if (text === null) return null;
  const decoded = /[<&]/.test(text) ? decodeHTML(text.replace(/<[^>]*>/g, '')) : text;
  const line = decoded.replace(/\s+/g, ' ').trim();
  return line === '' ? null : line;
}

/** Reads 100000, "100000", "100,000", "$85,000.50", "1.234,5", "120k". */
export function readAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  const match = /^[^\d-]*(\d[\d.,]*)([kK])?[^\d]*$/.exec(compact);
  if (!match) return null;
  let digits = match[1]!;
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    digits = digits.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma !== -1) {
    digits = /^\d{1,3}(,\d{3})+$/.test(digits) ? digits.replace(/,/g, '') : digits.replace(',', '.');
  } else if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(digits)) {
    // "70.000 €" is how German and many other postings write seventy thousand; a salary is never written
    // with three decimal places, so a lone dot before exactly three digits groups thousands, as "70,000" does.
    digits = digits.replace(/\./g, '');
  }
  const amount = Number(digits) * (match[2] ? 1_000 : 1);
  return Number.isFinite(amount) && amount >= 0 ? amount : null;
}

const periodWords: Readonly<Record<string, SalaryPeriod>> = {
  hour: 'hour',
  hours: 'hour',
  hourly: 'hour',
  hr: 'hour',
  perhour: 'hour',
  perhourwage: 'hour',
  day: 'day',
  days: 'day',
  daily: 'day',
  perday: 'day',
  perdaywage: 'day',
  week: 'week',
  weeks: 'week',
  weekly: 'week',
  perweek: 'week',
  perweeksalary: 'week',
  month: 'month',
  months: 'month',
  monthly: 'month',
  permonth: 'month',
  permonthsalary: 'month',
  year: 'year',
  years: 'year',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
  annum: 'year',
  perannum: 'year',
  peryear: 'year',
  peryearsalary: 'year',
};

/** HOUR, "per-year-salary" (Lever), "1 MONTH" (Ashby); "2 WEEK" has no single period and reads as null. */
export function readSalaryPeriod(value: unknown): SalaryPeriod | null {
  const text = readString(value)?.trim().toLowerCase();
  if (!text) return null;
  const count = /^(\d+)\s*(.*)$/.exec(text);
  if (count && count[1] !== '1') return null;
  const key = (count ? count[2]! : text).replace(/[^a-z]/g, '');
  return periodWords[key] ?? null;
}

const employmentWords: ReadonlyArray<readonly [string, EmploymentType]> = [
  ['fulltime', 'full_time'],
  ['permanent', 'full_time'],
  ['parttime', 'part_time'],
  ['contractor', 'contract'],
  ['contract', 'contract'],
  ['freelance', 'contract'],
  ['temporary', 'temporary'],
  ['temp', 'temporary'],
  ['seasonal', 'temporary'],
  ['internship', 'internship'],
  ['intern', 'internship'],
  ['apprentice', 'internship'],
  ['volunteer', 'other'],
  ['perdiem', 'other'],
  ['other', 'other'],
];

/** FULL_TIME (schema.org/Google), "Full-time", "FullTime" (Ashby), "Full Time - Remote" (Lever commitments). */
export function readEmploymentType(value: unknown): EmploymentType | null {
  const values = Array.isArray(value) ? value : [value];
  for (const item of values) {
    const key = readString(item)
      ?.toLowerCase()
      .replace(/[^a-z]/g, '');
    if (!key) continue;
    const exact = employmentWords.find(([word]) => word === key);
    if (exact) return exact[1];
    const prefix = employmentWords.find(([word]) => key.startsWith(word));
    if (prefix) return prefix[1];
  }
  return null;
}

/**
 * The calendar date a posting states, as YYYY-MM-DD: "2024-03-05", "2024-03-05T09:00", "2024-03-05T23:59:59-05:00".
 * The date is kept as written rather than moved to UTC, because that is the day the employer meant.
 */
export function readLocalDate(value: unknown): string | null {
  const text = readString(value)?.trim();
  if (!text) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?=$|[T\s])/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  // A "valid through 9999-12-31" means no closing date; hearback keeps only dates in its window.
  return isLocalDateInWindow(iso) ? iso : null;
}

/** The UTC calendar date of an instant given in milliseconds (Lever's createdAt). */
export function readEpochDate(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString().slice(0, 10);
  return isLocalDateInWindow(iso) ? iso : null;
}

const currencySymbols: Readonly<Record<string, string>> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
};

export function readCurrency(value: unknown): string | null {
  const text = readString(value)?.trim();
  if (!text) return null;
  const upper = text.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper)) return upper;
  return currencySymbols[text] ?? null;
}

/** Remote, hybrid or on-site as a location label says it ("Remote - Europe", "Berlin (Hybrid)"), else null. */
export function guessRemoteType(labels: readonly string[]): RemoteType | null {
  const text = labels.join(' ').toLowerCase();
  if (/\bhybrid\b/.test(text)) return 'hybrid';
  if (/\b(remote|anywhere|telecommute|work from home|wfh)\b/.test(text)) return 'remote';
  if (/\b(on-?site|in[- ]office|office-based)\b/.test(text)) return 'on_site';
  return null;
}

/** A board's slug as a company name: "Windsurf" stays, "kovo" becomes "Kovo", "acme-labs" becomes "Acme Labs". */
export function companyNameFromSlug(slug: string): string {
  let decoded = slug;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    // A malformed escape: keep the slug as written.
  }
  const words = decoded.replace(/[-_+]+/g, ' ').trim();
  if (/[A-Z]/.test(words)) return words;
  return words.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}

/** True when a text sample is plainly not text: NUL characters, or many control or undecodable characters. */
export function looksLikeBinary(text: string): boolean {
  const sample = text.slice(0, 8_192);
  if (sample.length === 0) return false;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) odd++;
  }
  return odd / sample.length > 0.1;
}
