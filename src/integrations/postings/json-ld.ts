import type { CheerioAPI } from 'cheerio';
import { emptyDraft, type PostingDraft, type SalaryDraft } from './posting-draft.js';
import {
  guessRemoteType,
  readAmount,
  readEmploymentType,
  readLine,
  readLocalDate,
  readSalaryPeriod,
  readString,
} from './posting-values.js';
import { parseTolerantJson } from './tolerant-json.js';

/**
 * Reads schema.org JobPosting JSON-LD the way sites actually publish it: several script blocks, `@graph`
 * wrappers, arrays, nodes that point at each other by `@id`, HTML-escaped descriptions, and the many shapes
 * of salary and location. Blocks that cannot be parsed are skipped with a warning; the rest still count.
 *
 * Everything here but `findJobPostings` (which takes a cheerio document) is plain code on strings and JSON, so
 * the browser extension reads the page it is on with these same rules (extension/lib/read-posting.ts).
 */
export const jsonLdLimits = {
  /** A single block larger than this is skipped: real postings are a few hundred kilobytes at most. */
  maxBlockChars: 2 * 1024 * 1024,
  maxDepth: 64,
  maxNodes: 50_000,
} as const;

type JsonObject = Record<string, unknown>;

export type JobPostingNodes = {
  readonly postings: readonly JsonObject[];
  readonly byId: ReadonlyMap<string, JsonObject>;
  readonly warnings: readonly string[];
};

export function findJobPostings($: CheerioAPI): JobPostingNodes {
  const scripts = $('script')
    .toArray()
    .filter((el) => ($(el).attr('type') ?? '').trim().toLowerCase().startsWith('application/ld+json'));
  return findJobPostingsInBlocks(scripts.map((el) => $(el).text()));
}

/** The JobPosting nodes in the texts of a page's `application/ld+json` script blocks, in page order. */
export function findJobPostingsInBlocks(blocks: readonly string[]): JobPostingNodes {
  const postings: JsonObject[] = [];
  const byId = new Map<string, JsonObject>();
  const warnings: string[] = [];
  blocks.forEach((text, index) => {
    const label = `JSON-LD block ${index + 1}`;
    if (text.length > jsonLdLimits.maxBlockChars) {
      warnings.push(
        `${label} was skipped: it is larger than ${jsonLdLimits.maxBlockChars / (1024 * 1024)} MB.`,
      );
      return;
    }
    const parsed = parseTolerantJson(text, { maxDepth: jsonLdLimits.maxDepth });
    if (!parsed.ok) {
      warnings.push(`${label} was skipped: ${parsed.reason}.`);
      return;
    }
    collectNodes(parsed.value, postings, byId, warnings, label);
  });
  return { postings, byId, warnings };
}

