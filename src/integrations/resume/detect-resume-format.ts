import { ResumeExtractionError } from './resume-extraction-error.js';

/**
 * Decides how to read an upload from its first bytes; the file name and media type only settle what the
 * bytes leave open (plain text has no signature) and catch a file that claims to be what it is not.
 */
export type ResumeFormat = 'pdf' | 'docx' | 'text';

export type FormatHints = {
  readonly fileName?: string | undefined;
  readonly mimeType?: string | undefined;
};

export type DetectedFormat = {
  readonly format: ResumeFormat;
  /** What the name or media type claimed, when that differs from the content. */
  readonly claimed: ResumeFormat | null;
};

const docxMimeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const refusedSignatures: readonly { readonly bytes: readonly number[]; readonly what: string }[] = [
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'a Word 97-2003 (.doc) or other legacy Office file; save it as .docx or PDF',
  },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document; save it as .docx or PDF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: imageReason('PNG') },
  { bytes: [0xff, 0xd8, 0xff], what: imageReason('JPEG') },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: imageReason('GIF') },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: imageReason('TIFF') },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: imageReason('TIFF') },
];

export function detectResumeFormat(bytes: Uint8Array, hints: FormatHints = {}): DetectedFormat {
  const format = formatFromContent(bytes);
  const claimed = claimedFormat(hints);
  if (claimed === 'doc') {
    if (format === 'text') throw unsupported('a Word 97-2003 (.doc) file; save it as .docx or PDF');
    return { format, claimed: null };
  }
  if (format === 'text' && claimed !== null && claimed !== 'text') {
    throw new ResumeExtractionError(
      'RESUME_UNREADABLE',
      `The file is named or typed as ${claimed.toUpperCase()} but its content is not; it may be damaged or renamed.`,
      { claimed },
    );
  }
  return { format, claimed: claimed !== null && claimed !== format ? claimed : null };
}

function formatFromContent(bytes: Uint8Array): ResumeFormat {
  // The PDF header may follow a little junk (the specification tolerates it in the first 1024 bytes).
  if (indexOfAscii(bytes.subarray(0, 1024), '%PDF-') >= 0) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'docx';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && indexOfAscii(bytes.subarray(8, 12), 'WEBP') === 0) {
    throw unsupported(imageReason('WebP'));
  }
  for (const signature of refusedSignatures) {
    if (startsWith(bytes, signature.bytes)) throw unsupported(signature.what);
  }
  return 'text';
}

function claimedFormat(hints: FormatHints): ResumeFormat | 'doc' | null {
  const mime = hints.mimeType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = /\.([a-z0-9]+)$/i.exec(hints.fileName ?? '')?.[1]?.toLowerCase() ?? '';
  if (mime === 'application/pdf' || extension === 'pdf') return 'pdf';
  if (mime === docxMimeType || extension === 'docx') return 'docx';
  if (mime === 'application/msword' || extension === 'doc') return 'doc';
  if (mime.startsWith('text/') || ['txt', 'text', 'md', 'markdown'].includes(extension)) return 'text';
  return null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  const first = needle.charCodeAt(0);
  outer: for (let at = 0; at + needle.length <= bytes.length; at++) {
    if (bytes[at] !== first) continue;
    for (let k = 1; k < needle.length; k++) {
      if (bytes[at + k] !== needle.charCodeAt(k)) continue outer;
    }
    return at;
  }
  return -1;
}

function imageReason(kind: string): string {
  return `a ${kind} image; hearback reads the text of a document and does not recognise text in pictures (no OCR), so upload the PDF or DOCX the image was made from`;
}

function unsupported(what: string): ResumeExtractionError {
  return new ResumeExtractionError('RESUME_UNSUPPORTED_TYPE', `The file is ${what}.`);
}
