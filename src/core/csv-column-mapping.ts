import { type CsvColumnTarget, type CsvField, csvFields } from './csv-import.js';
import { fieldError } from './errors.js';

/** Column header (as written in the file) → what it fills. */
export type CsvColumnMapping = Readonly<Record<string, CsvColumnTarget>>;

/** Fields several columns may fill at once; every other field takes one column. */
const multiColumnFields: ReadonlySet<CsvField> = new Set(['tags', 'notes']);

export const dateFields: ReadonlySet<CsvField> = new Set([
  'savedAt',
  'appliedAt',
  'stageAt',
  'endedAt',
  'datePosted',
  'validThrough',
]);

/**
 * Header aliases per field, compared after `normalizeHeader` (so "Job Title", "job_title" and "JobTitle"
 * are one alias). When several columns match a field, the one whose alias comes first wins and the others
 * are kept as notes. An alias belongs to one field only; a test keeps it that way.
 */
export const headerAliases: Readonly<Record<CsvField, readonly string[]>> = {
  companyName: [
    'companyname',
    'company',
    'employer',
    'employername',
    'organization',
    'organisation',
    'organizationname',
    'hiringcompany',
    'business',
    'firm',
  ],
  jobTitle: [
    'jobtitle',
    'title',
    'jobposition',
    'position',
    'positiontitle',
    'roleraw',
    'role',
    'roletitle',
    'jobrole',
    'job',
    'jobname',
    'opening',
    'vacancy',
  ],
  postingUrl: [
    'postingurl',
    'joburl',
    'url',
    'joblink',
    'link',
    'postinglink',
    'jobposting',
    'jobpostingurl',
    'listingurl',
    'sourceurl',
    'applicationurl',
    'applicationlink',
    'applyurl',
    'applylink',
    'originalurl',
  ],
  status: [
    'status',
    'stage',
    'listname',
    'applicationstatus',
    'currentstatus',
    'currentstage',
    'state',
    'pipelinestage',
    'progress',
  ],
  furthestStage: ['furtheststage', 'furthest', 'higheststage', 'furthestreached'],
  outcome: ['outcome', 'result', 'resolution', 'finalresult'],
  closedReason: ['closedreason', 'closereason', 'reasonclosed'],
  savedAt: [
    'saved',
    'datesaved',
    'saveddate',
    'savedat',
    'savedon',
    'createdat',
    'created',
    'dateadded',
    'added',
  ],
  appliedAt: [
    'applied',
    'dateapplied',
    'applieddate',
    'applicationdate',
    'appliedon',
    'appliedat',
    'dateofapplication',
    'submitted',
    'datesubmitted',
    'submitteddate',
    'date',
    'timestamp',
  ],
  stageAt: [
    'stagechanged',
    'lastmovedat',
    'statusdate',
    'stagedate',
    'statuschanged',
    'laststatuschange',
    'lastupdated',
    'updatedat',
    'updated',
    'lastmodified',
  ],
  endedAt: [
    'ended',
    'endedat',
    'enddate',
    'dateended',
    'closeddate',
    'dateclosed',
    'closedat',
    'closedon',
    'rejecteddate',
    'daterejected',
    'rejectiondate',
    'outcomedate',
  ],
  location: ['location', 'locations', 'joblocation', 'city', 'place', 'office', 'officelocation'],
  remoteType: [
    'remotetype',
    'remote',
    'workmodel',
    'workmode',
    'worktype',
    'workplacetype',
    'workplace',
    'remotehybridonsite',
    'onsiteremote',
    'arrangement',
    'workarrangement',
  ],
  salary: ['salary', 'compensation', 'salaryrange', 'pay', 'payrange', 'comp', 'compensationorrate', 'rate'],
  salaryMin: ['salarymin', 'minsalary', 'minimumsalary', 'salaryfrom', 'minpay', 'compmin'],
  salaryMax: ['salarymax', 'maxsalary', 'maximumsalary', 'salaryto', 'maxpay', 'compmax'],
  salaryCurrency: ['salarycurrency', 'currency'],
  employmentType: ['employmenttype', 'jobtype', 'contracttype', 'commitment', 'employment'],
  description: ['description', 'jobdescription', 'htmldescription', 'jd', 'postingdescription'],
  datePosted: ['dateposted', 'posteddate', 'postedon', 'postedat', 'published', 'publishedat', 'posted'],
  validThrough: [
    'validthrough',
    'deadline',
    'applicationdeadline',
    'applyby',
    'closingdate',
    'expires',
    'expiresat',
    'expirydate',
  ],
  source: [
    'source',
    'jobsource',
    'sourcekind',
    'channel',
    'platform',
    'foundon',
    'foundvia',
    'foundthrough',
    'jobboard',
    'site',
    'via',
  ],
  sourceDetail: ['sourcedetail', 'sourcedetails', 'referredby', 'referrer'],
  priority: [
    'priority',
    'excitement',
    'interest',
    'interestlevel',
    'rating',
    'fitrating',
    'fit',
    'stars',
    'importance',
  ],
  companySize: [
    'companysize',
    'employees',
    'numberofemployees',
    'employeecount',
    'headcount',
    'companyheadcount',
    'size',
  ],
  industry: ['industry', 'companyindustry', 'sector'],
  tags: ['tags', 'tag', 'labels', 'label', 'keywords'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'memo'],
  resume: [
    'resume',
    'resumename',
    'resumeversion',
    'resumeused',
    'resumefile',
    'cv',
    'cvfile',
    'cvname',
    'cvversion',
  ],
  coverLetter: [
    'coverletter',
    'coverlettername',
    'coverletterfile',
    'coverletterversion',
    'motivationletter',
  ],
};

