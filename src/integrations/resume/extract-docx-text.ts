import { inspectZip, type ZipLimits } from './inspect-zip.js';
import { ResumeExtractionError } from './resume-extraction-error.js';

/**
 * Reads the text of a Word (.docx) document with mammoth, after `inspectZip` has proved the archive small
 * and honest. mammoth cannot be interrupted, so the time budget bounds how long the caller waits; the size
 * limits bound how much work is left running behind it.
 */
export type DocxLimits = ZipLimits & {
  /** `performance.now()` value after which the caller stops waiting. */
  readonly deadline: number;
};

export type DocxText = {
  readonly text: string;
  readonly messages: readonly string[];
};

export async function extractDocxText(bytes: Uint8Array, limits: DocxLimits): Promise<DocxText> {
  const entries = inspectZip(bytes, limits);
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('[Content_Types].xml') || !entries.some((entry) => entry.name.startsWith('word/'))) {
    const what = names.has('mimetype')
      ? 'an OpenDocument or other packaged file'
      : 'a zip archive that is not a Word document';
    throw new ResumeExtractionError(
      'RESUME_UNSUPPORTED_TYPE',
      `The file is ${what}; upload the resume as PDF, DOCX or plain text.`,
    );
  }

  const { default: mammoth } = await import('mammoth');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ResumeExtractionError(
            'RESUME_TIMEOUT',
            'Reading the DOCX file took longer than the time allowed; try saving it again or as PDF.',
          ),
        ),
      Math.max(0, limits.deadline - performance.now()),
    );
  });
  try {
    const result = await Promise.race([
      mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }),
      timeout,
    ]);
    return { text: result.value, messages: result.messages.map((message) => message.message) };
  } catch (error) {
    if (error instanceof ResumeExtractionError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ResumeExtractionError(
      'RESUME_UNREADABLE',
      `The DOCX file cannot be read: ${reason.slice(0, 200)}`,
      { reason: reason.slice(0, 500) },
    );
  } finally {
    clearTimeout(timer);
  }
}
