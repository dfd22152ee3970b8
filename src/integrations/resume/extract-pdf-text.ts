import { ResumeExtractionError } from './resume-extraction-error.js';

/**
 * Reads the text layer of a PDF with pdfjs-dist's legacy build, which runs its "worker" in-process in Node.
 * Scripting is off (`isEvalSupported: false`, no XFA, no font loading): only text positions are read.
 * Lines are rebuilt from item positions, so words split across items (kerning, styling) are not torn
 * apart and columns separated by white space keep a space between them.
 */
export type PdfLimits = {
  readonly maxPages: number;
  readonly maxTextLength: number;
  /** `performance.now()` value after which the work is abandoned. */
  readonly deadline: number;
};

export type PdfText = {
  readonly text: string;
  readonly pages: number;
  /** 1-based numbers of pages that have no text at all (a scanned page, an image, a blank page). */
  readonly pagesWithoutText: readonly number[];
};

type PositionedText = {
  readonly str: string;
  readonly hasEOL: boolean;
  readonly transform: readonly number[];
  readonly width: number;
};

export async function extractPdfText(bytes: Uint8Array, limits: PdfLimits): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // A copy: pdfjs may transfer (detach) the buffer it is given, and the caller still owns theirs.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      void task.destroy();
    },
    Math.max(0, limits.deadline - performance.now()),
  );
  const checkDeadline = (): void => {
    if (timedOut || performance.now() > limits.deadline) {
      timedOut = true;
      throw timeoutError();
    }
  };

  try {
    const document = await task.promise;
    checkDeadline();
    if (document.numPages > limits.maxPages) {
      throw new ResumeExtractionError(
        'RESUME_TOO_LARGE',
        `The PDF has ${document.numPages} pages; at most ${limits.maxPages} are read.`,
        { pages: document.numPages, maxPages: limits.maxPages },
      );
    }
    const pageTexts: string[] = [];
    const pagesWithoutText: number[] = [];
    let length = 0;
    for (let number = 1; number <= document.numPages; number++) {
      checkDeadline();
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      page.cleanup();
      const items: PositionedText[] = [];
      for (const item of content.items) if (isPositionedText(item)) items.push(item);
      const text = joinTextItems(items);
      if (!/[\p{L}\p{N}]/u.test(text)) pagesWithoutText.push(number);
      pageTexts.push(text);
      length += text.length;
      if (length > limits.maxTextLength) throw textTooLong(limits.maxTextLength);
    }
    return { text: pageTexts.join('\n\n'), pages: document.numPages, pagesWithoutText };
  } catch (error) {
    if (error instanceof ResumeExtractionError) throw error;
    if (timedOut) throw timeoutError();
    throw describePdfFailure(error);
  } finally {
    clearTimeout(timer);
    await task.destroy();
  }
}

function isPositionedText(item: unknown): item is PositionedText {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

function joinTextItems(items: readonly PositionedText[]): string {
  let text = '';
  let previous: PositionedText | undefined;
  for (const item of items) {
    if (previous !== undefined && !previous.hasEOL && item.str !== '' && previous.str !== '') {
      const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
      const [, , , , previousX = 0, previousY = 0] = previous.transform;
      const fontSize = Math.hypot(c, d) || 10;
      if (Math.abs(y - previousY) > fontSize * 0.5) {
        text += '\n';
      } else if (
        x - (previousX + previous.width) > fontSize * 0.15 &&
        !/\s$/.test(previous.str) &&
        !/^\s/.test(item.str)
      ) {
        text += ' ';
      }
    }
    text += item.str;
    if (item.hasEOL) text += '\n';
    previous = item;
  }
  return text;
}

function describePdfFailure(error: unknown): ResumeExtractionError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') {
    return new ResumeExtractionError(
      'RESUME_UNREADABLE',
      'The PDF is protected by a password; save a copy without the password and upload that.',
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ResumeExtractionError('RESUME_UNREADABLE', `The PDF cannot be read: ${reason.slice(0, 200)}`, {
    reason: reason.slice(0, 500),
  });
}

function timeoutError(): ResumeExtractionError {
  return new ResumeExtractionError(
    'RESUME_TIMEOUT',
    'Reading the PDF took longer than the time allowed; try a simpler export of the document.',
  );
}

export function textTooLong(maxTextLength: number): ResumeExtractionError {
  return new ResumeExtractionError(
    'RESUME_TOO_LARGE',
    `The document holds more than ${maxTextLength.toLocaleString('en-US')} characters of text, far more than a resume; upload the resume alone.`,
    { maxTextLength },
  );
}
