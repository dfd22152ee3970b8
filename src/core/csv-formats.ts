import type { SourceKind } from './application.js';
import { normalizeHeader } from './csv-column-mapping.js';
import type { DateOrder, NaiveTimes } from './csv-dates.js';
import type { CsvColumnTarget, CsvFormatId } from './csv-import.js';

/** What hearback knows about one tracker's export beyond the header aliases. */
export type CsvFormat = {
  readonly id: CsvFormatId;
  readonly label: string;
  /** Normalised headers that must all be present for a file to be this format. */
  readonly signature: readonly string[];
  /** Normalised headers that must be absent (to tell similar exports apart). */
  readonly without?: readonly string[];
  /** Columns whose meaning in this export differs from, or is more certain than, the generic aliases. */
  readonly columns: Readonly<Record<string, CsvColumnTarget>>;
  /** The status rows get when the file has no status column. */
  readonly defaultStatus: string;
  readonly dateOrder: DateOrder | null;
  readonly naiveTimes: NaiveTimes;
  readonly source: { readonly kind: SourceKind; readonly detail: string } | null;
  /** Cell values that mean "nothing" (compared without case); spaces-only cells are always empty. */
  readonly emptyValues: readonly string[];
  /** Whether notes and descriptions of only spaces count as empty; hearback's own export keeps them exactly. */
  readonly blankTextIsEmpty: boolean;
  /** Tags are split on commas; exporters that cannot hold commas in a tag may also use `;` or `|`. */
  readonly tagSeparators: RegExp;
  /**
   * Whether cells are read exactly as written, surrounding spaces included: hearback's own export wrote
   * them so (tags joined by `, `), and a round trip must give them back byte for byte.
   */
  readonly exactText: boolean;
};

const anySeparator = /[,;|]/;

const generic: CsvFormat = {
  id: 'generic',
  label: 'Spreadsheet',
  signature: [],
  columns: {},
  defaultStatus: 'applied',
  dateOrder: null,
  naiveTimes: 'local',
  source: null,
  emptyValues: ['-', '–', '—', 'n/a'],
  blankTextIsEmpty: true,
  tagSeparators: anySeparator,
  exactText: false,
};

/**
 * Known exports, most specific first. Headers come from each vendor's own export: Huntr's job board CSV,
 * LinkedIn's data archive (Jobs/Job Applications.csv and Jobs/Saved Jobs.csv), JobSync's jobs download
 * (src/app/api/jobs/export), Teal's job tracker, and hearback's own CSV export.
 */
export const csvFormats: readonly CsvFormat[] = [
  {
    ...generic,
    id: 'hearback',
    label: 'hearback CSV export',
    signature: ['company', 'jobtitle', 'stage', 'furtheststage', 'outcome'],
    columns: {
      saved: 'savedAt',
      applied: 'appliedAt',
      stagechanged: 'stageAt',
      ended: 'endedAt',
      source: 'source',
      sourcedetail: 'sourceDetail',
    },
    // hearback writes empty fields as empty cells, so a note reading "-" or "N/A" is that text.
    emptyValues: [],
    blankTextIsEmpty: false,
    tagSeparators: /,/,
    exactText: true,
  },
  {
    ...generic,
    id: 'huntr',
    label: 'Huntr',
    signature: ['id', 'createdat', 'title', 'listname', 'companyname'],
    columns: {
      id: 'ignore',
      createdat: 'savedAt',
      title: 'jobTitle',
      url: 'postingUrl',
      rootdomain: 'ignore',
      htmldescription: 'description',
      deadline: 'validThrough',
      color: 'ignore',
      lastmovedat: 'stageAt',
      boardid: 'ignore',
      boardname: 'ignore',
      listid: 'ignore',
      listname: 'status',
      companyid: 'ignore',
      companyname: 'companyName',
      companydomain: 'ignore',
      creatoruserid: 'ignore',
      creatoruserfirstname: 'ignore',
      creatoruserlastname: 'ignore',
      creatoruseremail: 'ignore',
    },
    // Huntr writes its timestamps in UTC without saying so (deadlines at 05:00 are midnight in New York).
    naiveTimes: 'utc',
  },
  {
    ...generic,
    id: 'linkedin_applications',
    label: 'LinkedIn job applications (data export)',
    signature: ['applicationdate', 'companyname', 'jobtitle', 'joburl'],
    columns: {
      applicationdate: 'appliedAt',
      resumename: 'resume',
      contactemail: 'note',
      contactphonenumber: 'note',
      questionandanswers: 'note',
    },
    defaultStatus: 'applied',
    dateOrder: 'mdy',
    source: { kind: 'job_board', detail: 'LinkedIn' },
  },
  {
    ...generic,
    id: 'linkedin_saved_jobs',
    label: 'LinkedIn saved jobs (data export)',
    signature: ['saveddate', 'joburl', 'jobtitle', 'companyname'],
    without: ['applicationdate', 'status'],
    columns: { saveddate: 'savedAt' },
    defaultStatus: 'saved',
    dateOrder: 'mdy',
    source: { kind: 'job_board', detail: 'LinkedIn' },
  },
  {
    ...generic,
    id: 'jobsync',
    label: 'JobSync',
    signature: ['index', 'createdat', 'applied', 'applieddate', 'company', 'jobtitle', 'status'],
    columns: {
      index: 'ignore',
      createdat: 'savedAt',
      applied: 'ignore',
      applieddate: 'appliedAt',
      locations: 'location',
      jobsource: 'source',
      jobtype: 'employmentType',
    },
  },
  {
    ...generic,
    id: 'teal',
    label: 'Teal',
    signature: ['jobposition', 'company', 'status'],
    columns: {
      jobposition: 'jobTitle',
      datesaved: 'savedAt',
      dateapplied: 'appliedAt',
      excitement: 'priority',
      followup: 'note',
    },
  },
];

export const genericCsvFormat: CsvFormat = generic;

/** The known export a header row belongs to, or the generic spreadsheet format. */
export function detectCsvFormat(headers: readonly string[]): CsvFormat {
  const present = new Set(headers.map(normalizeHeader));
  for (const format of csvFormats) {
    const hasAll = format.signature.every((h) => present.has(h));
    const hasNone = (format.without ?? []).every((h) => !present.has(h));
    if (hasAll && hasNone) return format;
  }
  return generic;
}

/** Every format a user can choose from, known exports first, then any other spreadsheet. */
export const csvFormatChoices: readonly Pick<CsvFormat, 'id' | 'label'>[] = [...csvFormats, generic].map(
  ({ id, label }) => ({ id, label }),
);

export function csvFormatById(id: CsvFormatId): CsvFormat {
  return csvFormats.find((f) => f.id === id) ?? generic;
}
