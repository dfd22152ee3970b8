import type { TailoringCheck } from '../core/tailoring-check.js';
import { ApiError } from './api-error.js';

/** Where in the posting a keyword was asked for, in words for people. */
export const postingSectionLabels: Readonly<Record<string, string>> = {
  requirements: 'requirements',
  preferred: 'nice to have',
  responsibilities: 'responsibilities',
  company: 'about the company',
  benefits: 'benefits',
  legal: 'legal text',
  other: 'posting',
};

export type KeywordView = {
  readonly term: string;
  readonly canonical: string;
  readonly kind: 'skill' | 'phrase';
  readonly weight: number;
  readonly inResume: boolean;
  readonly inCoverLetter: boolean;
  readonly inPosting: readonly { readonly excerpt: string; readonly section: string }[];
};

export type CoverLetterChecksView = {
  readonly namesCompany: boolean | null;
  readonly namesRole: boolean | null;
  readonly topRequirements: {
    readonly passed: boolean | null;
    readonly top: readonly string[];
    readonly addressed: readonly string[];
    readonly missing: readonly string[];
  };
};

/** A stored tailoring check as the page shows it. */
export type TailoringView = {
  readonly id: string;
  readonly resumeName: string | null;
  readonly createdAt: string;
  /** 0–100, or null when the posting yields no keywords to match. */
  readonly score: number | null;
  readonly covered: readonly KeywordView[];
  readonly missing: readonly KeywordView[];
  readonly formula: string | null;
  readonly coverLetterChecks: CoverLetterChecksView | null;
};

/**
 * Reads a check's `analysis`, which the API describes only as an object: whatever part is missing or of
 * another shape (a check stored by an older hearback) is left out rather than breaking the page.
 */
export function readTailoringCheck(check: TailoringCheck): TailoringView {
  const analysis = check.analysis;
  return {
    id: check.id,
    resumeName: check.resumeName,
    createdAt: check.createdAt,
    score: typeof check.score === 'number' ? check.score : null,
    covered: readKeywords(analysis.covered),
    missing: readKeywords(analysis.missing),
    formula: typeof analysis.formula === 'string' ? analysis.formula : null,
    coverLetterChecks: readCoverLetterChecks(analysis.coverLetterChecks),
  };
}

function readKeywords(value: unknown): KeywordView[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown): KeywordView[] => {
    if (!isRecord(entry) || typeof entry.term !== 'string') return [];
    const places = Array.isArray(entry.inPosting) ? entry.inPosting : [];
    return [
      {
        term: entry.term,
        canonical: typeof entry.canonical === 'string' ? entry.canonical : entry.term,
        kind: entry.kind === 'phrase' ? 'phrase' : 'skill',
        weight: typeof entry.weight === 'number' ? entry.weight : 0,
        inResume: entry.inResume === true,
        inCoverLetter: entry.inCoverLetter === true,
        inPosting: places.flatMap((place: unknown) =>
          isRecord(place) && typeof place.excerpt === 'string'
            ? [
                {
                  excerpt: place.excerpt,
                  section: typeof place.section === 'string' ? place.section : 'other',
                },
              ]
            : [],
        ),
      },
    ];
  });
}

function readCoverLetterChecks(value: unknown): CoverLetterChecksView | null {
  if (!isRecord(value)) return null;
  const top = isRecord(value.addressesTopRequirements) ? value.addressesTopRequirements : {};
  return {
    namesCompany: readFlag(value.namesCompany),
    namesRole: readFlag(value.namesRole),
    topRequirements: {
      passed: readFlag(top.passed),
      top: readStrings(top.top),
      addressed: readStrings(top.addressed),
      missing: readStrings(top.missing),
    },
  };
}

function readFlag(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

function readStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Plain words for a tailoring check that could not run, led by what to do about it. */
export function explainTailoringError(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'Something went wrong';
  switch (error.code) {
    case 'TAILORING_NEEDS_POSTING':
      return 'This application has no posting text to compare with. Add the posting’s description (Edit details, or paste the posting), then check again.';
    case 'RESUME_NO_TEXT':
      return `No text found in this file: it may be scanned (a picture of text) or empty. Paste the text instead, or upload a PDF or DOCX saved from your word processor. (${error.message})`;
    case 'RESUME_UNSUPPORTED_TYPE':
      return `hearback reads PDF, DOCX and plain-text files. ${error.message}`;
    case 'RESUME_UNREADABLE':
      return `This file could not be read: it may be damaged, password-protected, or not what its name says. (${error.message})`;
    case 'RESUME_TOO_LARGE':
      return `This file is too large to check. ${error.message}`;
    case 'RESUME_TIMEOUT':
      return `Reading this file took too long. Paste its text instead. (${error.message})`;
    case 'BODY_TOO_LARGE':
      return 'The file is too large to send: resumes of up to 10 MB can be checked.';
    default:
      return error.message;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