function collectNodes(
  root: unknown,
  postings: JsonObject[],
  byId: Map<string, JsonObject>,
  warnings: string[],
  label: string,
): void {
  const stack: unknown[] = [root];
  let visited = 0;
  while (stack.length > 0) {
    const value = stack.pop();
    if (++visited > jsonLdLimits.maxNodes) {
      warnings.push(`${label} has more than ${jsonLdLimits.maxNodes} values; the rest were not read.`);
      return;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    if (!isObject(value)) continue;
    const id = readString(value['@id']);
    if (id !== null && !byId.has(id) && Object.keys(value).length > 1) byId.set(id, value);
    if (hasType(value, 'jobposting')) postings.push(value);
    for (const key of Object.keys(value).reverse()) {
      const child = value[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Matches "JobPosting", "schema:JobPosting" and "http://schema.org/JobPosting", in any case. */
function hasType(node: JsonObject, type: string): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((t) => typeof t === 'string' && t.split(/[/:#]/).pop()?.toLowerCase() === type);
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value.find((v) => v !== null && v !== undefined) : value;
}

function list(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Maps one JobPosting node to a draft; `pageUrl` resolves relative links. */
export function mapJobPosting(
  node: JsonObject,
  byId: ReadonlyMap<string, JsonObject>,
  pageUrl: string | null,
): PostingDraft {
  const draft = emptyDraft('json-ld');
  const resolve = (value: unknown): unknown => {
    if (isObject(value)) {
      const id = readString(value['@id']);
      if (id !== null && Object.keys(value).length === 1) return byId.get(id) ?? value;
    }
    return value;
  };
  draft.jobTitle = readLine(first(node.title)) ?? readLine(first(node.name));
  draft.companyName = readOrganizationName(resolve(first(node.hiringOrganization)));
  draft.descriptionHtml = readDescriptionHtml(first(node.description));
  const url = readUrl(first(node.url), pageUrl);
  draft.postingUrl = pageUrl ?? url;
  draft.applyUrl =
    readApplyUrl(node.potentialAction, pageUrl) ?? readUrl(first(node.directApplyUrl), pageUrl);

  const places = list(node.jobLocation).flatMap((place) => readPlace(resolve(place), resolve));
  const isTelecommute = list(node.jobLocationType).some(
    (t) => typeof t === 'string' && t.trim().toUpperCase() === 'TELECOMMUTE',
  );
  const applicantAreas = list(node.applicantLocationRequirements)
    .map((area) => readAreaName(resolve(area)))
    .filter((name): name is string => name !== null);
  draft.locations = [...places];
  if (isTelecommute) {
    draft.remoteType = 'remote';
    draft.locations.push(applicantAreas.length > 0 ? `Remote (${applicantAreas.join(', ')})` : 'Remote');
  } else {
    draft.locations.push(...applicantAreas);
    draft.remoteType = guessRemoteType(places);
  }

  const salary =
    readSalary(resolve(node.baseSalary), node.salaryCurrency, resolve) ??
    readSalary(resolve(node.estimatedSalary), node.salaryCurrency, resolve);
  draft.salary = salary;
  if (node.baseSalary !== undefined && salary === null) {
    draft.warnings.push('The salary on the page could not be read.');
  }
  draft.employmentType = readEmploymentType(node.employmentType);
  if (node.employmentType !== undefined && draft.employmentType === null) {
    draft.warnings.push(
      `The employment type "${String(first(node.employmentType)).slice(0, 40)}" was not recognised.`,
    );
  }
  draft.datePosted = readDate(node.datePosted, 'date posted', draft.warnings);
  draft.validThrough = readDate(node.validThrough, 'closing date', draft.warnings);
  return draft;
}

function readDate(value: unknown, label: string, warnings: string[]): string | null {
  const raw = first(value);
  if (raw === undefined || raw === null || raw === '') return null;
  const date = readLocalDate(raw);
  if (date === null)
    warnings.push(`The ${label} "${String(raw).slice(0, 40)}" is not a date and was left out.`);
  return date;
}

function readOrganizationName(value: unknown): string | null {
  if (typeof value === 'string') return readLine(value);
  if (isObject(value)) return readLine(first(value.name)) ?? readLine(first(value.legalName));
  return null;
}

/**
 * Descriptions arrive as HTML, as HTML escaped once more (`&lt;p&gt;`), or as plain text with line breaks.
 * Escaped HTML is unescaped once; plain text becomes paragraphs so its breaks survive sanitising.
 */
export function readDescriptionHtml(value: unknown): string | null {
  const text = readString(value);
  if (text === null) return null;
  if (/<\/?[a-z][\s\S]*>/i.test(text)) return text;
  if (/&lt;\/?[a-z]/i.test(text)) return decodeEntitiesOnce(text);
  return textToHtml(text);
}

function decodeEntitiesOnce(text: string): string {
  const named: Readonly<Record<string, string>> = {
    lt: '<',
    gt: '>',
    amp: '&',
    quot: '"',
    apos: "'",
    nbsp: '\u00a0',
  };
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return safeCodePoint(Number.parseInt(entity.slice(2), 16), whole);
    if (entity.startsWith('#')) return safeCodePoint(Number.parseInt(entity.slice(1), 10), whole);
    return named[entity.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function textToHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

function readUrl(value: unknown, base: string | null): string | null {
  const text = readString(value)?.trim();
  if (!text) return null;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function readApplyUrl(actions: unknown, base: string | null): string | null {
  for (const action of list(actions)) {
    if (!isObject(action)) continue;
    for (const target of list(action.target)) {
      const url = isObject(target) ? readUrl(target.urlTemplate ?? target.url, base) : readUrl(target, base);
      if (url) return url;
    }
  }
  return null;
}

function readPlace(place: unknown, resolve: (value: unknown) => unknown): string[] {
  if (typeof place === 'string') {
    const label = readLine(place);
    return label === null ? [] : [label];
  }
  if (!isObject(place)) return [];
  const addresses = list(place.address)
    .map((address) => readAddress(resolve(address)))
    .filter((label): label is string => label !== null);
  if (addresses.length > 0) return addresses;
  const name = readLine(first(place.name));
  return name ? [name] : [];
}

function readAddress(address: unknown): string | null {
  if (typeof address === 'string') return readLine(address);
  if (!isObject(address)) return null;
  const parts = [
    readLine(first(address.addressLocality)),
    readLine(first(address.addressRegion)),
    readAreaName(first(address.addressCountry)),
  ].filter((part): part is string => part !== null);
  const unique = parts.filter(
    (part, i) => parts.findIndex((p) => p.toLowerCase() === part.toLowerCase()) === i,
  );
  if (unique.length > 0) return unique.join(', ');
  return readLine(first(address.name)) ?? readLine(first(address.streetAddress));
}

function readAreaName(area: unknown): string | null {
  if (typeof area === 'string') return readLine(area);
  if (isObject(area)) return readLine(first(area.name)) ?? readLine(first(area.identifier));
  return null;
}

/**
 * baseSalary as a bare number or string, a MonetaryAmount whose value is a number or a QuantitativeValue
 * (value, or minValue/maxValue, with unitText HOUR/DAY/WEEK/MONTH/YEAR), a QuantitativeValue on its own, a
 * MonetaryAmountDistribution (estimatedSalary), or an array of any of these (the first readable one wins).
 */
export function readSalary(
  value: unknown,
  fallbackCurrency: unknown,
  resolve: (value: unknown) => unknown = (v) => v,
): SalaryDraft | null {
  const topCurrency = readString(first(fallbackCurrency));
  for (const item of list(value)) {
    const salary = readOneSalary(resolve(item), topCurrency, resolve);
    if (salary) return salary;
  }
  return null;
}

function readOneSalary(
  value: unknown,
  currency: string | null,
  resolve: (value: unknown) => unknown,
): SalaryDraft | null {
  const amount = readAmount(value);
  if (amount !== null) return { min: amount, max: amount, currency, period: null };
  if (!isObject(value)) return null;
  const ownCurrency = readString(first(value.currency)) ?? currency;
  const ownPeriod = readSalaryPeriod(first(value.unitText));
  const inner = resolve(first(value.value));
  const innerAmount = readAmount(inner);
  if (innerAmount !== null)
    return { min: innerAmount, max: innerAmount, currency: ownCurrency, period: ownPeriod };
  if (isObject(inner)) {
    const range = readRange(inner);
    if (range) {
      return {
        ...range,
        currency: readString(first(inner.currency)) ?? ownCurrency,
        period: readSalaryPeriod(first(inner.unitText)) ?? ownPeriod,
      };
    }
  }
  const range = readRange(value);
  return range ? { ...range, currency: ownCurrency, period: ownPeriod } : null;
}

function readRange(node: JsonObject): { min: number | null; max: number | null } | null {
  const exact = readAmount(first(node.value));
  const min = readAmount(first(node.minValue)) ?? readAmount(first(node.percentile10)) ?? exact;
  const max = readAmount(first(node.maxValue)) ?? readAmount(first(node.percentile90)) ?? exact;
  const median = readAmount(first(node.median));
  if (min === null && max === null && median === null) return null;
  return { min: min ?? median, max: max ?? median };
}
