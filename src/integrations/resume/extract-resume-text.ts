import { decodeTextFile } from './decode-text-file.js';
import { detectResumeFormat, type ResumeFormat } from './detect-resume-format.js';
import { extractDocxText } from './extract-docx-text.js';
import { extractPdfText, textTooLong } from './extract-pdf-text.js';
import { formatMegabytes } from './inspect-zip.js';
import { normalizeExtractedText } from './normalize-extracted-text.js';
import { ResumeExtractionError } from './resume-extraction-error.js';

/**
 * Turns an uploaded resume or cover letter (PDF, DOCX, plain text or Markdown) into plain text for the
 * tailoring check. Every upload is untrusted: the size is checked before any parsing, a DOCX is proved not
 * to be a zip bomb before it is unpacked, a PDF's page count is checked before its pages are read, the text
 * is capped, and the whole read has a time budget. Failures are ResumeExtractionError with a code.
 */
export type ResumeLimits = {
  /** Size of the uploaded file. */
  readonly maxBytes: number;
  readonly maxPages: number;
  /** Characters of extracted text. */
  readonly maxTextLength: number;
  /** DOCX: the sum of the declared uncompressed sizes of its parts. */
  readonly maxUncompressedBytes: number;
  /** DOCX: uncompressed / compressed size of any part over one MiB. */
  readonly maxCompressionRatio: number;
  /** DOCX: number of parts in the archive. */
  readonly maxZipEntries: number;
  readonly timeBudgetMs: number;
};

export const resumeLimits: ResumeLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxPages: 20,
  maxTextLength: 200_000,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 1_000,
  timeBudgetMs: 15_000,
};

export type ExtractResumeOptions = {
  readonly fileName?: string | undefined;
  readonly mimeType?: string | undefined;
  readonly limits?: Partial<ResumeLimits> | undefined;
};

export type ExtractedResume = {
  readonly text: string;
  /** PDF only: the number of pages read. */
  readonly pages?: number;
  readonly format: ResumeFormat;
  /** Things the user should know about the text, in plain words (pages skipped, characters lost). */
  readonly warnings: readonly string[];
};

/** Fewer letters and digits than this and a document is treated as having no text at all. */
const minimumMeaningfulCharacters = 10;

export async function extractResumeText(
  buffer: Uint8Array,
  options: ExtractResumeOptions = {},
): Promise<ExtractedResume> {
  const limits: ResumeLimits = { ...resumeLimits, ...options.limits };
  const deadline = performance.now() + limits.timeBudgetMs;
  if (buffer.byteLength > limits.maxBytes) {
    throw new ResumeExtractionError(
      'RESUME_TOO_LARGE',
      `The file is ${formatMegabytes(buffer.byteLength, 'up')}; at most ${formatMegabytes(limits.maxBytes)} is accepted.`,
      { bytes: buffer.byteLength, maxBytes: limits.maxBytes },
    );
  }
  if (buffer.byteLength === 0) throw noText('The file is empty.');

  const { format, claimed } = detectResumeFormat(buffer, options);
  const warnings: string[] = [];
  if (claimed !== null) {
    warnings.push(
      `The file is named or typed as ${claimed.toUpperCase()} but is a ${format.toUpperCase()}; it was read as ${format.toUpperCase()}.`,
    );
  }

  let text: string;
  let pages: number | undefined;
  if (format === 'pdf') {
    const pdf = await extractPdfText(buffer, { ...limits, deadline });
    pages = pdf.pages;
    const normalized = normalizeExtractedText(pdf.text);
    text = normalized.text;
    if (hasMeaningfulText(text) && pdf.pagesWithoutText.length > 0) {
      warnings.push(
        `${describePages(pdf.pagesWithoutText)} no text layer (a scanned image or a blank page) and ${pdf.pagesWithoutText.length === 1 ? 'was' : 'were'} skipped.`,
      );
    }
    warnUndecodable(warnings, normalized.undecodable, 'the PDF uses a font without a text mapping');
  } else if (format === 'docx') {
    const docx = await extractDocxText(buffer, {
      maxEntries: limits.maxZipEntries,
      maxUncompressedBytes: limits.maxUncompressedBytes,
      maxCompressionRatio: limits.maxCompressionRatio,
      deadline,
    });
    const normalized = normalizeExtractedText(docx.text);
    text = normalized.text;
    warnUndecodable(warnings, normalized.undecodable, 'the document holds control characters');
    const notes = [...new Set(docx.messages)];
    for (const note of notes.slice(0, 5)) warnings.push(`Word document: ${note.slice(0, 300)}`);
    if (notes.length > 5) warnings.push(`Word document: ${notes.length - 5} more notes about formatting.`);
  } else {
    text = decodeTextFile(buffer);
  }

  if (text.length > limits.maxTextLength) throw textTooLong(limits.maxTextLength);
  if (!hasMeaningfulText(text)) {
    throw noText(
      format === 'pdf'
        ? 'No text found in the PDF: it is probably a scanned image or an export without a text layer. hearback does not recognise text in images; export the resume again as a text PDF or DOCX, or paste its text.'
        : 'No text found in the file.',
    );
  }
  return pages === undefined ? { text, format, warnings } : { text, pages, format, warnings };
}

function hasMeaningfulText(text: string): boolean {
  return (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= minimumMeaningfulCharacters;
}

function describePages(numbers: readonly number[]): string {
  if (numbers.length === 1) return `Page ${numbers[0]} has`;
  const shown = numbers.slice(0, 10).join(', ');
  return `Pages ${shown}${numbers.length > 10 ? ' and others' : ''} have`;
}

function warnUndecodable(warnings: string[], count: number, reason: string): void {
  if (count === 0) return;
  warnings.push(
    `${count} character${count === 1 ? '' : 's'} could not be read (${reason}) and ${count === 1 ? 'shows' : 'show'} as \uFFFD; check the text for gaps.`,
  );
}

function noText(message: string): ResumeExtractionError {
  return new ResumeExtractionError('RESUME_NO_TEXT', message);
}
