import { defaultCsvLimits } from '../core/csv-import.js';

/** The largest resume the server reads (src/integrations/resume: 10 MB); larger files are refused here. */
export const maxResumeBytes = 10 * 1024 * 1024;

/** The largest CSV file the server reads. */
export const maxCsvBytes = defaultCsvLimits.maxBytes;

/** The largest backup the server restores (src/server/routes/backup-routes.ts). */
export const maxBackupBytes = 100 * 1024 * 1024;

/** Invitation files are small; the server takes up to 1 MB. */
export const maxInvitationBytes = 1_000_000;

export type UploadedFile = {
  readonly fileName: string;
  readonly mimeType?: string;
  readonly contentBase64: string;
};

/**
 * Base64 of any bytes, in slices: `String.fromCharCode(...bytes)` on a whole 10 MB file would overflow the
 * call stack.
 */
export function encodeBase64(bytes: Uint8Array): string {
  const slice = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  }
  return btoa(binary);
}

/** A file as the tailoring check takes it: name, type and content in base64. */
export async function readUploadedFile(file: File): Promise<UploadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    fileName: file.name || 'resume',
    ...(file.type ? { mimeType: file.type } : {}),
    contentBase64: encodeBase64(bytes),
  };
}

/**
 * A text file's content. Spreadsheets saved on Windows are often in Windows-1252, not UTF-8: bytes that are
 * not valid UTF-8 are read as Windows-1252, so "Société" stays "Société" and never becomes "Soci�t�".
 */
export function decodeTextFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Windows-1252's characters for 0x80–0x9F (undefined bytes stay as their Latin-1 code points). */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decoded here rather than by `TextDecoder('windows-1252')`, which Node (where the tests run) reads as
 * Latin-1, turning "€" into a control character.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    units[i] = byte >= 0x80 && byte <= 0x9f ? windows1252High.charCodeAt(byte - 0x80) : byte;
  }
  const slice = 0x8000;
  let text = '';
  for (let i = 0; i < units.length; i += slice) {
    text += String.fromCharCode(...units.subarray(i, i + slice));
  }
  return text;
}

export async function readTextFile(file: File): Promise<string> {
  return decodeTextFile(new Uint8Array(await file.arrayBuffer()));
}

/** Why a file cannot be sent, when it is over the size the server takes; null when it fits. */
export function fileTooLarge(file: { readonly size: number }, limit: number): string | null {
  if (file.size <= limit) return null;
  return `the file is ${formatFileSize(file.size, 'up')}; the limit is ${formatFileSize(limit)}`;
}

/**
 * "2.4 MB", "820 kB": a size for people. A file refused for being over a limit is rounded `up`, so one just
 * over it never reads as the limit itself ("10.1 MB; the limit is 10.0 MB").
 */
export function formatFileSize(bytes: number, rounding: 'nearest' | 'up' = 'nearest'): string {
  const round = rounding === 'up' ? Math.ceil : Math.round;
  if (bytes >= 1024 * 1024) return `${(round((bytes * 10) / (1024 * 1024)) / 10).toFixed(1)} MB`;
  return `${Math.max(1, round(bytes / 1024))} kB`;
}