/** Columns that only number or identify rows in the tool they came from. */
const rowIdentifiers: ReadonlySet<string> = new Set(['id', 'index', 'row', 'rownumber']);

const aliasIndex: ReadonlyMap<string, { field: CsvField; rank: number }> = new Map(
  (Object.entries(headerAliases) as Array<[CsvField, readonly string[]]>).flatMap(([field, aliases]) =>
    aliases.map((alias, rank) => [alias, { field, rank }] as const),
  ),
);

/** Case, spaces, punctuation, accents and a BOM make no difference: "Job Title:", "job_title" → "jobtitle". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function isCsvColumnTarget(value: string): value is CsvColumnTarget {
  return value === 'note' || value === 'ignore' || (csvFields as readonly string[]).includes(value);
}

/**
 * Decides what each column fills: the user's choices first, then the format's own columns, then the
 * aliases. A field taken by a better column leaves the others as notes, so nothing in the file is lost
 * unless a column is ignored on purpose.
 */
export function mapCsvColumns(
  headers: readonly string[],
  formatColumns: Readonly<Record<string, CsvColumnTarget>>,
  override: Readonly<Record<string, string>> = {},
): CsvColumnMapping {
  const known = new Set(headers);
  for (const [column, target] of Object.entries(override)) {
    if (!known.has(column)) {
      throw fieldError(
        `mapping.${column}`,
        `the file has no column "${column}" (columns: ${headers.join(', ')})`,
      );
    }
    if (!isCsvColumnTarget(target)) {
      throw fieldError(
        `mapping.${column}`,
        `"${target}" is not something a column can fill; use one of ${csvFields.join(', ')}, note or ignore`,
      );
    }
  }
  const mapping: Record<string, CsvColumnTarget> = {};
  const taken = new Map<CsvField, string>();
  for (const header of headers) {
    const target = override[header] as CsvColumnTarget | undefined;
    if (target === undefined) continue;
    mapping[header] = target;
    if (target === 'note' || target === 'ignore' || multiColumnFields.has(target)) continue;
    const other = taken.get(target);
    if (other !== undefined) {
      throw fieldError(`mapping.${header}`, `"${other}" already fills ${target}; map only one column to it`);
    }
    taken.set(target, header);
  }
  const candidates: Array<{ header: string; field: CsvField; rank: number; position: number }> = [];
  headers.forEach((header, position) => {
    if (header in mapping) return;
    const key = normalizeHeader(header);
    const fixed = formatColumns[key];
    if (fixed === 'note' || fixed === 'ignore') mapping[header] = fixed;
    else if (fixed !== undefined) candidates.push({ header, field: fixed, rank: -1, position });
    else {
      const alias = aliasIndex.get(key);
      if (alias) candidates.push({ header, field: alias.field, rank: alias.rank, position });
      else mapping[header] = rowIdentifiers.has(key) ? 'ignore' : 'note';
    }
  });
  candidates.sort((a, b) => a.rank - b.rank || a.position - b.position);
  for (const candidate of candidates) {
    if (candidate.header in mapping) continue;
    const isFree = multiColumnFields.has(candidate.field) || !taken.has(candidate.field);
    mapping[candidate.header] = isFree ? candidate.field : 'note';
    if (isFree) taken.set(candidate.field, candidate.header);
  }
  const ordered: Record<string, CsvColumnTarget> = {};
  for (const header of headers) ordered[header] = mapping[header]!;
  return ordered;
}

/** The first column mapped to a field, or null. */
export function columnOf(mapping: CsvColumnMapping, field: CsvField): string | null {
  for (const [column, target] of Object.entries(mapping)) if (target === field) return column;
  return null;
}
